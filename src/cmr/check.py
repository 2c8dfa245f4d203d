"""`cmr check`: read every observation, check it alone, then check the collection.

Files are read in parallel (one process per core) when there are many of them; each worker
sends back its findings and a small summary of each observation, or the whole observation when
the caller keeps them (as `cmr export` does). Checks that span files, such as a country-year
coded twice by one coder, run on the summaries in the parent process.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cmr.bibliography import load_bibliography
from cmr.catalogue import finding
from cmr.codebook import CodebookError, Codebooks
from cmr.findings import Finding, Result
from cmr.observation import Observation, read_observation
from cmr.project import Project

PARALLEL_THRESHOLD = 400
SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Summary:
    """What the checks that span files need to know of one observation."""

    path: str
    iso3c: str
    year: int
    coder: str
    codebook: str
    answers: dict[str, str | None]
    data: dict[str, Any] | None = None


@dataclass
class Run:
    """The outcome of checking a set of files: findings, plus what was read."""

    result: Result
    summaries: list[Summary] = field(default_factory=list)
    books: Codebooks | None = None

    def observations(self) -> list[Observation]:
        """The observations that were kept (`keep=True`), in path order."""
        assert self.books is not None
        out = []
        for s in self.summaries:
            book = self.books.get(s.codebook)
            if s.data is not None and book is not None:
                out.append(Observation(s.path, s.data, book))
        return out


def discover(paths: Iterable[Path]) -> list[Path]:
    """Observation files under `paths` (folders are searched recursively), sorted."""
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            for child in path.rglob("*"):
                if child.suffix in SUFFIXES and child.is_file() and not _hidden(child, path):
                    found.add(child)
        else:
            found.add(path)
    return sorted(found)


def _hidden(path: Path, base: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(base).parts)


# Worker state, set once per process by _init.
_STATE: dict[str, Any] = {}


def _init(codebook_dir: str, keys: frozenset[str] | None, bib: str, today: dt.date,
          keep: bool) -> None:
    _STATE.update(books=Codebooks(codebook_dir), keys=keys, bib=bib, today=today, keep=keep)


def _check_batch(batch: Sequence[tuple[str, str]]) -> list[tuple[list[Finding], Summary | None]]:
    return [_check_one(Path(path), display) for path, display in batch]


def _check_one(path: Path, display: str) -> tuple[list[Finding], Summary | None]:
    obs, findings = read_observation(
        path, _STATE["books"], display=display, citation_keys=_STATE["keys"],
        bibliography=_STATE["bib"], today=_STATE["today"],
    )
    if obs is None:
        return findings, None
    answers = {v: obs.answer(v) for v in obs.codebook.variables}
    summary = Summary(display, obs.iso3c, obs.year, obs.coder, obs.codebook.version, answers,
                      obs.data if _STATE["keep"] else None)
    return findings, summary


def check(
    paths: Sequence[str | Path] | None = None,
    *,
    project: Project | None = None,
    jobs: int | None = None,
    keep: bool = False,
    today: dt.date | None = None,
) -> Run:
    """Check observation files (default: all of the project's) and the collection they form.

    >>> run = check()                 # doctest: +SKIP
    >>> run.result.success            # doctest: +SKIP
    True
    """
    project = project or Project.find()
    roots = [Path(p) for p in paths] if paths else [project.observations_dir]
    result = Result()
    books = Codebooks(project.codebook_dir)
    try:
        books.latest  # noqa: B018 - fail early, with findings, on a broken codebook dir
    except CodebookError as exc:
        result.extend(exc.findings)
        return Run(result, books=books)
    for root in roots:
        if not root.exists():
            result.extend([finding("file-unreadable", str(root), reason="no such file or folder")])
    files = discover(r for r in roots if r.exists())
    result.files = len(files)
    if not files:
        where = ", ".join(str(r) for r in roots)
        result.extend([finding("no-observations", where, where=where)])
        return Run(result, books=books)
    bib = load_bibliography(project.bibliography)
    bib_shown = project.display(project.bibliography)
    result.extend(bib.findings)
    if not bib.exists:
        result.extend([finding("bibliography-missing", bib_shown, bibliography=bib_shown)])
    keys = bib.keys if bib.exists else None
    init = (str(project.codebook_dir), keys, bib_shown, today or dt.date.today(), keep)
    items = [(str(p), project.display(p)) for p in files]
    outcomes = _run(items, init, jobs)
    summaries = []
    for findings, summary in outcomes:
        result.extend(findings)
        if summary is not None:
            summaries.append(summary)
    result.extend(duplicates(summaries))
    return Run(result, summaries, books)


def _run(items: list[tuple[str, str]], init: tuple[Any, ...],
         jobs: int | None) -> list[tuple[list[Finding], Summary | None]]:
    workers = jobs or os.cpu_count() or 1
    if workers <= 1 or len(items) < PARALLEL_THRESHOLD:
        _init(*init)
        return _check_batch(items)
    size = max(16, len(items) // (workers * 8))
    batches = [items[i : i + size] for i in range(0, len(items), size)]
    with ProcessPoolExecutor(workers, initializer=_init, initargs=init) as pool:
        return [outcome for batch in pool.map(_check_batch, batches) for outcome in batch]


def duplicates(summaries: Iterable[Summary]) -> list[Finding]:
    """A country-year coded twice by the same coder: one finding on each later file."""
    first: dict[tuple[str, int, str], str] = {}
    out = []
    for s in summaries:
        key = (s.iso3c, s.year, s.coder)
        if key in first:
            out.append(finding("duplicate-observation", s.path, iso3c=s.iso3c, year=s.year,
                               coder=s.coder, other=first[key], related=(first[key],)))
        else:
            first[key] = s.path
    return out
