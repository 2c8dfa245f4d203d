"""Country names and codes (ISO3, Correlates of War, Gleditsch-Ward), from countrycode.

The table in `data/countries.json` is extracted from the `countrycode` package by
`scripts/build_countries.py`; names are matched with countrycode's own regular expressions,
and then the whole name must be accounted for: every word outside the matched part is a word of
the country's own name or of an official title ("Republic of Armenia"), so that "Not Azerbaijan"
or "Azerbaijan and Germany" match nothing.

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
MAX_NAME_CHARS = 100  # longer than any country's name: refused without matching
# Words of official titles that may surround a country's name.
TITLE_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "republic",
        "democratic",
        "people",
        "s",
        "islamic",
        "arab",
        "federal",
        "federation",
        "united",
        "state",
        "states",
        "kingdom",
        "islands",
        "island",
        "st",
        "saint",
        "plurinational",
        "bolivarian",
        "union",
        "socialist",
        "commonwealth",
        "principality",
        "grand",
        "duchy",
        "sultanate",
        "hashemite",
        "independent",
        "territory",
        "territories",
        "sar",
        "province",
        "part",
    ]
)
# Words of countrycode's other English names that the table's name lacks.
ALIAS_WORDS = {
    "BES": "sint eustatius saba",
    "BRN": "darussalam",
    "CIV": "ivory coast",
    "CPV": "cabo verde",
    "FLK": "islas malvinas",
    "GBR": "great britain northern ireland",
    "PSE": "gaza",
    "SDN": "north",
    "SHN": "ascension tristan da cunha",
    "STP": "sao tome principe",
    "SXM": "dutch",
    "TWN": "china",
    "USA": "america",
}
PUNCTUATION = frozenset(".,()'’&-/[]")
WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Country:
    name: str
    iso3c: str
    cown: int | None
    gwn: int | None
    pattern: str

    @property
    def regex(self) -> re.Pattern[str]:
        """countrycode's regex for the country's names, compiled on first use."""
        return _compiled(self.pattern)


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


@cache
def table() -> tuple[Country, ...]:
    raw = json.loads((DATA / "countries.json").read_text(encoding="utf-8"))
    rows = (dict(zip(raw["columns"], row, strict=True)) for row in raw["rows"])
    return tuple(Country(r["name"], r["iso3c"], r["cown"], r["gwn"], r["regex"]) for r in rows)


@cache
def _canonical() -> dict[str, Country]:
    """Countries by their names as the table spells them (each matches its own regex)."""
    return {c.name.casefold(): c for c in table()}


@cache
def _by_iso3() -> dict[str, Country]:
    return {c.iso3c: c for c in table()}


def by_iso3(code: str) -> Country | None:
    return _by_iso3().get(code.upper())


def by_name(name: str) -> Country | None:
    """The country whose countrycode regex matches `name` (first match, as countrycode does),
    when the whole name is accounted for; None for a name over `MAX_NAME_CHARS`, one holding
    a control character, or one with words that are not the country's ("Not Azerbaijan")."""
    text = name.strip()
    if not text or len(text) > MAX_NAME_CHARS or not text.isprintable():
        return None
    return _by_name(text)


@cache
def _by_name(text: str) -> Country | None:
    exact = _canonical().get(text.casefold())
    if exact is not None:  # the common case: the name as the table spells it, no regex
        return exact
    for country in table():
        match = country.regex.search(text)
        if match:
            return country if _accounted_for(text, match, country) else None
    return None


def _accounted_for(text: str, match: re.Match[str], country: Country) -> bool:
    """True when everything in `text` outside the word(s) `match` covers is punctuation or
    a word of the country's names or of an official title."""
    start, end = match.span()
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    rest = f"{text[:start]} {text[end:]}".casefold()
    if any(not (ch.isspace() or ch.isalnum() or ch in PUNCTUATION) for ch in rest):
        return False
    return set(WORD.findall(rest)) <= _vocabulary(country)


@cache
def _vocabulary(country: Country) -> frozenset[str]:
    own = f"{country.name} {ALIAS_WORDS.get(country.iso3c, '')}".casefold()
    return TITLE_WORDS | frozenset(WORD.findall(own))


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
