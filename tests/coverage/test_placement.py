"""Where `cmr coverage` places observations in the state system, and what it says when a state
was not a member in the observation's year."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from conftest import UNIVERSE, observation
from support import cmr_run

OPTIONS = ("--system", "cow", "--states", "data/states.csv", "--from", "1988", "--to", "1995")


def findings(dataset: Path, *args: str) -> tuple[int, list[tuple[str, str, int, int]], dict]:
    """Run `cmr coverage --format json`: exit status, (code, file, line, column), report."""
    done = cmr_run(dataset, "coverage", *OPTIONS, "--format", "json", *args)
    report = json.loads(done.stdout)
    found = [(f["code"], f["file"], f["line"], f["column"]) for f in report["findings"]]
    return done.returncode, found, report


def test_state_outside_the_system_is_an_error_at_its_year_line(
    dataset: Path, write: Callable[..., Path]
) -> None:
    """Azerbaijan in 1990, before it entered the COW system, is an error at `year:`."""
    write("AZE/1990.yaml", observation(year=1990))
    code, found, report = findings(dataset)
    assert code == 1
    assert found == [("coverage-not-in-system", "observations/AZE/1990.yaml", 5, 7)]
    assert report["outside"] == [
        {
            "file": "observations/AZE/1990.yaml",
            "iso3c": "AZE",
            "year": 1990,
            "reason": "not a member that year",
            "error": True,
        }
    ]
    text = cmr_run(dataset, "coverage", *OPTIONS)
    assert text.returncode == 1
    assert "error coverage-not-in-system AZE 1990: COW 373 (Azerbaijan) is not a member" in (
        text.stdout
    )


def test_a_state_the_country_table_gives_the_country_counts_for_it(
    dataset: Path, write: Callable[..., Path]
) -> None:
    """Yemen before 1990 holds the Yemen Arab Republic's 678 in cmr's country table (as `cmr
    check` requires): a YEM 1989 file is counted there; written with 679 (Yemen's code from
    1990), an info finding at `cown:`. A state the table gives no country (the German
    Democratic Republic) is never a country's: an error at `cown:`."""
    write("YEM/1989.yaml", observation("YEM", 1989, 678))
    write("YEM/1988.yaml", observation("YEM", 1988, 679))
    code, found, report = findings(dataset)
    assert code == 0
    assert found == [("coverage-code-differs", "observations/YEM/1988.yaml", 4, 7)]
    assert {(c["year"], c["status"]) for c in report["cases"] if c["iso3c"] == "YEM"} == {
        (1988, "final"),
        (1989, "final"),
        (1990, "missing"),
    }
    states = dataset / "data" / "states.csv"
    states.write_text(
        states.read_text(encoding="utf-8") + "GDR,265,German Democratic Republic,1954,3,25,"
        "1990,10,2,2016\n",
        encoding="utf-8",
    )
    write("DEU/1989.yaml", observation("DEU", 1989, 265))
    code, found, _ = findings(dataset)
    assert code == 1
    assert ("coverage-code-mismatch", "observations/DEU/1989.yaml", 4, 7) in found


def test_entry_year_is_partial_warning(dataset: Path, write: Callable[..., Path]) -> None:
    """A country-year in which the state entered the system is a warning, counted as a case."""
    write("AZE/1991.yaml", observation(year=1991))
    code, found, report = findings(dataset)
    assert code == 0
    assert found == [("coverage-partial-year", "observations/AZE/1991.yaml", 5, 7)]
    case = next(c for c in report["cases"] if c["iso3c"] == "AZE" and c["year"] == 1991)
    assert case["status"] == "final" and case["partial"] is True


def test_reference_date_before_entry_is_warning_at_as_of(
    dataset: Path, write: Callable[..., Path]
) -> None:
    """An event-anchored observation dated before the state entered, in its entry year, is a
    warning at `as_of:`."""
    write("AZE/1991.yaml", observation(year=1991, unit="war_outbreak", as_of="1991-06-01"))
    code, found, _ = findings(dataset)
    assert code == 0
    assert found == [("coverage-moment-outside-spell", "observations/AZE/1991.yaml", 9, 8)]


def test_code_of_another_state_is_an_error_at_cown(
    dataset: Path, write: Callable[..., Path]
) -> None:
    """An AZE observation whose cown is Armenia's is an error at `cown:`; it covers nothing."""
    write("AZE/1993.yaml", observation(cown=371))
    code, found, report = findings(dataset)
    assert code == 1
    assert found == [("coverage-code-mismatch", "observations/AZE/1993.yaml", 4, 7)]
    assert report["summary"]["final"] == 0


def test_country_under_another_code_that_year_is_placed_with_a_warning(
    dataset: Path, write: Callable[..., Path]
) -> None:
    """Germany's fixed code 255 in 1970, when COW lists West Germany as 260: an info finding
    at `cown:` (cmr check requires 255), and the DEU 1970 case is covered."""
    write("DEU/1970.yaml", observation("DEU", 1970, 255))
    code, found, report = findings(dataset, "--from", "1970", "--to", "1970")
    assert code == 0
    assert found == [("coverage-code-differs", "observations/DEU/1970.yaml", 4, 7)]
    assert [(c["iso3c"], c["codes"], c["status"]) for c in report["cases"]] == [
        ("DEU", [260], "final"),
        ("YEM", [678], "missing"),
    ]


