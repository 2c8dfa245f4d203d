"""The coverage matrix: countries × years, each cell final, draft, independent or missing.

Years run from the first to the last coded year, so a gap in a country's series shows as a
missing cell. Each status has a symbol and a word; the page shows both (the word for screen
readers), never colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cmr.site._model import CountryYear, by_country

SYMBOLS = {"final": "●", "draft": "◐", "independent": "○", "missing": "·"}
LABELS = {
    "final": "final",
    "draft": "draft (work in progress)",
    "independent": "independent codings only",
    "missing": "not coded",
}


@dataclass(frozen=True)
class Matrix:
    """`rows` are (iso3c, country name, [(year, status)]) for each year of `years`."""

    years: tuple[int, ...] = ()
    rows: tuple[tuple[str, str, tuple[tuple[int, str], ...]], ...] = ()
    symbols: dict[str, str] = field(default_factory=lambda: dict(SYMBOLS))


def matrix(years: list[CountryYear]) -> Matrix:
    """The matrix of `years` (all country-years of the site)."""
    if not years:
        return Matrix()
    span = tuple(range(min(cy.year for cy in years), max(cy.year for cy in years) + 1))
    rows = []
    for iso, mine in by_country(years).items():
        status = {cy.year: cy.status for cy in mine}
        cells = tuple((y, status.get(y, "missing")) for y in span)
        rows.append((iso, mine[0].country, cells))
    return Matrix(span, tuple(rows))


def counts(years: list[CountryYear]) -> dict[str, int]:
    """How many country-years have each status (every status present, 0 when none)."""
    out = dict.fromkeys(("final", "draft", "independent"), 0)
    for cy in years:
        out[cy.status] += 1
    return out
