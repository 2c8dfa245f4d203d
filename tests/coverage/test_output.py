"""What `cmr coverage` prints: the table, JSON (the library's `to_dict()`), CSV, the matrix;
exit statuses; the repository's own data; a damaged membership file."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from conftest import COW, UNIVERSE, observation
from support import REPO, cmr_run

from cmr.coverage import coverage_report
from cmr.project import Project


def test_repository_data_is_covered(tmp_path: Path) -> None:
    """The repository's AZE 1992 and 1993 are final cases of COW 373 (in the system from
    30 December 1991 in this test's list); 1991 is missing, and no finding is raised."""
    states = tmp_path / "states2016.csv"
    states.write_text(COW, encoding="utf-8")
    args = ("--system", "cow", "--states", str(states), "--from", "1991", "--to", "1993")
    done = cmr_run(REPO, "coverage", *args, "--country", "AZE", "--format", "csv")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "iso3c,codes,name,year,status,partial,files,reason",
        "AZE,373,Azerbaijan,1991,missing,1,,",
        "AZE,373,Azerbaijan,1992,final,0,observations/AZE/1992.yaml,",
        "AZE,373,Azerbaijan,1993,final,0,observations/AZE/1993.yaml,",
    ]
    strict = cmr_run(REPO, "coverage", *args, "--country", "AZE", "--strict")
    assert strict.returncode == 1 and "1 missing" in strict.stdout


def test_text_table_per_country_and_totals(dataset: Path, write: Callable[..., Path]) -> None:
    """The text table has a line per country with its cases by status, then the totals."""
    (dataset / "cmr.toml").write_text(UNIVERSE, encoding="utf-8")
    write("AZE/1992.yaml", observation(year=1992))
    write("AZE/1993.yaml", observation(year=1993, status="draft"))
    lines = cmr_run(dataset, "coverage").stdout.splitlines()
    assert lines[0].split() == [
        "country",
        "codes",
        "name",
        "years",
        "cases",
        "final",
        "draft",
        "indep",
        "unread",
        "missing",
        "final%",
    ]
    assert lines[4].split()[:3] == ["YEM", "678", "Yemen"]  # 678 is YEM's in cmr's table
    assert lines[2].split() == [
        "AZE",
        "373",
        "Azerbaijan",
        "1991-1995",
        "5",
        "1",
        "1",
        "0",
        "0",
        "3",
        "20%",
    ]
    assert lines[5].startswith("21 case(s) in the COW universe 1988-1995: 1 final, 1 draft")


def test_json_is_the_library_report(dataset: Path, write: Callable[..., Path]) -> None:
    """`--format json` prints `coverage_report(...).to_dict()`."""
    (dataset / "cmr.toml").write_text(UNIVERSE, encoding="utf-8")
    write("AZE/1990.yaml", observation(year=1990))
    done = cmr_run(dataset, "coverage", "--format", "json")
    import os

    here = os.getcwd()
    os.chdir(dataset)
    try:
        library = coverage_report(Project.find(dataset)).to_dict()
    finally:
        os.chdir(here)
    assert json.loads(done.stdout) == library
    assert library["success"] is False and library["summary"]["errors"] == 1


def test_matrix_marks_cases_and_errors(dataset: Path, write: Callable[..., Path]) -> None:
    """The matrix shows final, draft and missing cases, an `x` where an observation is not a
    member, and a blank where the country is not in the universe; findings go to stderr."""
    (dataset / "cmr.toml").write_text(UNIVERSE, encoding="utf-8")
    write("AZE/1990.yaml", observation(year=1990))
    write("AZE/1992.yaml", observation(year=1992))
    write("AZE/1993.yaml", observation(year=1993, status="draft"))
    done = cmr_run(dataset, "coverage", "--matrix", "--country", "AZE")
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines[0] == "years 1988-1995"
    assert lines[1] == "      1988"
    assert lines[2] == "AZE     x.#d.."
    assert "coverage-not-in-system" in done.stderr


def test_damaged_membership_file_is_located_exit_1(dataset: Path) -> None:
    """A malformed row of the membership file is a located finding, exit 1, no traceback;
    the rows around it are still used."""
    bad = COW.replace("ARM,371,Armenia,1991,12,21", "ARM,371,Armenia,1991,13,21")
    (dataset / "data" / "states.csv").write_text(bad, encoding="utf-8")
    (dataset / "cmr.toml").write_text(UNIVERSE, encoding="utf-8")
    done = cmr_run(dataset, "coverage")
    assert done.returncode == 1
    assert "data/states.csv:2:22: error external-value-invalid COW state list stmonth '13'" in (
        done.stdout
    )
    assert "AZE      373" in done.stdout


def test_binary_membership_file_is_one_finding(dataset: Path) -> None:
    """A binary file given as the membership list is one finding, exit 1."""
    (dataset / "data" / "states.csv").write_bytes(b"\x00\x01PK\x03\x04" * 50)
    (dataset / "cmr.toml").write_text(UNIVERSE, encoding="utf-8")
    done = cmr_run(dataset, "coverage", "--format", "json")
    report = json.loads(done.stdout)
    assert done.returncode == 1
    assert [f["code"] for f in report["findings"]] == ["external-file-unreadable"]
    assert report["summary"]["cases"] == 0


def test_output_is_deterministic(dataset: Path, write: Callable[..., Path]) -> None:
    """Two runs on the same inputs print the same bytes."""
    (dataset / "cmr.toml").write_text(UNIVERSE, encoding="utf-8")
    for year in (1990, 1991, 1994):
        write(f"AZE/{year}.yaml", observation(year=year))
    write("DEU/1989.yaml", observation("DEU", 1989, 255))
    runs = [cmr_run(dataset, "coverage", "--format", fmt).stdout for fmt in ("json", "json")]
    assert runs[0] == runs[1] and json.loads(runs[0])["summary"]["warnings"] == 1
