"""Findings about the declared universe itself: filter entries that select nothing, and
years the membership file does not reach."""

from __future__ import annotations

from cmr.catalogue import finding
from cmr.coverage._declared import settings_file
from cmr.coverage._place import Placer
from cmr.coverage._universe import Universe
from cmr.external import Membership
from cmr.findings import Finding
from cmr.project import Project


def filter_findings(
    project: Project, universe: Universe, membership: Membership, placer: Placer
) -> list[Finding]:
    """A warning for each entry of `countries` and `exclude` that names no state of the list,
    at the settings file."""
    where = project.display(project.root / (settings_file(project) or "cmr.toml"))
    out = []
    for key, entries in (("countries", universe.countries), ("exclude", universe.exclude)):
        for entry in entries:
            known = (
                entry in membership.by_code
                if isinstance(entry, int)
                else (entry in placer.by_country)
            )
            if not known:
                out.append(
                    finding(
                        "coverage-filter-unknown", where, key=key, value=entry, system=placer.label
                    )
                )
    return out


def beyond_membership(universe: Universe, membership: Membership, label: str) -> list[Finding]:
    """One warning when the universe's years run past what the membership file knows."""
    dawn, horizon = membership.dawn, membership.horizon
    if dawn is None or horizon is None:
        return []
    years = [y for y in universe.years if not dawn.year <= y <= horizon.year]
    if not years:
        return []
    span = f"{years[0]}" if len(years) == 1 else f"{years[0]}-{years[-1]}"
    if years[-1] - years[0] + 1 != len(years):
        span = f"{len(years)} years"
    return [
        finding(
            "coverage-universe-beyond",
            membership.files[0],
            first=universe.first,
            last=universe.last,
            system=label,
            dawn=dawn,
            horizon=horizon,
            years=span,
        )
    ]
