"""Countries as a coder types them: any case, misspelled, or the name of a former state."""

from __future__ import annotations

import importlib.util
import sys

import pytest
from support import REPO, cmr_run, make_project

from cmr import countries


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path)


@pytest.mark.parametrize(
    ("typed", "path", "name"),
    [
        ("arm", "observations/ARM/1994.yaml", "Armenia"),
        ("azerbaijan", "observations/AZE/1994.yaml", "Azerbaijan"),
        ("aze", "observations/AZE/1994.yaml", "Azerbaijan"),
        ("AZERBAIJAN", "observations/AZE/1994.yaml", "Azerbaijan"),
    ],
)
def test_new_matches_names_and_codes_in_any_case(project, typed, path, name):
    """`cmr new arm 1994`, `azerbaijan`, `aze` write the country's file under its own name."""
    done = cmr_run(project, "new", typed, "1994", "--coder", "jdoe")
    assert (done.returncode, done.stdout.strip(), done.stderr) == (0, path, "")
    assert f"\ncountry: {name}\n" in (project / path).read_text(encoding="utf-8")


def test_new_suggests_the_country_meant(project):
    """A misspelled country exits 2 with one line suggesting the country meant."""
    done = cmr_run(project, "new", "Azerbajan", "1994", "--coder", "jdoe")
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1
    assert "did you mean 'Azerbaijan', AZE?" in done.stderr
    assert not (project / "observations" / "AZE").exists()


@pytest.mark.parametrize("typed", ["Soviet Union", "USSR", "the Soviet Union"])
def test_new_former_state_warns_naming_both(project, typed):
    """A former state countrycode gives to a successor is written with the successor's codes
    under the former state's name, and a one-line warning names both."""
    done = cmr_run(project, "new", typed, "1980", "--coder", "jdoe")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "observations/RUS/1980.yaml"
    [warning] = done.stderr.splitlines()
    assert warning.startswith("cmr: warning: ")
    assert "Soviet Union" in warning and "Russia (RUS, COW 365)" in warning
    text = (project / "observations" / "RUS" / "1980.yaml").read_text(encoding="utf-8")
    assert "\ncountry: Soviet Union\niso3c: RUS\ncown: 365\n" in text


def test_new_current_name_gives_no_warning(project):
    """Russia is not a former state: no warning."""
    done = cmr_run(project, "new", "Russia", "1995", "--coder", "jdoe")
    assert (done.returncode, done.stderr) == (0, "")


@pytest.mark.parametrize(
    ("typed", "named"),
    [
        ("Czechoslovakia", "Czechoslovakia"),
        ("Yugoslavia", "Yugoslavia"),
        ("East Germany", "German Democratic Republic"),
        ("South Vietnam", "Republic of Vietnam"),
    ],
)
def test_new_refuses_a_state_without_iso3(project, typed, named):
    """A former state countrycode keeps apart without an ISO3 code is refused by name (exit 2,
    one line), never filed under another state's codes."""
    done = cmr_run(project, "new", typed, "1980", "--coder", "jdoe")
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1
    assert named in done.stderr and "no ISO3 code" in done.stderr
    assert sorted(p.name for p in (project / "observations").iterdir()) == ["references.bib"]


def test_every_successor_name_is_flagged():
    """Every spelling countrycode maps to a successor resolves to the successor's codes under
    the former state's name, and says so: none is substituted silently."""
    for alias, past in countries._succeeded().items():
        assert past.successor is not None
        found = countries.resolve(alias)
        assert found is not None and found.iso3c == past.successor.iso3c, alias
        assert found.name == past.name
        assert countries.by_name(alias) == past.successor  # as countrycode maps it
        said = countries.substitution(alias)
        assert said and past.successor.name in said


def test_countrycode_keeps_former_states_apart():
    """The table keeps countrycode's states without an ISO3 code (with their COW codes)."""
    czechoslovakia = countries.former("Czechoslovakia")
    assert czechoslovakia is not None and czechoslovakia.successor is None
    assert czechoslovakia.cown == 315
    assert countries.resolve("Czechoslovakia") is None
    assert "no ISO3 code" in countries.hint("Czechoslovakia")


def test_build_refuses_a_successor_countrycode_does_not_give(monkeypatch):
    """The build stops when a listed former state is not mapped to its successor by
    countrycode, so the hand list cannot drift from countrycode."""
    pytest.importorskip("countrycode")
    spec = importlib.util.spec_from_file_location(
        "build_countries_check", REPO / "scripts" / "build_countries.py"
    )
    assert spec is not None and spec.loader is not None
    builder = importlib.util.module_from_spec(spec)
    sys.modules["build_countries_check"] = builder
    spec.loader.exec_module(builder)
    monkeypatch.setattr(builder, "SUCCEEDED", [("Soviet Union", "UKR", ["USSR"], "x")])
    with pytest.raises(SystemExit, match="maps 'USSR' to RUS, not UKR"):
        builder.build()


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Republic of Azerbajan", "Azerbaijan"),
        ("Azerbaidjan", "Azerbaijan"),
        ("Armenai", "Armenia"),
        ("Kyrgystan", "Kyrgyzstan"),
        ("Soviet Unoin", "Soviet Union"),
    ],
)
def test_misspellings_suggest_the_name_meant(typed, meant):
    """Misspelled names, with or without an official title, and misspelled former states
    suggest the name meant."""
    assert countries.resolve(typed) is None
    assert f"did you mean {meant!r}" in countries.hint(typed)


def test_new_suggests_a_former_state(project):
    """`cmr new "Soviet Unoin"` suggests the Soviet Union, which it would then warn about."""
    done = cmr_run(project, "new", "Soviet Unoin", "1980", "--coder", "jdoe")
    assert done.returncode == 2
    assert "did you mean 'Soviet Union', RUS?" in done.stderr
