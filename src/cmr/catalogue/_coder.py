"""Finding kinds of messages a coder acts on: countries, YAML mistakes, usage."""

from __future__ import annotations

from cmr.catalogue._kind import Kind

KINDS: list[Kind] = [
    Kind(
        "country-historical",
        "warning",
        "Former state coded with its successor's codes",
        "The country is named as a former state or territory that countrycode gives the codes "
        "of a current state, its successor (the Soviet Union: Russia's; West Germany: "
        "Germany's). The observation keeps the name and uses the successor's ISO3 and COW "
        "codes; the warning makes sure that this is meant, never a silent substitution. "
        "`scripts/build_countries.py` lists these names and checks them against countrycode; "
        "`cmr new` prints the same warning.",
        "country {said}, which this observation uses; make sure that is meant",
        "coder",
    )
]
