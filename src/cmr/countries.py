"""Country names and codes (ISO3, Correlates of War, Gleditsch-Ward, V-Dem), from countrycode.

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

Names and ISO3 codes are matched whatever their case (`arm`, `azerbaijan`). Former states are
handled on purpose (`former`): a name countrycode gives to a successor ("Soviet Union" is
matched by Russia's regex) resolves to the successor's codes under the former state's name,
for the caller to warn about; a former state countrycode keeps apart without an ISO3 code
(Czechoslovakia) resolves to nothing, and `hint` says why.

`codes` gives a country's codes on a given day: countrycode holds one code per state, and the
build script lists the periods in which a state's COW or G-W code differs (Germany, Yemen,
Serbia, Vietnam), each with its source.

>>> import datetime as dt
>>> codes("DEU", dt.date(1980, 12, 31)).cown, codes("DEU", dt.date(1991, 12, 31)).cown
(260, 255)
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from dataclasses import dataclass, replace
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
    vdem: int | None = None

    @property
    def regex(self) -> re.Pattern[str]:
        """countrycode's regex for the country's names, compiled on first use."""
        return _compiled(self.pattern)


@dataclass(frozen=True)
class Former:
    """A former state or territory: `successor` is the state whose codes countrycode gives
    it, or None when countrycode keeps it apart without an ISO3 code (then `cown` and `gwn`
    are its own codes)."""

    name: str
    successor: Country | None
    note: str
    cown: int | None = None
    gwn: int | None = None


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


@cache
def _raw() -> dict[str, list[list[object]]]:
    data: dict[str, list[list[object]]] = json.loads(
        (DATA / "countries.json").read_text(encoding="utf-8")
    )
    return data


def _records(key: str) -> list[dict[str, object]]:
    raw = _raw()
    columns = [str(c) for c in raw["columns" if key == "rows" else f"{key}_columns"]]
    return [dict(zip(columns, row, strict=True)) for row in raw[key]]


@cache
def table() -> tuple[Country, ...]:
    return tuple(
        Country(
            str(r["name"]),
            str(r["iso3c"]),
            _int(r["cown"]),
            _int(r["gwn"]),
            str(r["regex"]),
            _int(r.get("vdem")),
        )
        for r in _records("rows")
    )


def _int(value: object) -> int | None:
    return value if isinstance(value, int) else None


@dataclass(frozen=True)
class Codes:
    """A country's codes on one day: Correlates of War, Gleditsch-Ward and V-Dem."""

    cown: int | None
    gwn: int | None
    vdem: int | None


def codes(iso3c: str, on: dt.date) -> Codes:
    """The codes of the country `iso3c` on the day `on`: countrycode's, except in the periods
    the table's `spells` list (West Germany's 260 in COW before 1990, ...). A country the
    table does not know has none."""
    country = by_iso3(iso3c)
    if country is None:
        return Codes(None, None, None)
    spells = _spells().get(country.iso3c)
    if spells is None:  # most countries: one code each
        return _static(country)
    found = {"cown": country.cown, "gwn": country.gwn}
    for system, first, last, code in spells:
        if first <= on <= last:
            found[system] = code
    return Codes(found["cown"], found["gwn"], country.vdem)


@cache
def _static(country: Country) -> Codes:
    return Codes(country.cown, country.gwn, country.vdem)


@cache
def _spells() -> dict[str, tuple[tuple[str, dt.date, dt.date, int | None], ...]]:
    """The table's periods of other codes, by ISO3 code: system, first and last day, code."""
    out: dict[str, list[tuple[str, dt.date, dt.date, int | None]]] = {}
    for r in _records("spells") if "spells" in _raw() else []:
        first = dt.date.fromisoformat(str(r["start"])) if r["start"] else dt.date.min
        last = dt.date.fromisoformat(str(r["end"])) if r["end"] else dt.date.max
        out.setdefault(str(r["iso3c"]), []).append((str(r["system"]), first, last, _int(r["code"])))
    return {k: tuple(v) for k, v in out.items()}


@cache
def _canonical() -> dict[str, Country]:
    """Countries by their names as the table spells them (each matches its own regex)."""
    return {c.name.casefold(): c for c in table()}


@cache
def _by_iso3() -> dict[str, Country]:
    return {c.iso3c: c for c in table()}


def by_iso3(code: str) -> Country | None:
    """The country with ISO3 code `code`, in any case (`aze`, `AZE`)."""
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
    succeeded = _succeeded().get(_plain(text))
    if succeeded is not None:
        return succeeded.successor
    for country in table():
        match = country.regex.search(text)
        if match:
            return country if _accounted_for(text, match, country) else None
    return None


def _accounted_for(text: str, match: re.Match[str], country: Country) -> bool:
    """True when everything in `text` outside the word(s) `match` covers is punctuation or
    a word of the country's names or of an official title."""
    return _whole(text, match, _vocabulary(country))


def _whole(text: str, match: re.Match[str], vocabulary: frozenset[str]) -> bool:
    """True when every word of `text` outside `match` is punctuation or in `vocabulary`."""
    start, end = match.span()
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    rest = f"{text[:start]} {text[end:]}".casefold()
    if any(not (ch.isspace() or ch.isalnum() or ch in PUNCTUATION) for ch in rest):
        return False
    return set(WORD.findall(rest)) <= vocabulary


