"""Placement against hostile and tricky membership lists: states that left and came back,
Gleditsch & Ward's own codes for Germany and Yemen, the list's last year, codes of states
without an ISO3 code, filters with odd entries, datasets with no observations."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from conftest import observation
from support import cmr_run

# Rows in the form of G&W's iisystem.dat (synthetic: the codes, names and dates of the
# published list for these states, tab-separated, dd:mm:yyyy, Latin-1 with no header).
GW = (
    "41\tHAI\tHaiti\t01:01:1859\t28:07:1915\n"
    "41\tHAI\tHaiti\t01:08:1934\t31:12:2017\n"
    "255\tGMY\tGermany (Prussia)\t01:01:1816\t08:05:1945\n"
    "260\tGFR\tGerman Federal Republic\t21:09:1949\t31:12:2017\n"
    "265\tGDR\tGerman Democratic Republic\t07:10:1949\t02:10:1990\n"
    "678\tYEM\tYemen (Arab Republic of Yemen)\t30:10:1918\t31:12:2017\n"
    "680\tYPR\tYemen, People's Republic of\t30:11:1967\t21:05:1990\n"
)


def gw(dataset: Path, *args: str) -> tuple[int, list[tuple[str, str, int]], dict]:
    """Run `cmr coverage` on data/gw.dat (G&W): exit status, (code, file, line), report."""
    (dataset / "data" / "gw.dat").write_bytes(GW.encode("latin-1"))
    options = ("--system", "gw", "--states", "data/gw.dat", "--format", "json")
    done = cmr_run(dataset, "coverage", *options, *args)
    report = json.loads(done.stdout)
    found = [(f["code"], f["file"], f["line"]) for f in report["findings"]]
    return done.returncode, found, report


def _case(report: dict, iso3c: str, year: int) -> dict:
    return next(c for c in report["cases"] if c["iso3c"] == iso3c and c["year"] == year)


def test_gw_keeps_unified_yemen_under_678(dataset: Path, write: Callable[..., Path]) -> None:
    """G&W's 678, "Yemen (Arab Republic of Yemen)", is Yemen (YEM), whose G&W code cmr's
    country table gives as 678 from 1918: a YEM observation of 2000 is placed, and YEM has
    cases from 1918; the People's Republic (680) stays a state of its own."""
    write("YEM/2000.yaml", observation("YEM", 2000, 679))
    code, found, report = gw(dataset, "--from", "1918", "--to", "2017")
    assert (code, found) == (0, [])
    assert _case(report, "YEM", 2000)["status"] == "final"
    assert _case(report, "YEM", 1918)["partial"] is True
    assert not any(c["iso3c"] is None and 678 in c["codes"] for c in report["cases"])
    assert any(c["iso3c"] is None and c["codes"] == [680] for c in report["cases"])


def test_gw_germany_under_its_own_numbers(dataset: Path, write: Callable[..., Path]) -> None:
    """Under G&W, Germany is 255 until 1945 and 260 from 1949 (countrycode's G&W code):
    1900 and 1995 are placed without a word, 1947 is no member at all (an error)."""
    for year in (1900, 1947, 1995):
        write(f"DEU/{year}.yaml", observation("DEU", year, 255))
    code, found, report = gw(dataset, "--from", "1900", "--to", "2000")
    assert code == 1
    assert found == [("coverage-not-in-system", "observations/DEU/1947.yaml", 5)]
    assert _case(report, "DEU", 1900)["codes"] == [255]
    assert _case(report, "DEU", 1995)["codes"] == [260]
    assert _case(report, "DEU", 1995)["status"] == "final"


