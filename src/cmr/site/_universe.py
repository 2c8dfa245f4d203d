"""The declared case universe on the coverage page (`cmr.coverage`), when a dataset has one.

A dataset that declares `[universe]` gets its coverage report on the site: the cases by
status and, per country, the years of the universe still missing, as ranges. The report's
errors (an observation of a state that was not a member that year) are data mistakes and stop
the build like any other; a universe that cannot be read is a usage error.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from cmr.coverage import CoverageReport, coverage_report
from cmr.project import Project


@dataclass(frozen=True)
class UniverseView:
    """What the page shows: the universe, its totals, and missing years by country."""

    system: str
    first: int
    last: int
    totals: dict[str, int]
    missing: tuple[tuple[str, str, str], ...]  # (country as shown, name, year ranges)


def universe_view(project: Project) -> tuple[UniverseView | None, CoverageReport | None]:
    """The view and the report, or (None, None) for a dataset without a universe."""
    if not project.config.get("universe"):
        return None, None
    report = coverage_report(project)
    groups: dict[tuple[str, str], list[int]] = {}
    for case in report.cases:
        if case.status == "missing":
            groups.setdefault((case.country, case.name), []).append(case.year)
    missing = tuple((c, n, ranges(years)) for (c, n), years in sorted(groups.items()))
    u = report.universe
    return UniverseView(u.system, u.first, u.last, report.totals(), missing), report


def ranges(years: Iterable[int]) -> str:
    """`1988–1990, 1995` for 1988, 1989, 1990 and 1995."""
    spans: list[list[int]] = []
    for year in sorted(set(years)):
        if spans and year == spans[-1][1] + 1:
            spans[-1][1] = year
        else:
            spans.append([year, year])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in spans)
