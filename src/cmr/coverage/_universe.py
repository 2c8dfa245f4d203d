"""The declared case universe: a state system, its membership file(s), years and filters.

Declared in the dataset's settings (`[universe]` in cmr.toml, `[tool.cmr.universe]` in
pyproject.toml), each key overridable on the command line:

    [universe]
    system = "cow"                          # "cow" (Correlates of War) or "gw" (Gleditsch & Ward)
    states = "data/states2016.csv"          # the membership file(s), inside the repository
    first = 1946                            # the universe's years, both included
    last = 2016
    countries = ["AZE", "ARM", 373]         # optional: only these (ISO3 codes or state numbers)
    exclude = ["RUS"]                       # optional: all but these
    codes = {VNM = [816]}                   # optional: numbers that are a country, whatever
                                            # the list calls them

A setting that cannot be used raises `SettingsError` with one line (exit 2 on the command line).

>>> Universe.from_table({"system": "gw", "states": "g.dat", "first": 1990, "last": 1995}).years
range(1990, 1996)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cmr.coverage._universe_keys import (
    Filter,
    codes_of,
    filter_of,
    known_keys,
    membership_files,
    system_of,
    year_of,
)
from cmr.settings import SettingsError


@dataclass(frozen=True)
class Universe:
    """What the dataset means to code: the members of `system` from `first` to `last`."""

    system: str
    states: tuple[str, ...]
    first: int
    last: int
    countries: Filter = ()
    exclude: Filter = ()
    codes: tuple[tuple[str, tuple[int, ...]], ...] = ()
    """Numbers of the system that are a country, whatever the list calls them:
    `(("SRB", (345,)),)` from `codes = {SRB = [345]}`."""

    def code_owners(self) -> dict[int, str]:
        """The country each number of `codes` is."""
        return {n: iso3c for iso3c, numbers in self.codes for n in numbers}

    @property
    def years(self) -> range:
        return range(self.first, self.last + 1)

    @classmethod
    def from_table(cls, table: Any, where: str = "[universe]") -> Universe:
        """The universe a settings table declares; `SettingsError` naming `where` if not."""
        if not isinstance(table, dict):
            raise SettingsError(f"{where} must be a table of settings")
        known_keys(table, where)
        missing = [k for k in ("system", "states", "first", "last") if k not in table]
        if missing:
            raise SettingsError(
                f"{where} lacks {', '.join(missing)}; declare it there or pass "
                + ", ".join(f"--{_option(k)}" for k in missing)
            )
        first, last = year_of(table, "first", where), year_of(table, "last", where)
        if first > last:
            raise SettingsError(f"{where}: first ({first}) is after last ({last})")
        return cls(
            system_of(table["system"], where),
            membership_files(table["states"], where),
            first,
            last,
            filter_of(table, "countries", where),
            filter_of(table, "exclude", where),
            codes_of(table.get("codes", {}), where),
        )


def _option(key: str) -> str:
    return {"first": "from", "last": "to", "countries": "country"}.get(key, key)