def test_code_change_within_a_year_is_one_full_case(
    dataset: Path, write: Callable[..., Path]
) -> None:
    """Germany in 1990 (260 until 2 October, 255 from 3 October) is one case, not partial."""
    write("DEU/1990.yaml", observation("DEU", 1990, 255))
    code, found, report = findings(dataset, "--country", "DEU")
    assert code == 0 and found == []
    case = next(c for c in report["cases"] if c["year"] == 1990)
    assert (case["codes"], case["partial"], case["status"]) == ([255, 260], False, "final")


def test_statuses_of_cases(dataset: Path, write: Callable[..., Path]) -> None:
    """Final, draft, independent-only, unreadable and missing cases are told apart."""
    write("AZE/1992.yaml", observation(year=1992))
    write("AZE/1993.yaml", observation(year=1993, status="draft"))
    write("AZE/1994/jdoe.yaml", observation(year=1994))
    write("AZE/1995.yaml", "year: [1995\n")
    code, found, report = findings(dataset, "--country", "AZE")
    assert code == 0 and found == []
    assert [(c["year"], c["status"]) for c in report["cases"]] == [
        (1991, "missing"),
        (1992, "final"),
        (1993, "draft"),
        (1994, "independent"),
        (1995, "unreadable"),
    ]
    assert report["countries"][0]["share_final"] == 0.2


def test_beyond_the_membership_file_is_a_warning(dataset: Path, write: Callable[..., Path]) -> None:
    """A year after the membership file's last day is not checked: a warning, outside."""
    write("AZE/2020.yaml", observation(year=2020))
    code, found, report = findings(dataset, "--to", "2020", "--from", "2015")
    assert code == 0
    assert sorted(f[0] for f in found) == [
        "coverage-beyond-membership",
        "coverage-universe-beyond",
    ]
    assert report["outside"][0]["reason"] == "outside the membership file's years"


def test_settings_declare_the_universe_and_options_override(
    dataset: Path, write: Callable[..., Path]
) -> None:
    """`[universe]` in cmr.toml declares the universe; `--from`/`--to` narrow it."""
    (dataset / "cmr.toml").write_text(UNIVERSE, encoding="utf-8")
    write("AZE/1993.yaml", observation())
    done = cmr_run(dataset, "coverage", "--format", "json")
    report = json.loads(done.stdout)
    assert done.returncode == 0 and report["summary"]["cases"] == 5 + 5 + 8 + 3
    done = cmr_run(dataset, "coverage", "--format", "json", "--from", "1993", "--to", "1993")
    assert json.loads(done.stdout)["summary"] == {
        "cases": 3,
        "final": 1,
        "draft": 0,
        "independent": 0,
        "unreadable": 0,
        "missing": 2,
        "outside": 0,
        "errors": 0,
        "warnings": 0,
    }


def test_codes_setting_gives_a_number_to_a_country(
    dataset: Path, write: Callable[..., Path]
) -> None:
    """Serbia (no fixed COW code in countrycode) holds Yugoslavia's 345 in cmr's country
    table, as `cmr check` requires: placed on COW's "Yugoslavia" 345 without settings, and
    `codes = {SRB = [345]}` in [universe] says the same outright."""
    states = dataset / "data" / "states.csv"
    states.write_text(
        states.read_text(encoding="utf-8") + "YUG,345,Yugoslavia,1944,10,20,2016,12,31,2016\n",
        encoding="utf-8",
    )
    write("SRB/2010.yaml", observation("SRB", 2010, None))
    args = ("--from", "2010", "--to", "2010", "--country", "SRB")
    for settings in ("", "[universe]\ncodes = {SRB = [345]}\n"):
        (dataset / "cmr.toml").write_text(settings, encoding="utf-8")
        code, found, report = findings(dataset, *args)
        assert code == 0 and found == []
        assert [(c["iso3c"], c["codes"], c["status"]) for c in report["cases"]] == [
            ("SRB", [345], "final")
        ]


def test_codes_setting_keeps_other_numbers_apart(dataset: Path, write: Callable[..., Path]) -> None:
    """A country named in `codes` is only its listed numbers: a second state whose name
    countrycode reads as the same country becomes a case of its own."""
    states = dataset / "data" / "states.csv"
    states.write_text(
        states.read_text(encoding="utf-8")
        + "DRV,816,Vietnam,1954,7,21,2016,12,31,2016\n"
        + 'RVN,817,"Vietnam, Republic of",1954,7,21,1975,4,30,2016\n',
        encoding="utf-8",
    )
    write("VNM/1965.yaml", observation("VNM", 1965, 816))
    args = ("--from", "1965", "--to", "1965", "--exclude", "678", "--exclude", "DEU")
    _, _, report = findings(dataset, *args)
    assert [(c["iso3c"], c["codes"]) for c in report["cases"]] == [("VNM", [816, 817])]
    (dataset / "cmr.toml").write_text("[universe]\ncodes = {VNM = [816]}\n", encoding="utf-8")
    _, _, report = findings(dataset, *args)
    assert [(c["iso3c"], c["codes"], c["status"]) for c in report["cases"]] == [
        (None, [817], "missing"),
        ("VNM", [816], "final"),
    ]


def test_dataset_severity_applies_to_coverage_codes(
    dataset: Path, write: Callable[..., Path]
) -> None:
    """`[severity]` in the settings can turn a coverage warning off or into an error."""
    write("AZE/1991.yaml", observation(year=1991))
    settings = dataset / "cmr.toml"
    settings.write_text('[severity]\ncoverage-partial-year = "off"\n', encoding="utf-8")
    code, found, _ = findings(dataset)
    assert (code, found) == (0, [])
    settings.write_text('[severity]\ncoverage-partial-year = "error"\n', encoding="utf-8")
    code, found, _ = findings(dataset)
    assert code == 1 and [f[0] for f in found] == ["coverage-partial-year"]
