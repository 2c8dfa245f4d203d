"""Which country each state of a membership file is, so observations filed by ISO3 code can
be placed in it.

Observations carry countrycode's fixed codes (`cown`), while the state systems change codes
over time: Correlates of War lists West Germany as 260 from 1955 to 1990 and Germany as 255
before and after. So a spell is matched to a country by its name first, with countrycode's
own patterns (`cmr.countries.by_name`: "German Federal Republic" is Germany, DEU); a name
countrycode keeps for a former state without an ISO3 code (Yugoslavia, the Yemen Arab
Republic) matches no country; a name with a part in brackets ("Germany (Prussia)", as G&W
writes) is tried without it; any other name that matches nothing (a spelling countrycode
does not know) falls back to the country whose fixed code in that system is the spell's code.
A dataset can say it outright: `codes = {SRB = [345]}` in `[universe]` makes every spell of
345 Serbia, and no other number Serbia (COW keeps Serbia under Yugoslavia's number and name
after 2006).

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


def country_of(
    spell: Spell,
    code_field: str,
    codes: Mapping[int, str] | None = None,
    horizon: date | None = None,
) -> str | None:
    """The ISO3 code of the country `spell` is, or None for a state without one. `codes`
    (the universe's `codes` setting, by number) decides first: a country named there is
    only the numbers listed for it. A spell that lasts to `horizon` (the list's last day)
    is a state of the list's own time, so a former state's name does not make it one:
    Gleditsch & Ward keep unified Yemen under 678, "Yemen (Arab Republic of Yemen)"."""
    if codes and spell.code in codes:
        return codes[spell.code]
    current = horizon is not None and spell.end == horizon
    found = _country_of(spell.name, spell.code, code_field, current)
    return None if codes and found in codes.values() else found


@cache
def _country_of(name: str, code: int, code_field: str, current: bool) -> str | None:
    for said in _names(name):
        country = countries.by_name(said)
        if country is not None:
            return country.iso3c
        if not current and countries.former(said) is not None:
            return None
    return _by_code(code_field).get(code)


def _names(name: str) -> list[str]:
    """The spell's name, then the name without a part in brackets: G&W writes "Germany
    (Prussia)" and "Russia (Soviet Union)"."""
    short = name.split("(")[0].strip()
    return [n for n in dict.fromkeys([name.strip(), short]) if n]


@cache
def _by_code(code_field: str) -> dict[int, str]:
    """Countries by their fixed code in a system (`cown` or `gwn`)."""
    out: dict[int, str] = {}
    for country in countries.table():
        code = getattr(country, code_field)
        if isinstance(code, int):
            out[code] = country.iso3c
    return out


def fixed_code(iso3c: str, code_field: str) -> int | None:
    """countrycode's fixed code of the country `iso3c` in a system (None if it has none)."""
    country = countries.by_iso3(iso3c)
    code = getattr(country, code_field) if country is not None else None
    return code if isinstance(code, int) else None


def known(iso3c: str) -> bool:
    """True when countrycode knows `iso3c` as a country."""
    return countries.by_iso3(iso3c) is not None
