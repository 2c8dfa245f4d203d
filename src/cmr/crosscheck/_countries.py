"""An observation's country in a source's code system.

Correlates of War and Gleditsch & Ward number most states alike, but not all: Germany is 255
in one and 260 in the other, and the country table (from countrycode) has no Gleditsch & Ward
code for some countries (Yemen). Codes are therefore never carried from one system to the
other: a Correlates of War list is matched on the observation's `cown` (else the table's),
a Gleditsch & Ward list on the table's `gwn` for the observation's ISO3 code, and where
either is missing or wrong the dataset's settings give the codes (`codes`, by ISO3 code).
"""

from __future__ import annotations

from typing import Any

from cmr import countries
from cmr.crosscheck._settings import Mapping


def codes_of(data: dict[str, Any], mapping: Mapping) -> tuple[int, ...]:
    """The observation's country codes in the source's system (empty when it has none)."""
    iso3 = data.get("iso3c")
    if isinstance(iso3, str) and iso3 in mapping.codes:
        return mapping.codes[iso3]
    country = countries.by_iso3(iso3) if isinstance(iso3, str) else None
    if mapping.source.system == "cow":
        cown = data.get("cown")
        if isinstance(cown, int) and not isinstance(cown, bool):
            return (cown,)
        return (country.cown,) if country is not None and country.cown is not None else ()
    return (country.gwn,) if country is not None and country.gwn is not None else ()
