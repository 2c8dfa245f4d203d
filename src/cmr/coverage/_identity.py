"""Which country each state of a membership file is, so observations filed by ISO3 code can
be placed in it.

The state systems change codes over time (Correlates of War lists West Germany as 260 from
1955 to 1990 and Germany as 255 before and after), and cmr's country table says which code
each country holds on each day (`cmr.countries.codes`: countrycode's fixed codes, with the
periods the table lists apart, such as Yemen's 678 in COW until 1990 and in G&W from 1918,
Serbia's 345). `cmr check` requires that code of an observation, so coverage reads the list
the same way. A spell is a country:

1. by its name, with countrycode's own patterns (`cmr.countries.by_name`: "German Federal
   Republic" is Germany, DEU), or without a part in brackets ("Germany (Prussia)", as G&W
   writes) — unless the table gives that country another code on the spell's days than the
   spell's (G&W's 817 "Vietnam, Republic of" is not Vietnam, whose G&W code is 816 then);
2. else by its code: the country that holds the spell's code on its first or last day
   ("Yugoslavia" 345 in COW is Serbia; G&W's "Cote D'Ivoire" 437 is CIV);
3. else no country (the German Democratic Republic, Czechoslovakia): shown by its number.

A dataset can say it outright: `codes = {SRB = [345]}` in `[universe]` makes every spell of
345 Serbia, and no other number Serbia.

>>> from datetime import date
>>> from cmr.external import Spell
>>> gfr = Spell(260, "GFR", "German Federal Republic", date(1955, 5, 5), date(1990, 10, 2), "s", 2)
>>> country_of(gfr, "cown")
'DEU'
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import cache

from cmr import countries
from cmr.external import Spell


def country_of(spell: Spell, code_field: str, codes: Mapping[int, str] | None = None) -> str | None:
    """The ISO3 code of the country `spell` is, or None for a state without one. `codes`
    (the universe's `codes` setting, by number) decides first: a country named there is
    only the numbers listed for it."""
    if codes and spell.code in codes:
        return codes[spell.code]
    found = _country_of(spell.name, spell.code, code_field, spell.start, spell.end)
    return None if codes and found in codes.values() else found


@cache
def _country_of(name: str, code: int, field: str, start: date, end: date) -> str | None:
    named = next((c for c in map(countries.by_name, _names(name)) if c is not None), None)
    if named is not None and _consistent(named, code, field, (start, end)):
        return named.iso3c
    return holder(code, field, start) or holder(code, field, end)


def _consistent(country: countries.Country, code: int, field: str, days: tuple[date, ...]) -> bool:
    """True unless the table gives `country` a code of its own (not countrycode's fixed one)
    on the spell's days, and that code is not the spell's."""
    held = [code_on(country.iso3c, field, day) for day in days]
    return code in held or held[0] == getattr(country, field)


def _names(name: str) -> list[str]:
    """The spell's name, then the name without a part in brackets: G&W writes "Germany
    (Prussia)" and "Russia (Soviet Union)"."""
    short = name.split("(")[0].strip()
    return [n for n in dict.fromkeys([name.strip(), short]) if n]


@cache
def holder(code: int, field: str, day: date) -> str | None:
    """The country that holds `code` in a system (`cown`, `gwn`) on `day`, if one does."""
    held = (
        iso3c for iso3c in _ever_held(field).get(code, ()) if code_on(iso3c, field, day) == code
    )
    return next(held, None)


@cache
def _ever_held(field: str) -> dict[int, tuple[str, ...]]:
    """The countries that hold each code in a system on 1 January of some year from 1800 to
    2200 (the table's periods each span a new year), in table order: the few to ask about
    a code on a given day."""
    out: dict[int, list[str]] = {}
    for country in countries.table():
        held = {code_on(country.iso3c, field, date(year, 1, 1)) for year in range(1800, 2201)}
        for code in sorted(c for c in held if c is not None):
            out.setdefault(code, []).append(country.iso3c)
    return {code: tuple(names) for code, names in out.items()}


def code_on(iso3c: str, field: str, day: date) -> int | None:
    """The code of the country `iso3c` in a system on `day` (None if it has none)."""
    code = getattr(countries.codes(iso3c, day), field)
    return code if isinstance(code, int) else None


def known(iso3c: str) -> bool:
    """True when countrycode knows `iso3c` as a country."""
    return countries.by_iso3(iso3c) is not None
