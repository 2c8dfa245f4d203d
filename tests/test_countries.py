"""The country table: built from countrycode, sane, and used for names and codes."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from cmr import countries

REPO = Path(__file__).resolve().parents[1]


def _builder():
    spec = importlib.util.spec_from_file_location(
        "build_countries", REPO / "scripts" / "build_countries.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_countries"] = module
    spec.loader.exec_module(module)
    return module


def test_committed_table_matches_countrycode():
    """Rebuilding the table from the installed countrycode gives the committed file."""
    pytest.importorskip("countrycode")
    builder = _builder()
    committed = (REPO / "src" / "cmr" / "data" / "countries.json").read_text(encoding="utf-8")
    assert builder.render(builder.build()) == committed


def test_table_is_sane():
    """ISO3 codes are unique, regexes compile, and the table has every sovereign state."""
    table = countries.table()
    codes = [c.iso3c for c in table]
    assert len(codes) == len(set(codes))
    assert len(table) >= 240
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in codes)
    assert sum(1 for c in table if c.cown is not None) >= 190


@pytest.mark.parametrize(
    ("text", "iso3c", "cown", "gwn"),
    [
        ("Azerbaijan", "AZE", 373, 373),
        ("AZE", "AZE", 373, 373),
        ("Republic of Armenia", "ARM", 371, 371),
        ("Kazakhstan", "KAZ", 705, 705),
    ],
)
def test_resolve_names_and_codes(text, iso3c, cown, gwn):
    """Names and ISO3 codes resolve to the country's ISO3, COW and G-W codes."""
    country = countries.resolve(text)
    assert country is not None
    assert (country.iso3c, country.cown, country.gwn) == (iso3c, cown, gwn)


def test_unknown_name_resolves_to_none():
    """A name that matches nothing gives None."""
    assert countries.resolve("Narnia") is None


@pytest.mark.parametrize(
    ("text", "iso3c"),
    [("Azerbajan", "AZE"), ("Frnace", "FRA"), ("Kazakstan", "KAZ"), ("aze", "AZE")],
)
def test_suggest_finds_close_names(text, iso3c):
    """A mistyped name, or a code in small letters, suggests the country meant."""
    country = countries.suggest(text)
    assert country is not None and country.iso3c == iso3c


@pytest.mark.parametrize("text", ["Narnia", "xyz", "", "Atlantis"])
def test_suggest_stays_quiet_when_nothing_is_close(text):
    """A name close to no country suggests nothing."""
    assert countries.suggest(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Azerbaijan and Germany",
        "Not Azerbaijan",
        "Azerbaijan\nGermany",
        "Azerbaijan\0",
        "Azerbaijan " * 20_000,
        "Azerbaijan!",
        "",
    ],
)
def test_by_name_needs_the_whole_name(text):
    """A name with words that are not the country's, a control character or absurd length
    matches no country, though countrycode's regex finds a country inside it."""
    assert countries.by_name(text) is None


@pytest.mark.parametrize(
    ("text", "iso3c"),
    [
        (" Azerbaijan ", "AZE"),
        ("Republic of Azerbaijan", "AZE"),
        ("United States of America", "USA"),
        ("Bosnia and Herzegovina", "BIH"),
        ("Côte d’Ivoire", "CIV"),
        ("Ivory Coast", "CIV"),
    ],
)
def test_by_name_keeps_official_and_other_names(text, iso3c):
    """Official titles and countrycode's other English names still match their country."""
    country = countries.by_name(text)
    assert country is not None and country.iso3c == iso3c


def test_every_table_name_matches_its_own_country():
    """Each country's name in the table matches that country."""
    for country in countries.table():
        found = countries.by_name(country.name)
        assert found is not None and found.iso3c == country.iso3c, country.name


@pytest.mark.parametrize(
    ("iso3c", "day", "cown", "gwn", "vdem"),
    [
        ("DEU", "1938-12-31", 255, 255, 77),  # Germany before 1945 in both lists
        ("DEU", "1980-12-31", 260, 260, 77),  # West Germany
        ("DEU", "1990-10-02", 260, 260, 77),
        ("DEU", "1990-10-03", 255, 260, 77),  # COW: Germany again; G-W: West Germany goes on
        ("YEM", "1989-12-31", 678, 678, 14),  # North Yemen
        ("YEM", "1990-05-22", 679, 678, 14),  # COW: unified Yemen is a new state
        ("SRB", "2000-12-31", 345, 345, 198),  # Yugoslavia in both
        ("SRB", "2006-06-05", 345, 340, 198),  # G-W: Serbia again
        ("VNM", "1950-12-31", 816, None, 34),
        ("VNM", "1980-12-31", 816, 816, 34),  # not countrycode's 817 (South Vietnam)
        ("AZE", "1994-12-31", 373, 373, 106),
    ],
)
def test_codes_follow_the_state_lists_by_date(iso3c, day, cown, gwn, vdem):
    """A country's COW, G-W and V-Dem codes are those in force on the day."""
    import datetime as dt

    found = countries.codes(iso3c, dt.date.fromisoformat(day))
    assert (found.cown, found.gwn, found.vdem) == (cown, gwn, vdem)


def test_codes_of_an_unknown_country_are_empty():
    """A code the table does not know has no codes, on any day."""
    import datetime as dt

    assert countries.codes("XXX", dt.date(2000, 1, 1)) == countries.Codes(None, None, None)


@pytest.mark.parametrize(
    ("spell", "says"),
    [
        (("DEU", "cown", None, "1990-10-02", 999, "typo"), "knows no cown 999"),
        (("DEU", "cown", "1950-01-01", "1960-01-01", 260, "twice"), "overlap"),
        (("DEU", "gwn", "1990-01-01", "1980-01-01", 260, "reversed"), "ends before"),
        (("XXX", "gwn", None, None, 260, "nowhere"), "unknown state"),
    ],
)
def test_build_refuses_a_spell_countrycode_does_not_support(monkeypatch, spell, says):
    """A period with a code countrycode gives neither the state nor a former state, an
    overlap, reversed dates or an unknown state stop the build."""
    pytest.importorskip("countrycode")
    builder = _builder()
    monkeypatch.setattr(builder, "SPELLS", [*builder.SPELLS, spell])
    with pytest.raises(SystemExit, match=says):
        builder.build()
