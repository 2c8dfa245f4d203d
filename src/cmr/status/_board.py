"""One row per country-year, built from what the check read (its summaries and findings)."""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from cmr.findings import Finding
from cmr.layout import layout
from cmr.project import Project
from cmr.summary import Summary

FINAL, DRAFT, INDEPENDENT, UNREADABLE = "final", "draft", "independent only", "unreadable"


@dataclass(frozen=True)
class Row:
    """A country-year on the board."""

    iso3c: str
    year: int
    status: str
    """final, draft (the panel's file is work in progress), independent only (codings not yet
    adjudicated) or unreadable (no file of it could be read)."""
    coders: tuple[str, ...]
    codebooks: tuple[str, ...]
    unanswered: int
    carried: int
    errors: int
    warnings: int
    independent: int
    agreement: float | None
    """Share of questions on which every independent coding gives the same answer (of those
    all of them answered); None with fewer than two independent codings."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "iso3c": self.iso3c,
            "year": self.year,
            "status": self.status,
            "coders": list(self.coders),
            "codebooks": list(self.codebooks),
            "unanswered": self.unanswered,
            "carried": self.carried,
            "errors": self.errors,
            "warnings": self.warnings,
            "independent_codings": self.independent,
            "agreement": self.agreement,
        }


@dataclass
class Board:
    """The rows, in country and year order, and the codebook versions known."""

    rows: list[Row] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    """Findings that concern no observation file (the codebook, the settings): the board is
    drawn anyway, and the command says how many there are."""

    def by_status(self) -> dict[str, int]:
        """How many country-years have each status, by status name."""
        counts: dict[str, int] = defaultdict(int)
        for row in self.rows:
            counts[row.status] += 1
        return dict(sorted(counts.items()))

    def to_dict(self) -> dict[str, Any]:
        return {
            "country_years": len(self.rows),
            "by_status": self.by_status(),
            "rows": [r.to_dict() for r in self.rows],
            "findings_elsewhere": [f.to_dict() for f in self.findings],
        }


def status_board(
    project: Project | None = None,
    *,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Board:
    """Check the dataset (using the cache) and build its board; `progress(done, total)` is
    called as files are read (`cmr.progress`)."""
    from cmr.checking import check

    project = project or Project.find()
    run = check(project=project, jobs=jobs, progress=progress)
    return build_board(run.summaries, run.result.findings, project)


def build_board(
    summaries: Iterable[Summary], findings: Iterable[Finding], project: Project
) -> Board:
    """The board of `summaries`, with each file's errors and warnings counted from `findings`."""
    files: dict[tuple[str, int], list[Summary]] = defaultdict(list)
    folder = os.fspath(project.observations_dir)  # a property that builds a path: once
    for s in summaries:  # where the file lies, as its findings are placed
        where = layout(os.path.abspath(s.path), folder)
        files[(where.iso3c, where.year) if where else (s.iso3c, s.year)].append(s)
    counted, unplaced, lost = _count(findings, project)
    for key in lost:
        files.setdefault(key, [])
    board = Board(findings=unplaced)
    for (iso3c, year), codings in sorted(files.items()):
        board.rows.append(_row(iso3c, year, codings, counted))
    return board


def _count(
    findings: Iterable[Finding], project: Project
) -> tuple[dict[tuple[str, int], list[int]], list[Finding], set[tuple[str, int]]]:
    """Errors and warnings per file; findings on no observation; country-years whose file
    could not be read (known from their path alone)."""
    counted: dict[tuple[str, int], list[int]] = defaultdict(lambda: [0, 0])
    unplaced: list[Finding] = []
    lost: set[tuple[str, int]] = set()
    folder = os.fspath(project.observations_dir)
    for f in findings:
        where = layout(os.path.abspath(f.file), folder)
        if where is None:
            unplaced.append(f)
            continue
        counted[(where.iso3c, where.year)][0 if f.severity == "error" else 1] += 1
        lost.add((where.iso3c, where.year))
    return counted, unplaced, lost


def _row(
    iso3c: str, year: int, codings: list[Summary], counted: dict[tuple[str, int], list[int]]
) -> Row:
    panel = [s for s in codings if not s.independent]
    independent = [s for s in codings if s.independent]
    main = panel[0] if panel else None
    if main is None:
        status = INDEPENDENT if independent else UNREADABLE
    else:
        status = DRAFT if main.draft else FINAL
    shown = [main] if main else independent
    errors, warnings = counted.get((iso3c, year), (0, 0))
    one = len(codings) == 1  # the common case: no sets to sort
    return Row(
        iso3c,
        year,
        status,
        (codings[0].coder,) if one else tuple(sorted({s.coder for s in codings})),
        (codings[0].codebook,) if one else tuple(sorted({s.codebook for s in codings})),
        max((list(s.answers.values()).count(None) for s in shown), default=0),
        max((s.carried for s in shown), default=0),
        errors,
        warnings,
        len(independent),
        _agreement(independent),
    )


def _agreement(codings: list[Summary]) -> float | None:
    codings = [s for s in codings if not s.draft]  # as `cmr agreement` leaves them out
    if len(codings) < 2:
        return None
    variables = set.intersection(*(set(s.answers) for s in codings))
    answered = [v for v in sorted(variables) if all(s.answers[v] is not None for s in codings)]
    if not answered:
        return None
    same = sum(len({s.answers[v] for s in codings}) == 1 for v in answered)
    return round(same / len(answered), 3)
