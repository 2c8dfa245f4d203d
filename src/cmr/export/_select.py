"""Which observations make the panel: one per country-year.

A country-year's panel observation is the file at `observations/<ISO3>/<year>.yaml` (the
adjudicated one when independent codings were reconciled). Independent codings, at
`observations/<ISO3>/<year>/<coder>.yaml`, serve inter-coder agreement and stay out of the
panel; a country-year that has only those is left out with a warning until it is adjudicated.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Protocol, TypeVar

from cmr.layout import is_independent


class Coding(Protocol):
    """What selecting needs of a coding: an `Observation` or a check's `Summary`."""

    @property
    def path(self) -> str: ...
    @property
    def iso3c(self) -> str: ...
    @property
    def year(self) -> int: ...
    @property
    def coder(self) -> str: ...


C = TypeVar("C", bound=Coding)


def select(observations: Iterable[C]) -> list[C]:
    """The panel's observations: the adjudicated file of each country-year (the first by path
    where there are two, which the `panel-choice` check reports), sorted by country and year.

    What this leaves out is reported by registered checks, not here: two adjudicated files
    for one country-year (`panel-duplicate-country-year`, run by every check) and a
    country-year with only independent codings (`panel-not-adjudicated`, run by the export).
    """
    chosen: dict[tuple[str, int], C] = {}
    for obs in sorted(observations, key=lambda o: o.path):
        if not is_independent(os.path.abspath(obs.path)):
            chosen.setdefault((obs.iso3c, obs.year), obs)
    return [chosen[k] for k in sorted(chosen)]
