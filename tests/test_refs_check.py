"""`cmr check` lints the bibliography entries that observations cite (the `cited-entries`
check); entries nothing cites are left to `cmr refs`."""

from __future__ import annotations

import json
from pathlib import Path

from support import cmr_run, observation_data, write_observation

BIB = "observations/references.bib"
INCOMPLETE = "@article{thin2001,\n  title = {Thin},\n  doi = {10.1000/xyz},\n}\n"


def _project(project: Path, cite: str | None, extra: str = "") -> Path:
    """AZE 1993 citing curtis1995 everywhere, and `cite` in coup_history when given."""
    bib = project / BIB
    bib.write_text(bib.read_text("utf-8") + INCOMPLETE + extra, encoding="utf-8")
    data = observation_data(project)
    if cite is not None:
        data["answers"]["coup_history"]["citations"].append({"key": cite, "pages": "3"})
    return write_observation(project, data)


def _bib_lines(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if line.startswith(BIB)]


def test_cited_incomplete_entry_fails_the_check(project):
    """A cited entry missing required fields is an error at the entry's line."""
    _project(project, "thin2001")
    done = cmr_run(project, "check")
    assert done.returncode == 1
    assert _bib_lines(done.stdout) == [
        f"{BIB}:8:1: error bib-field-missing @article{{thin2001}} lacks author, "
        "journal or journaltitle, year or date, required for a @article entry"
    ]


def test_uncited_entries_are_left_to_refs(project):
    """An incomplete entry nothing cites is not `cmr check`'s business, nor is it unused."""
    _project(project, None)
    done = cmr_run(project, "check")
    assert (done.returncode, _bib_lines(done.stdout)) == (0, [])
    assert cmr_run(project, "refs").returncode == 1


def test_cited_entry_sharing_a_doi(project):
    """A cited entry whose DOI another entry has is reported, even if the other is uncited."""
    extra = "@misc{copy, title = {Copy}, doi = {https://doi.org/10.1000/XYZ}}\n"
    _project(project, "copy", extra)
    done = cmr_run(project, "check", "--select", "bib-doi-duplicate")
    assert (done.returncode, _bib_lines(done.stdout)) == (
        1,
        [
            f"{BIB}:12:1: error bib-doi-duplicate DOI 10.1000/xyz of 'copy' is also the DOI "
            "of 'thin2001' (line 8)"
        ],
    )


def test_one_file_check_reports_its_cited_entries(project):
    """Checking one file reports the entries that file cites; json names the check."""
    path = _project(project, "thin2001")
    done = cmr_run(project, "check", str(path), "--format", "json")
    report = json.loads(done.stdout)
    assert done.returncode == 1
    assert [f["code"] for f in report["findings"] if f["file"] == BIB] == ["bib-field-missing"]
    assert "cited-entries" in [c["check"] for c in report["checks"]]


def test_cached_run_keeps_the_cited_keys(project):
    """A second run, served from the result cache, reports the same entry."""
    _project(project, "thin2001")
    first = cmr_run(project, "check")
    second = cmr_run(project, "check")
    assert _bib_lines(second.stdout) == _bib_lines(first.stdout) != []
    assert (project / ".cmr_cache" / "check.json").is_file()
