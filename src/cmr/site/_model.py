"""The country-years a site shows: each with its adjudicated coding and independent codings.

Built from what `cmr check` read (its kept observations); every list is sorted, so that two
builds from the same files give the same pages.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from cmr import countries
from cmr.layout import is_independent, layout
from cmr.observation import Observation
from cmr.observation import is_draft as _is_draft
from cmr.site._shapes import tidy


def is_draft(obs: Observation) -> bool:
    """True for work in progress (`status: draft`)."""
    return _is_draft(obs.data)


@dataclass
class CountryYear:
    """One country-year: the panel's coding (`main`, possibly a draft) and the others'."""

    iso3c: str
    year: int
    main: Observation | None = None
    independent: list[Observation] = field(default_factory=list)

    @property
    def slug(self) -> str:
        """The page's file name without `.html`: `AZE-1993`."""
        return f"{self.iso3c}-{self.year}"

    @property
    def country(self) -> str:
        """The country's name as the main coding gives it, else the country table's."""
        for obs in [*([self.main] if self.main else []), *self.independent]:
            name = obs.data.get("country")
            if isinstance(name, str) and name.strip():
                return name
        found = countries.by_iso3(self.iso3c)
        return found.name if found else self.iso3c

    @property
    def status(self) -> str:
        """final, draft or independent (codings only, not yet adjudicated)."""
        if self.main is None:
            return "independent"
        return "draft" if is_draft(self.main) else "final"

    @property
    def codings(self) -> list[Observation]:
        """Every coding, the main one first."""
        return [*([self.main] if self.main else []), *self.independent]


def country_years(observations: Iterable[Observation]) -> list[CountryYear]:
    """The country-years of `observations`, by country code and year."""
    found: dict[tuple[str, int], CountryYear] = {}
    for obs in sorted(observations, key=lambda o: o.path):
        where = layout(obs.path)  # where the file lies, as `cmr check` places it
        key = (where.iso3c, where.year) if where else (obs.iso3c, obs.year)
        cy = found.setdefault(key, CountryYear(*key))
        obs = tidy(obs) if is_draft(obs) else obs  # a draft may hold anything
        if where.independent if where else _independent(obs):
            cy.independent.append(obs)
        elif cy.main is None:
            cy.main = obs
    for cy in found.values():
        cy.independent.sort(key=lambda o: (o.coder, o.path))
    return [found[k] for k in sorted(found)]


def _independent(obs: Observation) -> bool:
    return is_independent(obs.path)


def by_country(years: Iterable[CountryYear]) -> dict[str, list[CountryYear]]:
    """Country-years grouped by country code, in code and year order."""
    out: dict[str, list[CountryYear]] = defaultdict(list)
    for cy in years:
        out[cy.iso3c].append(cy)
    return dict(sorted(out.items()))
