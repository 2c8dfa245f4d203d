"""The country codes of each panel row: ISO3 beside the Correlates of War, Gleditsch-Ward and
V-Dem codes, so that the panel merges with data keyed by any of them.

The codes are the ones in force on the day the row describes (its `as_of`), from
`cmr.countries.codes`: countrycode's code for the state, except in the periods the country
table lists with their sources (West Germany's 260 in COW until 1990-10-02, North Yemen's 678,
Serbia under Yugoslavia's 345, Vietnam's 816 in Gleditsch-Ward). The observation's own `cown`
is what its coder asserted and `cmr check` compares with countrycode's; the panel's columns are
derived here, never copied from the file, so one country-year has one set of codes whoever
coded it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from cmr import countries

DESCRIPTIONS: dict[str, str] = {
    "cown": "Correlates of War country code on the row's as_of date (empty when there is none).",
    "gwn": "Gleditsch–Ward country code on the row's as_of date (empty when there is none).",
    "vdem": "V-Dem country id (country_id) (empty when V-Dem has none).",
}


@dataclass
class CodeColumns:
    """One list per code system, one cell per observation."""

    cown: list[int | None] = field(default_factory=list)
    gwn: list[int | None] = field(default_factory=list)
    vdem: list[int | None] = field(default_factory=list)


def code_columns(
    iso3c: Sequence[str], as_of: Sequence[dt.date], cown: Sequence[int | None]
) -> CodeColumns:
    """The codes of each observation (`iso3c` on `as_of`); for a country the table does not
    know, the file's own `cown` (a clean check never lets one through)."""
    out = CodeColumns()
    for code, day, said in zip(iso3c, as_of, cown, strict=True):
        if countries.by_iso3(code) is None:
            found = countries.Codes(said, None, None)
        else:
            found = countries.codes(code, day)
        out.cown.append(found.cown)
        out.gwn.append(found.gwn)
        out.vdem.append(found.vdem)
    return out