def test_state_that_left_and_came_back(dataset: Path, write: Callable[..., Path]) -> None:
    """Haiti left in July 1915 and came back in August 1934: 1920 is an error, 1915 a warning
    that the year's reference date is after it left, 1934 a partial year, 1935 nothing."""
    for year in (1915, 1920, 1934, 1935):
        write(f"HTI/{year}.yaml", observation("HTI", year, 41))
    code, found, report = gw(dataset, "--from", "1910", "--to", "1940")
    assert code == 1
    assert found == [
        ("coverage-moment-outside-spell", "observations/HTI/1915.yaml", 5),
        ("coverage-not-in-system", "observations/HTI/1920.yaml", 5),
        ("coverage-partial-year", "observations/HTI/1934.yaml", 5),
    ]
    years = sorted(c["year"] for c in report["cases"] if c["iso3c"] == "HTI")
    assert years == [*range(1910, 1916), *range(1934, 1941)]
    message = next(
        f["message"] for f in report["findings"] if f["line"] == 5 and "1920" in f["file"]
    )
    assert "1859-01-01 to 1915-07-28" in message and "1934-08-01 to 2017-12-31" in message


def test_last_year_of_the_list_is_a_full_member_year(
    dataset: Path, write: Callable[..., Path]
) -> None:
    """The list's last year (2016 for COW v2016) is no departure: no warning; the year after
    it is outside the list (a warning, outside the universe)."""
    write("AZE/2016.yaml", observation(year=2016))
    write("AZE/2017.yaml", observation(year=2017))
    options = ("--system", "cow", "--states", "data/states.csv", "--from", "2016", "--to", "2017")
    done = cmr_run(dataset, "coverage", *options, "--format", "json")
    report = json.loads(done.stdout)
    assert done.returncode == 0
    assert [(f["code"], f["file"]) for f in report["findings"]] == [
        ("coverage-universe-beyond", "data/states.csv"),
        ("coverage-beyond-membership", "observations/AZE/2017.yaml"),
    ]
    assert _case(report, "AZE", 2016) | {"files": []} == {
        "iso3c": "AZE",
        "codes": [373],
        "name": "Azerbaijan",
        "year": 2016,
        "status": "final",
        "partial": False,
        "files": [],
    }


def test_code_of_a_state_without_iso3_is_a_mismatch(
    dataset: Path, write: Callable[..., Path]
) -> None:
    """A DEU observation carrying the German Democratic Republic's 265 is an error at `cown:`,
    and is not counted as that state's case (no country's file can be a state without ISO3)."""
    states = dataset / "data" / "states.csv"
    states.write_text(
        states.read_text(encoding="utf-8")
        + "GDR,265,German Democratic Republic,1954,3,25,1990,10,2,2016\n",
        encoding="utf-8",
    )
    write("DEU/1989.yaml", observation("DEU", 1989, 265))
    options = ("--system", "cow", "--states", "data/states.csv", "--from", "1988", "--to", "1990")
    done = cmr_run(dataset, "coverage", *options, "--format", "json")
    report = json.loads(done.stdout)
    assert done.returncode == 1
    assert [(f["code"], f["line"], f["column"]) for f in report["findings"]] == [
        ("coverage-code-mismatch", 4, 7)
    ]
    assert all(c["status"] == "missing" for c in report["cases"])
    assert "cown 265 is German Democratic Republic (#265)" in report["findings"][0]["message"]


def test_filters_in_any_case_and_unknown_entries(dataset: Path) -> None:
    """`--country aze` is AZE; an entry that names no state of the list is a warning at the
    settings, and the run succeeds with what the known entries select."""
    options = ("--system", "cow", "--states", "data/states.csv", "--from", "1992", "--to", "1992")
    done = cmr_run(
        dataset, "coverage", *options, "--country", "aze", "--country", "zzz",
        "--country", "999", "--exclude", "arm", "--format", "json",
    )  # fmt: skip
    report = json.loads(done.stdout)
    assert done.returncode == 0
    assert [c["iso3c"] for c in report["cases"]] == ["AZE"]
    assert [(f["code"], f["severity"]) for f in report["findings"]] == [
        ("coverage-filter-unknown", "warning"),
        ("coverage-filter-unknown", "warning"),
    ]
    assert report["universe"]["countries"] == ["AZE", "ZZZ", 999]