@cache
def _vocabulary(country: Country) -> frozenset[str]:
    own = f"{country.name} {ALIAS_WORDS.get(country.iso3c, '')}".casefold()
    return TITLE_WORDS | frozenset(WORD.findall(own))


def resolve(name_or_code: str) -> Country | None:
    """A country from an ISO3 code or an English name, in any case; None when nothing matches.

    A former state's name that countrycode gives to a successor resolves to the successor's
    codes under the former state's name (`resolve("USSR").name` is "Soviet Union", with
    Russia's codes); `former` tells the caller, which must say so.
    """
    text = name_or_code.strip()
    if len(text) == 3 and text.isalpha():
        found = by_iso3(text)
        if found is not None:
            return found
    past = former(text)
    if past is not None and past.successor is not None:
        return replace(past.successor, name=past.name)
    return by_name(text)


def former(name: str) -> Former | None:
    """The former state `name` names, or None. A state countrycode keeps apart without an ISO3
    code (Czechoslovakia, the German Democratic Republic, but also Kosovo) comes back with no
    successor.

    >>> former("U.S.S.R.").successor.iso3c
    'RUS'
    >>> former("Czechoslovakia").successor is None
    True
    """
    text = name.strip()
    if not text or len(text) > MAX_NAME_CHARS or not text.isprintable():
        return None
    return _succeeded().get(_plain(text)) or _without_iso3(text)


def hint(name: str) -> str:
    """What to add to "not recognised": a former state without an ISO3 code, or the country
    a mistyped name most likely means (" (did you mean 'Azerbaijan', AZE?)"); else ""."""
    if len(name) > MAX_NAME_CHARS:
        return ""
    past = former(name)
    if past is not None and past.successor is None:
        return f" ({past.name} has no ISO3 code in countrycode; cmr files observations by ISO3)"
    close = suggest(name)
    return f" (did you mean {close.name!r}, {close.iso3c}?)" if close else ""


def refusal(name: str) -> str | None:
    """Why `name` cannot be coded when it is a state without an ISO3 code, else None."""
    past = former(name)
    if past is None or past.successor is not None:
        return None
    codes = f"COW {past.cown}" if past.cown is not None else f"G-W {past.gwn}"
    return (
        f"{_named(name, past)} has no ISO3 code in countrycode ({codes}); cmr files each "
        "observation under an ISO3 code and does not put another state's in its place"
    )


def substitution(name: str) -> str | None:
    """What to say when `name` is a former state that takes its successor's codes, else None.

    >>> substitution("USSR").split(";")[0]
    "'USSR' (Soviet Union) is a former state or territory (dissolved in 1991)"
    """
    past = former(name)
    if past is None or past.successor is None:
        return None
    return (
        f"{_named(name, past)} is a former state or territory ({past.note}); countrycode gives it "
        "the codes of its successor "
        f"{past.successor.name} ({past.successor.iso3c}, COW {past.successor.cown})"
    )


def _named(name: str, past: Former) -> str:
    """`'USSR' (Soviet Union)`, or just `'Soviet Union'` when typed as the table spells it."""
    typed = name.strip()
    if _plain(typed) == _plain(past.name):
        return repr(typed)
    return f"{typed!r} ({past.name})"


def _plain(text: str) -> str:
    """A name compared loosely: case, dots, commas and a leading "the" do not matter."""
    words = WORD.findall(text.casefold())
    return " ".join(words[1:] if words[:1] == ["the"] else words)


@cache
def _succeeded() -> dict[str, Former]:
    """Former states by each spelling countrycode maps to their successor."""
    out: dict[str, Former] = {}
    for r in _records("succeeded"):
        past = Former(str(r["name"]), by_iso3(str(r["successor"])), str(r["note"]))
        for alias in r["aliases"] if isinstance(r["aliases"], list) else []:
            out[_plain(str(alias))] = past
    return out


@cache
def _without_iso3(text: str) -> Former | None:
    """A state countrycode keeps apart without an ISO3 code, its regex matching the whole
    name."""
    for r in _records("without_iso3"):
        match = _compiled(str(r["regex"])).search(text)
        own = TITLE_WORDS | frozenset(WORD.findall(str(r["name"]).casefold()))
        if match and _whole(text, match, own):
            return Former(str(r["name"]), None, "no ISO3 code", _int(r["cown"]), _int(r["gwn"]))
    return None


def suggest(name: str) -> Country | None:
    """The country a mistyped name or code most likely means, or None when none is close.

    Official titles do not count ("Republic of Azerbajan" suggests Azerbaijan), and the names
    of former states are candidates too, under their own name ("Soviet Unoin").
    """
    text = name.strip()
    if len(text) == 3 and text.isalpha() and by_iso3(text) is not None:  # `aze` for `AZE`
        return by_iso3(text)
    names = _suggestible()
    core = " ".join(w for w in WORD.findall(text.casefold()) if w not in TITLE_WORDS)
    for candidate in dict.fromkeys((text.casefold(), core)):
        close = difflib.get_close_matches(candidate, list(names), n=1, cutoff=0.8)
        if close:
            return names[close[0]]
    return None


@cache
def _suggestible() -> dict[str, Country]:
    """The names a suggestion may be: the table's, then the former states' (as `resolve`
    gives them: the successor's codes under the former state's name)."""
    names = {c.name.casefold(): c for c in table()}
    for past in _succeeded().values():
        if past.successor is not None:
            names.setdefault(past.name.casefold(), replace(past.successor, name=past.name))
    return names
