"""`R/read_cmr.R`: the exported panel read in R, with factors, labels and missing codes
intact, compared cell by cell with what Python reads. Runs `Rscript`; skipped without it."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest
from support import REPO, make_project

from cmr.export import export, load_panel
from cmr.project import Project

RSCRIPT = shutil.which("Rscript")
pytestmark = pytest.mark.skipif(RSCRIPT is None, reason="Rscript is not installed (R's runner)")
LOADER = REPO / "R" / "read_cmr.R"

DUMP = """
source({loader})
dump <- function(frame) {{
  out <- lapply(frame, function(x) if (is.factor(x)) as.character(x) else x)
  out$.levels <- lapply(Filter(is.factor, frame), levels)
  out$.ordered <- names(Filter(is.ordered, frame))
  out$.labels <- lapply(Filter(function(x) !is.null(attr(x, "labels")), frame),
                        function(x) as.list(attr(x, "labels")))
  out$.names <- names(frame)
  out
}}
long <- read_cmr({dist}, labels = {labels})
wide <- read_cmr({dist}, shape = "wide", labels = {labels})
jsonlite::write_json(list(long = dump(long), wide = dump(wide)), {out},
                     na = "null", null = "null", auto_unbox = FALSE, digits = NA)
"""


def _r(code: str) -> subprocess.CompletedProcess[str]:
    assert RSCRIPT is not None
    return subprocess.run(
        [RSCRIPT, "--vanilla", "-e", code], capture_output=True, text=True, timeout=120
    )


def _quote(path: Path | str) -> str:
    return json.dumps(str(path))


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The export of the export tests' panel (five country-years, a missing code, evidence
    with quotes, newlines, non-Latin text and a literal NA)."""
    from export.conftest import fill_panel

    project = fill_panel(make_project(tmp_path_factory.mktemp("r-panel")))
    run = export(project / "dist", project=Project.find(project))
    assert run.result.success, [f.render() for f in run.result.findings]
    return project / "dist"


def _read(dist: Path, tmp: Path, labels: bool = False) -> dict:
    out = tmp / "dump.json"
    code = DUMP.format(
        loader=_quote(LOADER), dist=_quote(dist), out=_quote(out), labels=str(labels).upper()
    )
    done = _r(code)
    assert done.returncode == 0, done.stderr
    return json.loads(out.read_text(encoding="utf-8"))


def test_long_panel_reads_as_python_reads_it(dist: Path, tmp_path: Path) -> None:
    """Every column of the long panel holds in R what load_panel gives in Python: codes as
    factor levels in codebook order, missing codes kept, texts byte for byte (a literal "NA"
    included), integers and dates."""
    got = _read(dist, tmp_path)["long"]
    long = load_panel(dist, "long")
    assert got[".names"] == list(long.columns)
    for name in long.columns:
        column = long[name]
        if isinstance(column.dtype, pd.CategoricalDtype):
            assert got[".levels"][name] == [str(c) for c in column.cat.categories], name
            expected = [None if pd.isna(v) else str(v) for v in column]
        elif name == "as_of":
            expected = [v.strftime("%Y-%m-%d") for v in column]
        else:
            expected = [
                None if pd.isna(v) else (int(v) if not isinstance(v, str) else v) for v in column
            ]
        assert got[name] == expected, name
    assert "unknown" in got["answer"]
    assert any("NA null nan" in e for e in got["evidence"])
    assert got[".ordered"] == ["confidence"]


def test_wide_panel_keeps_missing_codes_and_value_labels(dist: Path, tmp_path: Path) -> None:
    """In the wide panel each value is an integer with its value labels, and the missing code
    behind an empty value is in `<variable>_missing`; with labels=TRUE levels are the labels."""
    got = _read(dist, tmp_path, labels=True)["wide"]
    wide = load_panel(dist)
    package = json.loads((dist / "datapackage.json").read_text(encoding="utf-8"))
    fields = {
        f["name"]: f
        for r in package["resources"]
        if r["name"] == "panel_wide"
        for f in r["schema"]["fields"]
    }
    assert got[".names"] == list(wide.columns)
    last = [c for c in wide.columns if c.endswith("_missing")][-1]
    variable = last.removesuffix("_missing")
    label = {c["value"]: c["label"] for c in fields[last]["categories"]}
    assert got[last] == [label[str(v)] for v in wide[last]]
    assert got[variable] == [None] * len(wide)
    first = next(c for c in wide.columns if c.endswith("_missing")).removesuffix("_missing")
    assert got[first] == [int(v) for v in wide[first]]
    assert got[".labels"][first] == {c["label"]: [c["value"]] for c in fields[first]["categories"]}
    assert f"{first}_conf" in got[".ordered"]


def test_a_changed_file_is_refused(dist: Path, tmp_path: Path) -> None:
    """A panel file edited after the export stops read_cmr with one message, not wrong data."""
    copy = tmp_path / "dist"
    shutil.copytree(dist, copy)
    path = copy / "panel_long.csv"
    path.write_bytes(path.read_bytes() + b"\n")
    done = _r(f"source({_quote(LOADER)}); read_cmr({_quote(copy)})")
    assert done.returncode != 0
    assert "has changed since the export" in done.stderr


def test_a_code_the_package_does_not_list_is_refused(dist: Path, tmp_path: Path) -> None:
    """An answer that is not one of the package's codes stops read_cmr instead of becoming
    NA (the package is made to describe the edited file, so that only the code is wrong)."""
    copy = tmp_path / "dist"
    shutil.copytree(dist, copy)
    path = copy / "panel_long.csv"
    path.write_bytes(path.read_bytes().replace(b'"unknown"', b'"unkn0wn"', 1))
    package = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        if resource["path"] == path.name:
            resource["bytes"] = path.stat().st_size
            resource["hash"] = "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
    (copy / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    done = _r(f"source({_quote(LOADER)}); read_cmr({_quote(copy)})")
    assert done.returncode != 0
    assert "column answer holds unkn0wn" in done.stderr


def test_panel_with_units_reads_its_unit_and_reference_date(tmp_path: Path) -> None:
    """Under a codebook with `units`, `unit` is a factor of the codebook's units and
    `reference_date` a date, as load_panel reads them."""
    from events_support import event, events_project, write

    project = events_project(tmp_path / "data")
    answers = {"coup_recent": "yes", "coup_ever": "yes", "regime_coup": "yes"}
    write(project, answers, [event("putsch", "1992-05-15")], year=1993)
    run = export(tmp_path / "out", project=Project.find(project))
    assert run.result.success, [f.render() for f in run.result.findings]
    got = _read(run.out, tmp_path)["wide"]
    wide = load_panel(run.out)
    assert got["unit"] == [str(u) for u in wide["unit"]]
    assert got[".levels"]["unit"] == [str(c) for c in wide["unit"].cat.categories]
    assert got["reference_date"] == [d.strftime("%Y-%m-%d") for d in wide["reference_date"]]
