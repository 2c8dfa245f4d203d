"""Findings about the declared universe itself: filter entries that select nothing, and
years the membership file does not reach."""

from __future__ import annotations

import re
from pathlib import Path

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
    path = project.root / (settings_file(project) or "cmr.toml")
    where = project.display(path)
    out = []
    for key, entries in (("countries", universe.countries), ("exclude", universe.exclude)):
        line, column = key_position(path, key)
        for entry in entries:
            known = (
                entry in membership.by_code
                if isinstance(entry, int)
                else (entry in placer.by_country)
            )
            if not known:
                out.append(
                    finding(
                        "coverage-filter-unknown",
                        where,
                        line,
                        column,
                        key=key,
                        value=entry,
                        system=placer.label,
                    )
                )
    return out


_TABLE = re.compile(r"\s*\[\s*(tool\s*\.\s*cmr\s*\.\s*)?universe\s*\]\s*(#.*)?")


def key_position(path: Path, key: str) -> tuple[int, int]:
    """Line and column of `key =` in the `[universe]` table of a settings file (1, 1 when
    it is not there: the value came from the command line)."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return 1, 1
    inside = False
    for number, text in enumerate(lines, 1):
        if text.lstrip().startswith("["):
            inside = bool(_TABLE.fullmatch(text))
        elif inside and re.match(rf"\s*{key}\s*=", text):
            return number, len(text) - len(text.lstrip()) + 1
    return 1, 1


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
