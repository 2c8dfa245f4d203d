"""The event table and the per-row unit and reference date, written by `cmr export` for a
codebook that declares `events` and `units`, in every format the panel is written in."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pyreadstat
import pytest
import yaml
from events_support import event, events_project, write
from support import cmr_run, make_project, observation_data, write_observation


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    """An exported dataset of two country-years with three events and two units."""
    project = events_project(tmp_path / "data")
    answers = {"coup_recent": "yes", "coup_ever": "yes", "regime_coup": "yes"}
    events = [event("putsch", "1992-05-15"), event("new-regime", "1992-06", "regime_change")]
    write(project, answers, events, year=1993)
    write(
        project,
        answers,
        [event("putsch", "1992-05-15")],
        year=1992,
        unit="war_outbreak",
        as_of="1992-06-01",
    )
    done = cmr_run(project, "export", "--out", str(tmp_path / "out"))
    assert done.returncode == 0, done.stdout + done.stderr
    return tmp_path / "out"


def test_event_table_one_row_per_event_in_every_format(exported: Path) -> None:
    """events.csv, events.parquet and events.dta hold one row per event, in panel order."""
    csv = pd.read_csv(exported / "events.csv", dtype=str)
    assert list(csv.columns) == [
        "iso3c",
        "year",
        "coder",
        "event_id",
        "date",
        "precision",
        "type",
        "actors",
        "outcome",
        "citations",
    ]
    assert csv[["year", "event_id", "date", "precision", "type"]].values.tolist() == [
        ["1992", "putsch", "1992-05-15", "day", "coup_success"],
        ["1993", "putsch", "1992-05-15", "day", "coup_success"],
        ["1993", "new-regime", "1992-06", "month", "regime_change"],
    ]
    assert csv["citations"].tolist() == ["curtis1995 (12)"] * 3
    assert csv["actors"].tolist() == ["Army officers"] * 3
    parquet = pq.read_table(exported / "events.parquet").to_pandas()
    assert parquet["event_id"].tolist() == csv["event_id"].tolist()
    assert list(parquet["type"].cat.categories) == [
        "coup_success",
        "coup_attempt",
        "regime_change",
        "purge",
    ]
    dta, _ = pyreadstat.read_dta(str(exported / "events.dta"))
    assert dta["event_id"].tolist() == csv["event_id"].tolist()


def test_panel_rows_carry_unit_and_reference_date(exported: Path) -> None:
    """Each panel row says its unit and the date it describes, in CSV, Parquet and Stata."""
    wide = pd.read_csv(exported / "panel_wide.csv", dtype=str)
    assert wide[["year", "unit", "reference_date"]].values.tolist() == [
        ["1992", "war_outbreak", "1992-06-01"],
        ["1993", "country_year", "1993-12-31"],
    ]
    names = list(wide.columns)
    assert names[names.index("as_of") + 1 : names.index("as_of") + 3] == ["unit", "reference_date"]
    long = pd.read_csv(exported / "panel_long.csv", dtype=str)
    assert set(long.loc[long["year"] == "1992", "unit"]) == {"war_outbreak"}
    parquet = pq.read_table(exported / "panel_wide.parquet").to_pandas()
    assert parquet["unit"].astype(str).tolist() == ["war_outbreak", "country_year"]
    dta, meta = pyreadstat.read_dta(str(exported / "panel_wide.dta"))
    assert dta["unit"].tolist() == ["war_outbreak", "country_year"]
    assert meta.column_names_to_labels["reference_date"].startswith("Reference date")


def test_datapackage_describes_the_event_table(exported: Path) -> None:
    """datapackage.json lists events.csv with its key, its foreign key and its fields; the
    manifest and the resources list the event files of every format, and nothing else."""
    package = json.loads((exported / "datapackage.json").read_text(encoding="utf-8"))
    events = next(r for r in package["resources"] if r["name"] == "events")
    assert events["schema"]["primaryKey"] == ["iso3c", "year", "event_id"]
    assert events["schema"]["foreignKeys"][0]["reference"]["resource"] == "panel_wide"
    fields = {f["name"]: f for f in events["schema"]["fields"]}
    assert fields["type"]["constraints"]["enum"][0] == "coup_success"
    wide = next(r for r in package["resources"] if r["name"] == "panel_wide")
    assert "unit" in {f["name"] for f in wide["schema"]["fields"]}
    manifest = json.dumps(package["cmr"])
    for name in ("events.csv", "events.parquet", "events.dta"):
        assert name in manifest
    paths = {r["path"]: r["name"] for r in package["resources"]}
    assert set(paths) == {p.name for p in exported.iterdir()} - {"datapackage.json"}
    assert (paths["events.parquet"], paths["events.dta"]) == ("events_parquet", "events_dta")
    import frictionless

    report = frictionless.validate(str(exported / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])


def test_export_with_events_is_deterministic(exported: Path, tmp_path: Path) -> None:
    """A second export of the same data writes the same bytes."""
    again = cmr_run(tmp_path / "data", "export", "--out", str(tmp_path / "again"))
    assert again.returncode == 0, again.stderr
    for path in sorted(exported.iterdir()):
        if path.name == "datapackage.json":
            continue
        second = (tmp_path / "again" / path.name).read_bytes()
        assert hashlib.sha256(path.read_bytes()).digest() == hashlib.sha256(second).digest(), path


def test_codebook_without_sections_exports_no_event_table(tmp_path: Path) -> None:
    """A panel coded under 1.1.0 has no event table and no unit columns."""
    project = make_project(tmp_path / "data")
    write_observation(project, observation_data(project))
    done = cmr_run(project, "export", "--out", str(tmp_path / "out"))
    assert done.returncode == 0, done.stdout
    assert not list((tmp_path / "out").glob("events.*"))
    assert "unit" not in pd.read_csv(tmp_path / "out" / "panel_wide.csv").columns


def test_sources_cited_only_by_an_event_are_listed(tmp_path: Path) -> None:
    """sources.csv lists a key that an observation cites only for one of its events."""
    project = events_project(tmp_path / "data")
    cite = [{"key": "powell2011", "pages": "3", "tier": "scholarly"}]
    answers = {"coup_recent": "yes", "coup_ever": "yes", "regime_coup": "yes"}
    write(project, answers, [event("putsch", "1992-05-15", citations=cite)])
    done = cmr_run(project, "export", "--out", str(tmp_path / "out"))
    assert done.returncode == 0, done.stdout
    sources = pd.read_csv(tmp_path / "out" / "sources.csv", dtype=str)
    assert sources[["key", "country_years"]].values.tolist() == [
        ["curtis1995", "AZE 1993"],
        ["powell2011", "AZE 1993"],
    ]


def test_rows_under_a_codebook_without_units_have_an_empty_unit(tmp_path: Path) -> None:
    """In a panel mixing a codebook without units and one with them, rows coded under the
    first have no unit and 31 December as reference date, in CSV and Stata."""
    from events_support import CODEBOOK

    project = events_project(tmp_path / "data")
    bare = CODEBOOK.split("units:\n")[0] + "windows:" + CODEBOOK.split("\nwindows:")[1]
    bare = bare.split("rules:\n")[0] + "changes:" + bare.split("\nchanges:")[1]
    bare = bare.replace("0.3.0", "0.2.0")
    (project / "codebook" / "0.2.0.yaml").write_text(bare, encoding="utf-8")
    answers = {"coup_recent": "yes", "coup_ever": "yes", "regime_coup": "yes"}
    old = write(project, answers, None, year=1992, codebook="0.2.0")
    data = yaml.safe_load(old.read_text(encoding="utf-8"))
    for entry in data["answers"].values():
        entry["citations"] = [{"key": "curtis1995", "pages": "12"}]  # 0.2.0 has no tiers
    old.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    write(project, answers, [event("c", "1990")], year=1993)
    done = cmr_run(project, "export", "--out", str(tmp_path / "out"))
    assert done.returncode == 0, done.stdout
    wide = pd.read_csv(tmp_path / "out" / "panel_wide.csv", dtype=str, keep_default_na=False)
    assert wide[["codebook_version", "unit", "reference_date"]].values.tolist() == [
        ["0.2.0", "", "1992-12-31"],
        ["0.3.0", "country_year", "1993-12-31"],
    ]
    dta, _ = pyreadstat.read_dta(str(tmp_path / "out" / "panel_wide.dta"))
    assert dta["unit"].tolist() == ["", "country_year"]
