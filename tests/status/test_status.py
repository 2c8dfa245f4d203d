"""`cmr status`: one row per country-year, a matrix, JSON and CSV."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from support import cmr_run, make_project, observation_data, write_observation


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = make_project(tmp_path)
    write_observation(root, observation_data(root, year=1990))
    draft = observation_data(root, year=1992, status="draft", coder="ann")
    del draft["answers"]["civmil_forum"]
    draft["answers"]["coup_history"]["carried_from"] = 1990
    write_observation(root, draft)
    for coder, answer in (("ann", "no"), ("bob", "no")):
        data = observation_data(root, year=1993, coder=coder, answer=answer)
        if coder == "bob":
            data["answers"]["coup_history"]["answer"] = "yes"
        write_observation(root, data, f"AZE/1993/{coder}.yaml")
    (root / "observations/ARM").mkdir()
    (root / "observations/ARM/1991.yaml").write_text("answers: [\n")
    return root


def _rows(project: Path) -> dict[tuple[str, int], dict]:
    done = cmr_run(project, "status", "--format", "json")
    assert done.returncode == 0, done.stderr
    return {(r["iso3c"], r["year"]): r for r in json.loads(done.stdout)["rows"]}


def test_rows_say_status_coders_and_what_is_open(project: Path) -> None:
    """Each country-year has its status, coders, codebook and open-item counts."""
    rows = _rows(project)
    assert set(rows) == {("ARM", 1991), ("AZE", 1990), ("AZE", 1992), ("AZE", 1993)}
    assert rows[("AZE", 1990)]["status"] == "final"
    assert rows[("AZE", 1990)]["codebooks"] == ["1.1.0"]
    draft = rows[("AZE", 1992)]
    assert (draft["status"], draft["coders"], draft["unanswered"], draft["carried"]) == (
        "draft",
        ["ann"],
        1,
        1,
    )
    assert draft["errors"] == 0 and draft["warnings"] == 2
    assert rows[("ARM", 1991)]["status"] == "unreadable" and rows[("ARM", 1991)]["errors"] >= 1


def test_agreement_of_independent_codings(project: Path) -> None:
    """Two independent codings that differ on one of 13 questions agree on 12/13."""
    row = _rows(project)[("AZE", 1993)]
    assert row["status"] == "independent only"
    assert row["coders"] == ["ann", "bob"] and row["independent_codings"] == 2
    assert row["agreement"] == round(12 / 13, 3)


def test_text_table_and_totals(project: Path) -> None:
    """The text table has a header, one line per country-year and a totals line."""
    done = cmr_run(project, "status")
    lines = done.stdout.splitlines()
    assert lines[0].split()[:3] == ["iso3c", "year", "status"]
    assert len(lines) == 1 + 4 + 1
    assert lines[-1].startswith("4 country-year(s): 1 draft, 1 final, 1 independent only")


def test_matrix_marks_coded_draft_and_missing(project: Path) -> None:
    """--matrix draws one character per year for each country, with a legend."""
    done = cmr_run(project, "status", "--matrix")
    assert done.returncode == 0
    grid = {
        line[:6].strip(): line[6:]
        for line in done.stdout.splitlines()
        if line[:3] in ("AZE", "ARM")
    }
    assert grid == {"ARM": ".!..", "AZE": "#.di"}
    assert "d draft" in done.stdout


def test_csv_has_one_record_per_country_year(project: Path) -> None:
    """--format csv loads as a table with the same rows as the JSON."""
    done = cmr_run(project, "status", "--format", "csv")
    records = list(csv.DictReader(io.StringIO(done.stdout)))
    assert [(r["iso3c"], r["year"], r["status"]) for r in records] == [
        ("ARM", "1991", "unreadable"),
        ("AZE", "1990", "final"),
        ("AZE", "1992", "draft"),
        ("AZE", "1993", "independent only"),
    ]


def test_matrix_with_format_is_a_usage_error(project: Path) -> None:
    """--matrix is text only: asking for JSON as well is one line and exit 2."""
    done = cmr_run(project, "status", "--matrix", "--format", "json")
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1


def test_status_of_an_empty_dataset(tmp_path: Path) -> None:
    """A dataset with no observations says nothing is coded yet."""
    root = make_project(tmp_path)
    assert "nothing coded yet" in cmr_run(root, "status").stdout
    assert cmr_run(root, "status", "--matrix").stdout == "nothing coded yet\n"
