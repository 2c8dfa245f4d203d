"""Which observations make the panel: one per country-year.

A country-year's panel observation is the file at `observations/<ISO3>/<year>.yaml` (the
adjudicated one when independent codings were reconciled). Independent codings, at
`observations/<ISO3>/<year>/<coder>.yaml`, serve inter-coder agreement and stay out of the
panel; a country-year that has only those is left out with a warning until it is adjudicated.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable
from typing import Protocol, TypeVar

from cmr.catalogue import finding
from cmr.findings import Finding
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


def select(observations: Iterable[C]) -> tuple[list[C], list[Finding]]:
    """The panel's observations sorted by country and year, and findings about the rest."""
    chosen: dict[tuple[str, int], C] = {}
    independent: dict[tuple[str, int], list[C]] = defaultdict(list)
    findings = []
    for obs in sorted(observations, key=lambda o: o.path):
        key = (obs.iso3c, obs.year)
        if is_independent(os.path.abspath(obs.path)):
            independent[key].append(obs)
        elif key in chosen:
            other = chosen[key].path
            findings.append(
                finding(
                    "panel-duplicate-country-year",
                    obs.path,
                    iso3c=obs.iso3c,
                    year=obs.year,
                    other=other,
                    related=(other,),
                )
            )
        else:
            chosen[key] = obs
    for key, codings in sorted(independent.items()):
        if key not in chosen:
            coders = ", ".join(o.coder for o in codings)
            findings.append(
                finding(
                    "panel-not-adjudicated",
                    codings[0].path,
                    iso3c=key[0],
                    year=key[1],
                    coders=coders,
                )
            )
    return [chosen[k] for k in sorted(chosen)], findings
