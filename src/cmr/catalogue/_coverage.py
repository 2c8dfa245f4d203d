"""Finding kinds of the declared case universe and `cmr coverage`.

The universe is the set of country-years a dataset means to code: the members of a state
system (Correlates of War or Gleditsch & Ward) in a span of years, optionally narrowed to a
list of countries. `cmr coverage` places every observation in it; an observation of a state
that was not a member in its year is an error, one in a year its state entered or left is a
warning. See docs/coverage.md for the exact rule.
"""

from __future__ import annotations

from cmr.catalogue._kind import Kind

_E, _W, _I = "error", "warning", "info"
_F = "coverage"

KINDS: list[Kind] = [
    Kind(
        "coverage-not-in-system",
        _E,
        "State not in the system that year",
        "The observation codes a country-year in which its state was not a member of the "
        "declared state system on any day: no membership spell of its code (or of a code the "
        "membership file gives the same country) holds a day of the year. Check the year and "
        "the country, or the universe's system.",
        "{iso3c} {year}: {system} {number} ({name}) is not a member of the {system} state "
        "system in {year}; {spells}",
        _F,
    ),
    Kind(
        "coverage-code-mismatch",
        _E,
        "Country code names another state",
        "The observation's code is, in the membership file, another country's code in that "
        "year: the observation would be counted for the wrong state.",
        "{field} {number} is {name} ({other}) in the {system} list in {year}, not {iso3c}",
        _F,
    ),
    Kind(
        "coverage-code-differs",
        _I,
        "Country is in the system under another code",
        "The observation's code (countrycode's fixed code for the country, which `cmr check` "
        "requires) is not a member that year, but the membership file lists the same country "
        "under another code (West Germany as 260 while Germany is 255, for example). The "
        "observation is counted for that code; nothing needs to change in the file.",
        "{field} {number} is not a member of the {system} system in {year}; the list has "
        "{iso3c} as {other_number} ({name}) that year, and the observation is counted there",
        _F,
    ),
    Kind(
        "coverage-moment-outside-spell",
        _W,
        "Reference date outside the membership spell",
        "The state was a member for part of the observation's year, but the moment the "
        "observation describes (its `as_of`, or its unit's reference date) falls on a day it "
        "was not: before it entered or after it left the system.",
        "{iso3c} {year}: the reference date {moment} ({how}) lies outside {name}'s "
        "membership of the {system} system ({start} to {end})",
        _F,
    ),
    Kind(
        "coverage-partial-year",
        _W,
        "State entered or left the system that year",
        "The state was a member on the observation's reference date but not for the whole "
        "year: it entered or left the system during it. The country-year is in the universe; "
        "say in the notes what the coding covers.",
        "{iso3c} {year}: {name} ({number}) {event} the {system} system on {day}; {year} is a "
        "partial year",
        _F,
    ),
    Kind(
        "coverage-beyond-membership",
        _W,
        "Year outside the membership file",
        "The membership file knows nothing of the observation's year (it starts later or "
        "stops earlier): membership is not checked, and the country-year is outside the "
        "universe. Use a newer membership file, or narrow the years.",
        "{iso3c} {year}: the {system} membership file covers {dawn} to {horizon} only; "
        "membership in {year} is not checked",
        _F,
    ),
    Kind(
        "coverage-universe-beyond",
        _W,
        "Universe runs past the membership file",
        "The universe's years run past what the membership file knows: the years outside it "
        "hold no cases. Use a newer membership file, or narrow the years.",
        "the universe runs {first} to {last} but the {system} membership file covers {dawn} "
        "to {horizon}; no case in {years}",
        _F,
    ),
    Kind(
        "coverage-filter-unknown",
        _W,
        "Universe names a state the list lacks",
        "A country named in the universe's `countries` or `exclude` is not a state of the "
        "membership file (by ISO3 code or state number), so it selects nothing.",
        "the universe's {key} names {value!r}, which is no state of the {system} list",
        _F,
    ),
]
