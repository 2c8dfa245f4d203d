"""Example directories: every folder under tests/cases is a dataset with its expected findings.

A case is `tests/cases/{valid,invalid}/<name>/` holding `observations/**` (YAML files and, if
the case needs one, `references.bib`; otherwise the shared test bibliography is used),
optionally `cmr.toml` and `codebook/` (otherwise the repository's codebook is used), and for
invalid cases `expected.txt`: one finding per line, `<path under observations>:<line> <code>`.
Adding a case is adding a folder.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cmr.checking import check
from cmr.project import Project

CASES = Path(__file__).parent / "cases"
ALL = sorted(p for kind in ("valid", "invalid") for p in (CASES / kind).iterdir() if p.is_dir())


def _materialise(case: Path, project: Path) -> Path:
    for item in case.iterdir():
        target = project / item.name
        if item.is_dir():
            shutil.copytree(item, target, dirs_exist_ok=True)
        elif item.name != "expected.txt":
            shutil.copy(item, target)
    return project


def _expected(case: Path) -> list[tuple[str, int, str]]:
    path = case / "expected.txt"
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            where, code = line.rsplit(maxsplit=1)
            file, number = where.rsplit(":", 1)
            out.append((file, int(number), code))
    return sorted(out)


@pytest.mark.parametrize("case", ALL, ids=[f"{p.parent.name}/{p.name}" for p in ALL])
def test_case(case: Path, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Checking the case's dataset yields exactly the expected codes on the expected lines."""
    _materialise(case, project)
    monkeypatch.chdir(project / "observations")
    run = check(project=Project.find(project))
    found = sorted((f.file, f.line, f.code) for f in run.result.findings)
    assert found == _expected(case)
    assert run.result.success == (
        case.parent.name == "valid" or not any(f.severity == "error" for f in run.result.findings)
    )


def test_cases_exist() -> None:
    """The example tree holds both valid and invalid cases."""
    assert any(p.parent.name == "valid" for p in ALL)
    assert any(p.parent.name == "invalid" for p in ALL)
