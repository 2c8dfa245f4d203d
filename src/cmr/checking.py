"""`cmr check`: read every observation, check it alone, then check the collection.

Files are read in parallel (one process per core) when there are many of them; each worker
sends back its findings and a small summary of each observation, or the whole observation when
the caller keeps them (as `cmr export` does). The codebook's observation-scope rules run in the
worker (`cmr.rules`). Checks that span files, such as a country-year coded twice by one coder,
a country's time series or the codings an adjudicated file reconciles, run on the summaries in
the parent process. The dataset's settings (`cmr.settings`) then drop or re-grade findings.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from cmr import _cache, rules
from cmr.catalogue import KINDS, finding
from cmr.codebook import CodebookError, Codebooks
from cmr.findings import Finding, Result
from cmr.layout import is_independent
from cmr.observation import Observation, read_observation
from cmr.project import Project, shown_relative_to_cwd
from cmr.settings import Settings, SettingsError
from cmr.summary import Summary

PARALLEL_THRESHOLD = 400
SUFFIXES = (".yaml", ".yml")


@dataclass
class Run:
    """The outcome of checking a set of files: findings, plus what was read."""

    result: Result
    summaries: list[Summary] = field(default_factory=list)
    books: Codebooks | None = None

    def observations(
        self, which: Literal["all", "adjudicated", "independent"] = "all"
    ) -> list[Observation]:
        """The observations that were kept (`keep=True`), in path order.

        `which="adjudicated"` keeps the files that code a country-year for the panel
        (`<ISO3>/<year>.yaml`); `which="independent"` the independent codings
        (`<ISO3>/<year>/<coder>.yaml`) from which inter-coder agreement is computed.
        """
        assert self.books is not None
        out = []
        for s in self.summaries:
            if which != "all" and s.independent != (which == "independent"):
                continue
            book = self.books.get(s.codebook)
            if s.data is not None and book is not None:
                out.append(Observation(s.path, s.data, book))
        return out


def discover(paths: Iterable[Path]) -> list[Path]:
    """Observation files under `paths` (folders are searched recursively), sorted.

    Hidden folders and files (a leading dot) are skipped.
    """
    found: set[str] = set()
    for path in paths:
        if not path.is_dir():
            found.add(str(path))
            continue
        for folder, dirs, names in os.walk(path):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            found.update(
                os.path.join(folder, n)
                for n in names
                if n.endswith(SUFFIXES) and not n.startswith(".")
            )
    return [Path(p) for p in sorted(found, key=lambda p: p.split(os.sep))]


# Worker state, set once per process by _init.
_STATE: dict[str, Any] = {}


def _init(
    codebook_dir: str,
    keys: frozenset[str] | None,
    bib: str,
    today: dt.date,
    keep: bool,
    settings: Settings | None = None,
) -> None:
    _STATE.update(
        books=Codebooks(codebook_dir),
        keys=keys,
        bib=bib,
        today=today,
        keep=keep,
        rules=rules.RuleSets(settings or Settings()),
    )


def _check_batch(batch: Sequence[tuple[str, str]]) -> list[tuple[list[Finding], Summary | None]]:
    return [_check_one(Path(path), display) for path, display in batch]


def _check_one(path: Path, display: str) -> tuple[list[Finding], Summary | None]:
    obs, findings = read_observation(
        path,
        _STATE["books"],
        display=display,
        citation_keys=_STATE["keys"],
        bibliography=_STATE["bib"],
        today=_STATE["today"],
    )
    if obs is None:
        return findings, None
    findings += rules.check_observation(obs, path, _STATE["rules"].of(obs.codebook))
    given = obs.answers
    answers: dict[str, str | None] = {}
    change_notes = []
    for variable in obs.codebook.variables:  # one pass: this runs for every file
        entry = given.get(variable)
        if isinstance(entry, dict):
            answer = entry.get("answer")
            answers[variable] = answer if isinstance(answer, str) else None
            if _filled(entry.get("change_note")):
                change_notes.append(variable)
        else:
            answers[variable] = None
    reconciles = obs.data.get("reconciles")
    summary = Summary(
        display,
        obs.iso3c,
        obs.year,
        obs.coder,
        obs.codebook.version,
        answers,
        obs.data if _STATE["keep"] else None,
        independent=is_independent(os.path.abspath(path)),
        reconciles=tuple(c for c in reconciles if isinstance(c, str))
        if isinstance(reconciles, list)
        else (),
        change_notes=frozenset(change_notes),
    )
    return findings, summary


def _filled(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def check(
    paths: Sequence[str | Path] | None = None,
    *,
    project: Project | None = None,
    jobs: int | None = None,
    keep: bool = False,
    today: dt.date | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    cache: bool = True,
) -> Run:
    """Check observation files (default: all of the project's) and the collection they form.

    `select` and `ignore` take finding codes or prefixes (`citation`), on top of the project's
    settings; a selector that matches no code raises `SettingsError`, as a bad settings file
    does. With `cache`, files unchanged since the last run are not read again (see
    `cmr._cache`); `keep=True` always reads every file.

    >>> run = check()                 # doctest: +SKIP
    >>> run.result.success            # doctest: +SKIP
    True
    """
    project = project or Project.find()
    configured = Settings.from_config(project.config)
    settings = configured.with_options(select, ignore)
    roots = [Path(p) for p in paths] if paths else [project.observations_dir]
    result = Result()
    books = Codebooks(project.codebook_dir)
    try:
        books.latest  # noqa: B018 - fail early, with findings, on a broken codebook dir
        known = known_codes(books, result)
    except CodebookError as exc:
        result.extend(exc.findings)
        return Run(result, books=books)
    _check_selectors(settings, configured, known, project, result)
    run = _check_files(
        roots,
        project,
        books,
        settings,
        jobs,
        keep,
        today,
        result,
        _cache.enabled(cache and not keep),
    )
    result.findings = settings.apply(result.findings)
    return run


def known_codes(books: Codebooks, result: Result | None = None) -> set[str]:
    """Every code a check can report: the catalogue's and those of every codebook's rules.

    A codebook version that cannot be loaded adds its findings to `result`.
    """
    codes = set(KINDS)
    for version in books.versions:
        try:
            book = books.get(version)
        except CodebookError as exc:
            if result is not None:
                result.extend(exc.findings)
            continue
        codes.update(rules.codebook_codes(book.rules if book else []))
    return codes


def _check_selectors(
    settings: Settings, configured: Settings, known: set[str], project: Project, result: Result
) -> None:
    from_options = set(settings.unknown(known)) - set(configured.unknown(known))
    if from_options:
        raise SettingsError(
            f"unknown finding code(s): {', '.join(sorted(from_options))}; see `cmr codes`"
        )
    where = next(
        (
            os.path.relpath(project.root / n)
            for n in ("cmr.toml", "pyproject.toml")
            if (project.root / n).is_file()
        ),
        "settings",
    )
    result.extend(
        finding("settings-unknown-code", where, where=where, selector=s)
        for s in configured.unknown(known)
    )


def _check_files(
    roots: list[Path],
    project: Project,
    books: Codebooks,
    settings: Settings,
    jobs: int | None,
    keep: bool,
    today: dt.date | None,
    result: Result,
    use_cache: bool = False,
) -> Run:
    for root in roots:
        if not root.exists():
            result.extend([finding("file-unreadable", str(root), reason="no such file or folder")])
    files = discover(r for r in roots if r.exists())
    result.files = len(files)
    if not files:
        where = ", ".join(str(r) for r in roots)
        result.extend([finding("no-observations", where, where=where)])
        return Run(result, books=books)
    bib = _cache.bibliography(project.root, project.bibliography, use_cache)
    bib_shown = project.display(project.bibliography)
    result.extend(bib.findings)
    if not bib.exists:
        result.extend([finding("bibliography-missing", bib_shown, bibliography=bib_shown)])
    keys = bib.keys if bib.exists else None
    init = (str(project.codebook_dir), keys, bib_shown, today or dt.date.today(), keep, settings)
    show = shown_relative_to_cwd()
    items = [(str(p), show(p)) for p in files]
    outcomes = _run_cached(items, init, jobs, project) if use_cache else _run(items, init, jobs)
    summaries = []
    for findings, summary in outcomes:
        result.extend(findings)
        if summary is not None:
            summaries.append(summary)
    result.extend(duplicates(summaries))
    result.extend(rules.check_collection(summaries, books, rules.RuleSets(settings)))
    return Run(result, summaries, books)


def _run_cached(
    items: list[tuple[str, str]], init: tuple[Any, ...], jobs: int | None, project: Project
) -> list[tuple[list[Finding], Summary | None]]:
    """`_run` on the files that changed since the last run; the rest from the cache."""
    codebook_dir, keys, *rest = init
    store = _cache.CheckCache(
        project.root,
        _cache.salt(
            Path(codebook_dir), codebook_dir, sorted(keys) if keys is not None else None, *rest
        ),
    )
    cached = [store.get(path, display) for path, display in items]
    todo = [item for item, hit in zip(items, cached, strict=True) if hit is None]
    fresh = iter(_run(todo, init, jobs) if todo else [])
    outcomes = []
    for (path, display), hit in zip(items, cached, strict=True):
        if hit is None:
            hit = next(fresh)
            store.put(path, display, hit)
        outcomes.append(hit)
    store.save({path for path, _ in items})
    return outcomes


def _run(
    items: list[tuple[str, str]], init: tuple[Any, ...], jobs: int | None
) -> list[tuple[list[Finding], Summary | None]]:
    workers = jobs or os.cpu_count() or 1
    if workers <= 1 or len(items) < PARALLEL_THRESHOLD:
        _init(*init)
        return _check_batch(items)
    from concurrent.futures import ProcessPoolExecutor  # only when there is work to share

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
            out.append(
                finding(
                    "duplicate-observation",
                    s.path,
                    iso3c=s.iso3c,
                    year=s.year,
                    coder=s.coder,
                    other=first[key],
                    related=(first[key],),
                )
            )
        else:
            first[key] = s.path
    return out
