"""The declared universe: settings validated in one line (exit 2), options over settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import UNIVERSE
from support import cmr_run


def usage(dataset: Path, settings: str, *args: str) -> str:
    """Write cmr.toml, run `cmr coverage ARGS`, expect exit 2 and one stderr line."""
    (dataset / "cmr.toml").write_text(settings, encoding="utf-8")
    done = cmr_run(dataset, "coverage", *args)
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stdout == "" and len(done.stderr.strip().splitlines()) == 1
    return done.stderr


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (("cow", "cwo"), "system must be one of cow, gw, not 'cwo'"),
        (("first = 1988", "first = 1999"), "first (1999) is after last (1995)"),
        (("first = 1988", 'first = "1988"'), "first must be a year"),
        (("data/states.csv", "data/none.csv"), "membership file 'data/none.csv' does not exist"),
        (("data/states.csv", "../outside.csv"), "leads outside the repository"),
        (("last = 1995", "last = 1995\ncountry = []"), "unknown setting 'country' (did you mean"),
        (("last = 1995", 'last = 1995\ncountries = ["Azerbaijan"]'), "'Azerbaijan' is neither"),
        (("last = 1995", 'last = 1995\nexclude = "AZE"'), "exclude must be a list"),
        (("last = 1995", "last = 1995\ncodes = {SRB = 345}"), "is not a list of numbers"),
        (("last = 1995", "last = 1995\ncodes = {SRB = [345], MNE = [345]}"), "to two countries"),
        (("last = 1995", "last = 1995\ncodes = {Serbia = [345]}"), "'Serbia' is no ISO3 code"),
    ],
)
def test_bad_settings_are_one_line_exit_2(
    dataset: Path, change: tuple[str, str], said: str
) -> None:
    """Each unusable [universe] setting is refused in one line naming it, exit 2."""
    assert said in usage(dataset, UNIVERSE.replace(*change))


def test_missing_keys_are_named_with_their_options(dataset: Path) -> None:
    """A universe without its years says which keys lack and which options give them."""
    said = usage(dataset, '[universe]\nsystem = "cow"\nstates = "data/states.csv"\n')
    assert "lacks first, last" in said and "--from, --to" in said


def test_no_universe_at_all_says_how_to_declare_one(dataset: Path) -> None:
    """Without [universe] and options, the command says how to declare a universe."""
    assert "no universe declared" in usage(dataset, 'dataset_version = "1.0"\n')


def test_options_override_settings(dataset: Path, tmp_path: Path) -> None:
    """--system and --states replace the settings' (here a G&W file given on the command
    line, outside the repository)."""
    (dataset / "cmr.toml").write_text(UNIVERSE, encoding="utf-8")
    gw = tmp_path / "iisystem.dat"
    gw.write_bytes(b"373\tAZE\tAzerbaijan\t30:12:1991\t31:12:2017\n")
    done = cmr_run(dataset, "coverage", "--system", "gw", "--states", str(gw))
    assert done.returncode == 0, done.stderr
    assert "5 case(s) in the GW universe 1988-1995" in done.stdout


def test_missing_states_option_file_is_exit_2(dataset: Path) -> None:
    """--states naming no file is one line, exit 2."""
    (dataset / "cmr.toml").write_text(UNIVERSE, encoding="utf-8")
    done = cmr_run(dataset, "coverage", "--states", "nowhere.csv")
    assert done.returncode == 2 and "'nowhere.csv' does not exist" in done.stderr


def test_unknown_filter_country_is_a_warning(dataset: Path) -> None:
    """A country in the filter that the list lacks is a warning at its line in cmr.toml."""
    (dataset / "cmr.toml").write_text(UNIVERSE + 'countries = ["AZE", "FRA", 999]\n', "utf-8")
    done = cmr_run(dataset, "coverage")
    assert done.returncode == 0
    assert "cmr.toml:6:1: warning coverage-filter-unknown the universe's countries names 'FRA'" in (
        done.stdout
    )
    assert "names 999" in done.stdout


def test_matrix_with_format_is_usage_error(dataset: Path) -> None:
    """--matrix prints text only."""
    assert "--matrix prints text" in usage(dataset, UNIVERSE, "--matrix", "--format", "json")


def test_gw_places_a_country_by_name_without_a_warning(dataset: Path, tmp_path: Path) -> None:
    """Under G&W, Germany in 2000 is 255 in the list while countrycode's G&W code for DEU is
    260: the observation has no G&W field, so it is placed by its country, silently."""
    gw = tmp_path / "iisystem.dat"
    gw.write_bytes(
        b"255\tGMY\tGermany (Prussia)\t01:01:1816\t08:05:1945\n"
        b"260\tGFR\tGerman Federal Republic\t21:09:1949\t02:10:1990\n"
        b"255\tGMY\tGermany (Prussia)\t03:10:1990\t31:12:2017\n"
    )
    (dataset / "observations" / "DEU").mkdir(parents=True)
    (dataset / "observations" / "DEU" / "2000.yaml").write_text(
        "codebook: 1.2.0\ncountry: Germany\niso3c: DEU\ncown: 255\nyear: 2000\n", "utf-8"
    )
    done = cmr_run(
        dataset,
        "coverage",
        "--system",
        "gw",
        "--states",
        str(gw),
        "--from",
        "2000",
        "--to",
        "2000",
        "--format",
        "csv",
    )
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout.splitlines()[1] == (
        "DEU,255,Germany (Prussia),2000,final,0,observations/DEU/2000.yaml,"
    )


def test_universe_in_pyproject(dataset: Path) -> None:
    """[tool.cmr.universe] in a dataset's pyproject.toml declares the universe too."""
    (dataset / "pyproject.toml").write_text(
        UNIVERSE.replace("[universe]", "[tool.cmr.universe]"), encoding="utf-8"
    )
    done = cmr_run(dataset, "coverage", "--country", "373")
    assert done.returncode == 0 and "5 case(s) in the COW universe 1988-1995" in done.stdout
    (dataset / "pyproject.toml").write_text(
        UNIVERSE.replace("[universe]", "[tool.cmr.universe]").replace("cow", "xx"), "utf-8"
    )
    said = cmr_run(dataset, "coverage").stderr
    assert "pyproject.toml [tool.cmr.universe]: system must be one of cow, gw" in said
