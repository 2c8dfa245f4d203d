"""Country names and codes (ISO3, Correlates of War, Gleditsch-Ward), from countrycode.

The table in `data/countries.json` is extracted from the `countrycode` package by
`scripts/build_countries.py`; names are matched with countrycode's own regular expressions.

>>> resolve("Azerbaijan").cown
373
>>> resolve("AZE").name
'Azerbaijan'
>>> suggest("Azerbajan").name
'Azerbaijan'
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Country:
    name: str
    iso3c: str
    cown: int | None
    gwn: int | None
    regex: re.Pattern[str]


@cache
def table() -> tuple[Country, ...]:
    raw = json.loads((DATA / "countries.json").read_text(encoding="utf-8"))
    rows = (dict(zip(raw["columns"], row, strict=True)) for row in raw["rows"])
    return tuple(
        Country(r["name"], r["iso3c"], r["cown"], r["gwn"], re.compile(r["regex"], re.I))
        for r in rows
    )


@cache
def _by_iso3() -> dict[str, Country]:
    return {c.iso3c: c for c in table()}


def by_iso3(code: str) -> Country | None:
    return _by_iso3().get(code.upper())


@cache
def by_name(name: str) -> Country | None:
    """The country whose countrycode regex matches `name` (first match, as countrycode does)."""
    for country in table():
        if country.regex.search(name):
            return country
    return None


def resolve(name_or_code: str) -> Country | None:
    """A country from an ISO3 code or an English name; None when nothing matches."""
    text = name_or_code.strip()
    if len(text) == 3 and text.isalpha() and text.isupper():
        found = by_iso3(text)
        if found is not None:
            return found
    return by_name(text)


def suggest(name: str) -> Country | None:
    """The country a mistyped name or code most likely means, or None when none is close."""
    text = name.strip()
    if len(text) == 3 and text.isalpha() and by_iso3(text) is not None:  # `aze` for `AZE`
        return by_iso3(text)
    names = {c.name.casefold(): c for c in table()}
    close = difflib.get_close_matches(text.casefold(), list(names), n=1, cutoff=0.8)
    return names[close[0]] if close else None
