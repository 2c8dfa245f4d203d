"""`coverage_report`: the universe's cases, the observations placed in them, the findings."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

from cmr.coverage._declared import declared
from cmr.coverage._observed import INDEPENDENT, UNREADABLE, Observed, read_observed
from cmr.coverage._place import Placer
from cmr.coverage._report import MISSING, Case, CoverageReport, Outside
from cmr.coverage._universe import Universe
from cmr.coverage._universe_notes import beyond_membership, filter_findings
from cmr.coverage._year import change
from cmr.external import SYSTEMS, Spell, read_membership
from cmr.findings import Finding
from cmr.project import Project, shown_relative_to_cwd
from cmr.settings import Settings

Key = tuple[str, int]
"""(country, year): the country's ISO3 code, or `#<number>` for a state without one."""


def coverage_report(
    project: Project | None = None, *, universe: Universe | None = None, **options: Any
) -> CoverageReport:
    """Place every observation of `project` in its declared universe (`[universe]`, with
    `options` over it: `system`, `states`, `first`, `last`, `countries`, `exclude`).
    Raises `SettingsError` (one line) when no usable universe is declared; problems of the
    membership file and the observations are findings of the report.

    >>> report = coverage_report(first=1990, last=1995)      # doctest: +SKIP
    >>> report.totals()["missing"], report.success              # doctest: +SKIP
    (4, True)
    """
    project = project or Project.find()
    universe = universe or declared(project, **options)
    show = shown_relative_to_cwd()
    system = SYSTEMS[universe.system]
    membership = read_membership([Path(p) for p in universe.states], universe.system, show)
    report = CoverageReport(universe, list(membership.files), findings=list(membership.findings))
    placer = Placer(membership, system, universe.code_owners())
    templates = _cases(placer, universe)
    report.findings += filter_findings(project, universe, membership, placer)
    report.findings += beyond_membership(universe, membership, system.label)
    placed: dict[Key, list[Observed]] = defaultdict(list)
    for obs in read_observed(project, show):
        _place(obs, placer, templates, placed, report)
    report.findings = _with_severity(report.findings, project)
    report.cases = [
        _status(case, placed.get((case.country, case.year), []))
        for case in sorted(templates.values(), key=lambda c: (c.country, c.year))
    ]
    return report


def _place(
    obs: Observed,
    placer: Placer,
    templates: dict[Key, Case],
    placed: dict[Key, list[Observed]],
    report: CoverageReport,
) -> None:
    placement = placer.place(obs)
    report.findings += placement.findings
    key = _key(placer, placement.code, obs.year) if placement.code is not None else None
    if key is not None and key in templates:
        placed[key].append(obs)
        return
    reason = placement.reason or (
        "unreadable (run cmr check)"
        if obs.status == UNREADABLE
        else "outside the universe's years or countries"
    )
    wrong = any(f.severity == "error" for f in placement.findings)
    report.outside.append(Outside(obs.file, obs.iso3c, obs.year, reason, wrong))


def _kept(code: int, iso3c: str | None, universe: Universe) -> bool:
    """True when the universe's `countries` and `exclude` keep the state."""
    named = {code, iso3c} - {None}
    if universe.countries and not named & set(universe.countries):
        return False
    return not named & set(universe.exclude)


def _key(placer: Placer, code: int, year: int) -> Key:
    spells = placer.membership.spells_in(code, year)
    iso3c = placer.country(spells[0]) if spells else None
    return (iso3c or f"#{code}", year)


def _cases(placer: Placer, universe: Universe) -> dict[Key, Case]:
    """Every country-year of the universe, not yet covered."""
    found: dict[Key, list[Spell]] = defaultdict(list)
    for spell in placer.membership.spells:
        iso3c = placer.country(spell)
        if _kept(spell.code, iso3c, universe):
            for year in range(
                max(universe.first, spell.start.year), min(universe.last, spell.end.year) + 1
            ):
                found[(iso3c or f"#{spell.code}", year)].append(spell)
    return {key: _case(key, spells, placer) for key, spells in found.items()}


def _case(key: Key, spells: list[Spell], placer: Placer) -> Case:
    last = max(spells, key=lambda s: s.start)
    iso3c = None if key[0].startswith("#") else key[0]
    partial = change(spells, key[1], placer.horizon) is not None
    codes = tuple(sorted({s.code for s in spells}))
    return Case(codes, iso3c, last.name, key[1], MISSING, partial=partial)


def _status(case: Case, observed: list[Observed]) -> Case:
    """The case with the status and files of the observations placed on it."""
    if not observed:
        return case
    panel = [o for o in observed if o.status != INDEPENDENT]
    readable = [o for o in observed if o.status != UNREADABLE]
    status = panel[0].status if panel else (INDEPENDENT if readable else UNREADABLE)
    files = tuple(sorted(o.file for o in observed))
    return Case(case.codes, case.iso3c, case.name, case.year, status, files, case.partial)


def _with_severity(findings: list[Finding], project: Project) -> list[Finding]:
    """`coverage-*` findings at the level the dataset's `[severity]` gives them (`off`:
    dropped); the membership file's findings as they are."""
    settings = Settings.from_config(project.config)
    out = []
    for f in findings:
        level = settings.severity_of(f.code, f.severity) if f.code.startswith(_F) else f.severity
        if level != "off":
            out.append(f if level == f.severity else replace(f, severity=level))
    return out


_F = "coverage-"
