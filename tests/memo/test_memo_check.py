"""What the importer writes passes `cmr check` where it stands, or is a draft whose findings
are the ones printed; its `$schema` line is right wherever it is written."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from support import cmr_run

from cmr import _yaml

CASES = Path(__file__).parent / "cases"
GOOD = CASES / "tabs-and-wrapped-questions" / "memo.txt"
OPTIONS = ("--coded-on", "2026-01-05", "--codebook", "1.1.0")
SCHEMA = "codebook/schema/observation-1.1.0.schema.json"


def _mapping(tmp_path: Path) -> list[str]:
    """Options under which GOOD passes the check: every footnote and every other answer
    cites curtis1995 with pages."""
    csv = tmp_path / "mapped.csv"
    csv.write_text(
        "footnote,key,pages\n" + "".join(f"{n},curtis1995,{n}\n" for n in range(1, 14)),
        encoding="utf-8",
    )
    return ["--footnotes", str(csv), "--cite-memo", "curtis1995"]


def test_import_that_passes_is_final(project, tmp_path):
    """A memo whose file passes the check is written without `status`; exit 0, and the
    check's warnings are printed as `cmr check` prints them."""
    done = cmr_run(project, "import-memo", str(GOOD), *OPTIONS, *_mapping(tmp_path))
    assert done.returncode == 0, done.stdout
    assert done.stderr == "wrote observations/AZE/1992.yaml\n"
    data = _yaml.loads((project / "observations/AZE/1992.yaml").read_text("utf-8"))
    assert "status" not in data
    checked = cmr_run(project, "check")
    assert checked.returncode == 0
    printed = [line for line in done.stdout.splitlines() if line.startswith("observations/")]
    assert printed == checked.stdout.splitlines()[:-1]


def test_import_that_fails_is_a_draft_with_the_check_findings(project):
    """Unmapped footnotes make a draft: the import exits 1 and reports, in JSON, exactly the
    findings `cmr check --format json` reports on the file, plus the draft warning."""
    done = cmr_run(project, "import-memo", str(GOOD), *OPTIONS, "--format", "json")
    assert done.returncode == 1
    text = (project / "observations/AZE/1992.yaml").read_text("utf-8")
    assert '\ncoded_on: "2026-01-05"\nstatus: draft\nmemo: 7\n' in text
    found = json.loads(done.stdout)["findings"]
    on_file = [f for f in found if f["file"] == "observations/AZE/1992.yaml"]
    checked = json.loads(cmr_run(project, "check", "--format", "json").stdout)["findings"]
    assert on_file == checked != []
    assert [f["code"] for f in found if f not in on_file] == ["memo-written-as-draft"]
    assert {f["code"] for f in on_file} == {
        "citation-unresolved-footnote",
        "citation-without-pages",
        "window-no-year-in-window",
    }


def test_coding_beside_an_observation_is_checked_in_context(project, tmp_path):
    """An independent coding is checked with its country-year: that the adjudicated file's
    `reconciles` leaves it out is reported with the import, as `cmr check` reports it."""
    done = cmr_run(project, "import-memo", str(GOOD), *OPTIONS, *_mapping(tmp_path))
    assert done.returncode == 0
    adjudicated = project / "observations/AZE/1992.yaml"
    adjudicated.write_text(
        adjudicated.read_text("utf-8").replace("coder: legacy-memo", "coder: lead")
        + "reconciles: [alice]\n",
        encoding="utf-8",
    )
    again = cmr_run(
        project, "import-memo", str(GOOD), *OPTIONS, *_mapping(tmp_path), "--coder", "bob"
    )
    assert (again.returncode, again.stderr) == (0, "wrote observations/AZE/1992/bob.yaml\n")
    checked = cmr_run(project, "check", "observations/AZE/1992/bob.yaml")
    printed = [line for line in again.stdout.splitlines() if line.startswith("observations/")]
    assert printed == checked.stdout.splitlines()[:-1]
    assert "reconciles-unlisted-coding" in "".join(printed)


@pytest.mark.parametrize(
    ("out", "cwd", "expected"),
    [
        (None, ".", f"../../{SCHEMA}"),
        ("review", ".", f"../../{SCHEMA}"),
        ("deep/er/review", ".", f"../../../../{SCHEMA}"),
        ("../sub/review", "observations", f"../../../{SCHEMA}"),
        ("OUTSIDE", ".", None),
    ],
)
def test_schema_line_for_any_out(project, tmp_path, out, cwd, expected):
    """The `$schema` path, taken from the written file's folder, reaches the codebook's
    schema for any --out, relative or absolute, from any working directory."""
    if out == "OUTSIDE":
        out = str(tmp_path.parent / f"{tmp_path.name}-outside")
    args = ["-C", str(project), "import-memo", str(GOOD), *OPTIONS]
    args += ["--out", out] if out else []
    where = project / cwd
    where.mkdir(exist_ok=True)
    cmr_run(where, *args)
    folder = Path(out) if out and os.path.isabs(out) else where / (out or "../observations")
    if out is None:
        folder = project / "observations"
    path = folder / "AZE" / "1992.yaml"
    ref = path.read_text("utf-8").splitlines()[0].split("$schema=", 1)[1]
    assert (path.parent / ref).resolve() == (project / SCHEMA).resolve()
    if expected is not None:
        assert ref == expected


def test_schema_line_of_an_independent_coding(project, tmp_path):
    """An independent coding sits a folder deeper; its `$schema` path says so."""
    (project / "observations/AZE").mkdir()
    (project / "observations/AZE/1992.yaml").write_text("coder: lead\n", encoding="utf-8")
    cmr_run(project, "import-memo", str(GOOD), *OPTIONS, "--coder", "jdoe")
    first = (project / "observations/AZE/1992/jdoe.yaml").read_text("utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=../../../{SCHEMA}"