def test_dataset_without_observations(dataset: Path) -> None:
    """A dataset with no observation file (or no observations folder) reports every case
    missing and succeeds; `--strict` makes the missing cases fail."""
    options = ("--system", "cow", "--states", "data/states.csv", "--from", "1992", "--to", "1993")
    done = cmr_run(dataset, "coverage", *options, "--format", "json")
    assert done.returncode == 0
    assert json.loads(done.stdout)["summary"]["missing"] == 6
    for path in sorted((dataset / "observations").iterdir()):
        path.unlink()
    (dataset / "observations").rmdir()
    again = cmr_run(dataset, "coverage", *options)
    assert again.returncode == 0 and "6 missing" in again.stdout
    assert cmr_run(dataset, "coverage", *options, "--strict").returncode == 1


def test_drafts_and_independent_codings_are_placed_too(
    dataset: Path, write: Callable[..., Path]
) -> None:
    """A draft and a coder's independent coding of a year the state was no member are errors
    as a final file is; in an entry year they are warnings, and the case is a draft."""
    write("AZE/1990.yaml", observation(year=1990, status="draft"))
    write("AZE/1990/alice.yaml", observation(year=1990))
    write("AZE/1991.yaml", observation(year=1991, status="draft"))
    options = ("--system", "cow", "--states", "data/states.csv", "--from", "1990", "--to", "1991")
    done = cmr_run(dataset, "coverage", *options, "--format", "json", "--country", "AZE")
    report = json.loads(done.stdout)
    assert done.returncode == 1
    assert [(f["code"], f["file"]) for f in report["findings"]] == [
        ("coverage-not-in-system", "observations/AZE/1990.yaml"),
        ("coverage-not-in-system", "observations/AZE/1990/alice.yaml"),
        ("coverage-partial-year", "observations/AZE/1991.yaml"),
    ]
    assert [(c["year"], c["status"]) for c in report["cases"]] == [(1991, "draft")]


def test_file_under_a_code_countrycode_lacks_is_placed_by_its_number(
    dataset: Path, write: Callable[..., Path]
) -> None:
    """A file filed as XKX (no country to countrycode) with Kosovo's 347 is Kosovo's case,
    shown by its number; before Kosovo entered, it is no member (an error)."""
    states = dataset / "data" / "states.csv"
    states.write_text(
        states.read_text(encoding="utf-8") + "KOS,347,Kosovo,2008,2,20,2016,12,31,2016\n",
        encoding="utf-8",
    )
    write("XKX/2010.yaml", observation("XKX", 2010, 347))
    write("XKX/2005.yaml", observation("XKX", 2005, 347))
    options = ("--system", "cow", "--states", "data/states.csv", "--from", "2005", "--to", "2010")
    done = cmr_run(dataset, "coverage", *options, "--format", "json", "--country", "347")
    report = json.loads(done.stdout)
    assert done.returncode == 1
    assert [(f["code"], f["file"]) for f in report["findings"]] == [
        ("coverage-not-in-system", "observations/XKX/2005.yaml")
    ]
    case = next(c for c in report["cases"] if c["year"] == 2010)
    assert (case["iso3c"], case["codes"], case["status"]) == (None, [347], "final")
    assert case["files"] == ["observations/XKX/2010.yaml"]


def test_unknown_filter_entry_points_at_its_setting(dataset: Path) -> None:
    """An entry of `countries` naming no state of the list is a warning at the line of
    `countries =` in the settings, in cmr.toml or in pyproject.toml's [tool.cmr.universe]."""
    universe = (
        'system = "cow"\nstates = "data/states.csv"\nfirst = 1992\nlast = 1992\n'
        '  countries = ["AZE", "zzz"]\n'
    )
    (dataset / "cmr.toml").write_text("# settings\n[universe]\n" + universe, encoding="utf-8")
    done = cmr_run(dataset, "coverage")
    assert done.returncode == 0
    assert "cmr.toml:7:3: warning coverage-filter-unknown" in done.stdout
    (dataset / "cmr.toml").unlink()
    pyproject = '[project]\nname = "x"\n\n[tool.cmr.universe]\n' + universe + "[tool.other]\n"
    (dataset / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    done = cmr_run(dataset, "coverage")
    assert done.returncode == 0
    assert "pyproject.toml:9:3: warning coverage-filter-unknown" in done.stdout
