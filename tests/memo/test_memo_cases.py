"""Example memos: every folder under tests/memo/cases is one memo with its expected outcome.

A case holds `memo.txt` (the bytes as exported), `expected.txt` (one finding per line,
`<line> <code>`; absent means none), optionally `expected.yaml` (values the written observation
must contain; lists compare item by item) and `footnotes.csv` (passed as `--footnotes`).
A case expecting an error must write nothing. Adding a case is adding a folder. Cases are
imported under codebook 1.1.0; findings of the check of the written file (and the
`memo-written-as-draft` warning that lists them) are the business of test_memo_check.py.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from cmr import _yaml
from cmr.memo import Options, import_memos
from cmr.project import Project

CASES = Path(__file__).parent / "cases"
ALL = sorted(p for p in CASES.iterdir() if p.is_dir())
CHECKED = {"memo-written-as-draft"}


def _expected(case: Path) -> list[tuple[int, str]]:
    path = case / "expected.txt"
    if not path.exists():
        return []
    rows = [line.split() for line in path.read_text().splitlines() if line.strip()]
    return sorted((int(line), code) for line, code in rows)


def assert_contains(actual: Any, expected: Any, where: str = "") -> None:
    """Every value of `expected` is in `actual` at the same place."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), where
        for key, value in expected.items():
            assert key in actual, f"{where}.{key} missing"
            assert_contains(actual[key], value, f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) == len(expected), where
        for i, (a, e) in enumerate(zip(actual, expected, strict=True)):
            assert_contains(a, e, f"{where}[{i}]")
    else:
        assert actual == expected, where


@pytest.mark.parametrize("case", ALL, ids=[p.name for p in ALL])
def test_case(case: Path, project: Path) -> None:
    """The memo gives exactly the expected findings, and the expected observation if any."""
    memo = project / "memos" / "memo.txt"
    memo.parent.mkdir()
    shutil.copy(case / "memo.txt", memo)
    csv = case / "footnotes.csv"
    run = import_memos(
        [memo],
        project=Project(project),
        footnotes=csv if csv.exists() else None,
        options=Options(coded_on=dt.date(2026, 1, 5)),
        codebook="1.1.0",
    )
    shown = Project(project).display(memo)
    found = [f for f in run.result.findings if f.file == shown and f.code not in CHECKED]
    assert sorted((f.line, f.code) for f in found) == _expected(case)
    if any(f.severity == "error" for f in found):
        assert run.written == []
        assert not any((project / "observations").rglob("*.yaml"))
        return
    assert len(run.written) == 1
    data = _yaml.loads(run.written[0].read_text(encoding="utf-8"))
    if (case / "expected.yaml").exists():
        assert_contains(data, yaml.safe_load((case / "expected.yaml").read_text("utf-8")))


def test_every_case_is_complete() -> None:
    """Each case has a memo, and a case that refuses says which finding it expects."""
    for case in ALL:
        assert (case / "memo.txt").is_file(), case.name
        if case.name.startswith("refuse-"):
            assert _expected(case), case.name
