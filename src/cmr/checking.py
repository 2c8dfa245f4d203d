"""`check()`: run every registered check (`cmr.registry`) over the files it concerns.

The engine runs the checks scope by scope:

1. `codebook`: every version loads and released versions are unchanged (`cmr.releases`);
2. `dataset`: the bibliography, the settings, the observation folder (`cmr.discovery`);
3. `file`: each observation on its own, in worker processes when there are many files
   (`cmr.observation`, and the codebook's file rules from `cmr.rules`); each worker sends back
   the file's findings and a small `Summary`;
4. `country-year` and `country`: on the summaries (duplicates, reconciled codings, the panel's
   choice, the codebook's series rules).

Checking named files (`cmr check observations/AZE/1993.yaml`) runs the same checks: the files'
country folders are read as context, so that a file is clean alone only if it is clean in the
dataset. Findings on context files are reported only when they concern a named file.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, TypeVar

from cmr import _cache, rules
from cmr.bibliography import Bibliography
from cmr.catalogue import finding
from cmr.codebook import Codebooks
from cmr.discovery import context_of, discover
from cmr.findings import Finding, Result
from cmr.layout import SUFFIXES, is_independent
from cmr.observation import Observation, read_observation
from cmr.project import Project, shown_relative_to_cwd
from cmr.refs import cited_entry_findings, cited_keys
from cmr.registry import CHECKS, Check, register
from cmr.releases import codebook_findings
from cmr.settings import Settings, SettingsError
from cmr.summary import Summary
from cmr.versions import changelog_findings

__all__ = ["SUFFIXES", "CheckContext", "Request", "Run", "check", "known_codes"]

PARALLEL_THRESHOLD = 400
PROGRESS_STEP = 64  # files checked between progress reports when checking here
Progress = Callable[[int, int], None]  # progress(done, total), see cmr.progress
Item = tuple[str, str]
SMALL_RUN = 200  # named files (with their context) checked without the result cache
Blob = tuple[bytes, bytes, bytes]

register(
    "bibliography",
    "dataset",
    ("bibliography-missing", "bibliography-invalid", "bibliography-empty"),
    "The bibliography every citation points into exists and parses as BibTeX.",
)
register(
    "settings",
    "dataset",
    ("settings-unknown-code",),
    "Every code or prefix the dataset's settings name is one a check can report.",
)
register(
    "cache",
    "dataset",
    ("cache-unusable", "cache-discarded"),
    "The result cache (.cmr_cache/) is a real folder inside the repository, written by this "
    "version of cmr; otherwise it is left alone or discarded, and every file is read.",
)
register(
    "codebook-version",
    "file",
    ("codebook-unknown-version", "codebook-unusable"),
    "The codebook version an observation names exists in the codebook folder and loads; an "
    "observation under a version that cannot be loaded is not checked further.",
    fixed=True,
)


@dataclass(frozen=True)
class CheckContext:
    """What every worker needs to check a file; fixed for one run and sent to each worker once.

    `citation_keys` is None when there is no bibliography to check citations against.
    """

    codebook_dir: str
    root: str
    observations: str
    citation_keys: frozenset[str] | None
    bibliography: str
    today: dt.date
    keep: bool
    settings: Settings

    def salt(self) -> str:
        """What a cached file result depends on besides the file (see `cmr._cache`)."""
        keys = sorted(self.citation_keys) if self.citation_keys is not None else None
        return _cache.salt(
            Path(self.codebook_dir),
            self.codebook_dir,
            keys,
            self.bibliography,
            self.today,
            self.keep,
            self.settings,
        )


@dataclass
class Run:
    """The outcome of checking a set of files: findings, plus what was read."""

    result: Result
    summaries: list[Summary] = field(default_factory=list)
    books: Codebooks | None = None
    records: list[Blob] = field(default_factory=list)
    """With `keep="records"`: every summary's observation as Arrow records (`cmr.records`),
    in the order of the summaries, a batch at a time."""

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


def check(
    paths: Sequence[str | Path] | None = None,
    *,
    project: Project | None = None,
    jobs: int | None = None,
    keep: bool | Literal["records"] = False,
    today: dt.date | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    cache: bool = True,
    progress: Progress | None = None,
) -> Run:
    """Check observation files (default: all of the project's) in the dataset they belong to.

    Named files are checked with every rule whose scope touches them: their country's other
    years and their country-year's other codings are read as context. `select` and `ignore`
    take finding codes or prefixes, on top of the project's settings; a selector that matches
    no code raises `SettingsError`. With `cache`, files unchanged since the last run are not
    read again (see `cmr._cache`); `keep=True` reads every file and keeps its data, and
    `keep="records"` keeps it as compact Arrow records instead (`Run.records`, for the
    export). `progress(done, total)` is called as the files to read are read (see
    `cmr.progress`).

    >>> run = check()                 # doctest: +SKIP
    >>> run.result.success            # doctest: +SKIP
    True
    """
    project = project or Project.find()
    configured = Settings.from_config(project.config)
    settings = configured.with_options(select, ignore)
    books = Codebooks(project.codebook_dir)
    result = Result()
    result.extend(codebook_findings(books))
    result.extend(changelog_findings(books))
    if not books.versions:
        result.extend(_no_codebook(books))
        return Run(result, books=books)
    _check_selectors(settings, configured, known_codes(books), project, result)
    request = Request(
        [os.fspath(p) for p in paths] if paths else None,
        jobs,
        keep,
        today,
        _cache.enabled(cache and not keep),
        progress,
    )
    run = _check_files(request, project, books, settings, result)
    result.findings = settings.apply(result.findings)
    return run


def _no_codebook(books: Codebooks) -> list[Finding]:
    where = str(books.directory)
    return [
        finding(
            "codebook-invalid",
            where,
            problem="no codebook versions (<version>.yaml) in this folder",
        )
    ]


def known_codes(books: Codebooks) -> set[str]:
    """Every code a check can report: the registered checks' and every codebook's rules'."""
    codes = {code for c in CHECKS.values() for code in c.codes}
    for version in books.versions:
        book = _loaded(books, version)
        codes.update(rules.codebook_codes(book.rules if book else []))
    return codes


def _loaded(books: Codebooks, version: str) -> Any:
    """`books.get(version)`, or None for a version that cannot be loaded (reported once by
    the codebook scope)."""
    from cmr.codebook import CodebookError

    try:
        return books.get(version)
    except CodebookError:
        return None


def _check_selectors(
    settings: Settings, configured: Settings, known: set[str], project: Project, result: Result
) -> None:
    from_options = set(settings.unknown(known)) - set(configured.unknown(known))
    selecting_nothing = set(configured.unknown(known)) & set(configured.select)
    if selecting_nothing:  # a typo in `select` would hide every finding: never silently
        where = _settings_file(project)
        raise SettingsError(
            f"{where}: select names no finding code: {', '.join(sorted(selecting_nothing))}; "
            "see `cmr codes`"
        )
    if from_options:
        raise SettingsError(
            f"unknown finding code(s): {', '.join(sorted(from_options))}; see `cmr codes`"
        )
    where = _settings_file(project)
    result.extend(
        finding("settings-unknown-code", where, where=where, selector=s)
        for s in configured.unknown(known)
    )


def _settings_file(project: Project) -> str:
    names = ("cmr.toml", "pyproject.toml")
    found = (os.path.relpath(project.root / n) for n in names if (project.root / n).is_file())
    return next(found, "settings")


@dataclass(frozen=True)
class Request:
    """What one call of `check` asks for: the named paths (None: the whole dataset), worker
    processes, whether to keep the data (or Arrow records, for the export), the date, the
    result cache."""

    named: list[str] | None
    jobs: int | None
    keep: bool | Literal["records"]
    today: dt.date | None
    use_cache: bool
    progress: Progress | None = None


def _check_files(
    request: Request, project: Project, books: Codebooks, settings: Settings, result: Result
) -> Run:
    named, jobs, keep, use_cache = request.named, request.jobs, request.keep, request.use_cache
    roots = [Path(p) for p in named] if named else [project.observations_dir]
    missing = _missing(named or [project.display(project.observations_dir)])
    result.extend(missing)
    show = shown_relative_to_cwd()
    found = discover((r for r in roots if r.exists() or r.is_symlink()), show)
    result.extend(found.findings)
    files = found.files
    result.files = len(files)
    if not files:
        if not missing:
            where = ", ".join(show(r) for r in roots)
            result.extend([finding("no-observations", where, where=where)])
        return Run(result, books=books)
    context = _context(files) if named else []
    ctx, bib = _context_for_run(project, settings, request.today, keep is True, result, use_cache)
    result.extend(rules.source_findings(books, ctx.citation_keys, ctx.bibliography))
    _STATE["parent_books"] = books
    items = [(p, show(p)) for p in [*files, *context]]
    blobs: list[Blob] = []
    # a few named files are read faster than a large dataset's cache is loaded
    if use_cache and not (named and len(items) < SMALL_RUN):
        outcomes = _run_cached(
            items, ctx, jobs, project.root, result, whole=not named, progress=request.progress
        )
    elif keep == "records":
        outcomes, blobs = _run_records(items, ctx, jobs, request.progress)
    else:
        outcomes = _run(items, ctx, jobs, request.progress)
    summaries = [s for _, s in outcomes if s is not None]
    file_findings = [f for found_, _ in outcomes for f in found_]
    rulesets = rules.RuleSets(settings)  # compiled once, for the cross-file checks and the report
    cross = rules.check_collection(summaries, books, rulesets)
    shown_context = {display for _, display in items[len(files) :]}
    result.extend(_concerning([*file_findings, *cross], shown_context))
    result.context = sorted(shown_context)
    result.checks = [c.to_dict() for c in _checks_run(summaries, books, rulesets)]
    kept = [s for s in summaries if s.path not in shown_context]
    cited = {key for s in kept for key in s.cited}
    result.extend(cited_entry_findings(bib, ctx.bibliography, cited))
    return Run(result, kept, books, blobs)


def _missing(paths: list[str]) -> list[Finding]:
    """One finding for each named path that is not there (or is a file named as a folder)."""
    out = []
    for raw in paths:
        path = Path(raw)
        if not path.exists() and not path.is_symlink():
            out.append(finding("file-unreadable", raw, reason="no such file or folder"))
        elif raw.endswith(("/", os.sep)) and not path.is_dir():
            out.append(finding("file-unreadable", raw, reason="not a folder"))
    return out


def _context(files: list[str]) -> list[str]:
    """Files in the named files' country folders that were not named themselves."""
    named = {os.path.abspath(p) for p in files}
    around = discover(context_of(files), str).files
    return [p for p in around if os.path.abspath(p) not in named]


def _concerning(findings: Iterable[Finding], context: set[str]) -> list[Finding]:
    """Findings on named files, and findings on context files that name a named file."""
    return [
        f for f in findings if f.file not in context or any(r not in context for r in f.related)
    ]


def _checks_run(
    summaries: Sequence[Summary], books: Codebooks, rulesets: rules.RuleSets
) -> list[Check]:
    """The registered checks and codebook rules that ran, for the JSON report."""
    wanted = rulesets.settings.wanted
    ran = [c for c in CHECKS.values() if any(wanted(code) for code in c.codes)]
    for version in sorted({s.codebook for s in summaries}):
        book = _loaded(books, version)
        for rule in rulesets.of(book).all if book is not None else ():
            ran.append(Check(f"{rule.code} ({version})", rule.scope, (rule.code,), rule.title))
    return ran


def _context_for_run(
    project: Project,
    settings: Settings,
    today: dt.date | None,
    keep: bool,
    result: Result,
    use_cache: bool,
) -> tuple[CheckContext, Bibliography]:
    bib = _cache.bibliography(project.root, project.bibliography, use_cache)
    bib_shown = project.display(project.bibliography)
    result.extend(
        replace(f, file=bib_shown) if f.file == str(project.bibliography) else f
        for f in bib.findings
    )
    gone = not project.bibliography.exists() and not project.bibliography.is_symlink()
    if not bib.exists and gone:  # a bibliography that is there but unusable has its finding
        result.extend([finding("bibliography-missing", bib_shown, bibliography=bib_shown)])
    ctx = CheckContext(
        codebook_dir=str(project.codebook_dir),
        root=str(project.root),
        observations=str(project.observations_dir),
        citation_keys=bib.keys if bib.exists else None,
        bibliography=bib_shown,
        today=today or dt.date.today(),
        keep=keep,
        settings=settings,
    )
    return ctx, bib


Outcome = tuple[list[Finding], Summary | None]
Batch = tuple[list[Outcome], Blob]

# Worker state, set once per process by _init.
_STATE: dict[str, Any] = {}


def _init(ctx: CheckContext, worker: bool = False) -> None:
    if worker:  # Ctrl-C is the parent's to handle: it stops the pool, workers print nothing
        import signal

        signal.signal(signal.SIGINT, signal.SIG_IGN)
    # the codebooks the parent loaded (a forked worker inherits them) are not loaded again
    books = _STATE.get("parent_books")
    if not isinstance(books, Codebooks) or str(books.directory) != ctx.codebook_dir:
        books = Codebooks(ctx.codebook_dir)
    _STATE.update(ctx=ctx, books=books, rules=rules.RuleSets(ctx.settings))


def _check_batch(batch: Sequence[tuple[str, str]]) -> list[Outcome]:
    return [_check_one(Path(path), display) for path, display in batch]


def _check_batch_records(batch: Sequence[tuple[str, str]]) -> Batch:
    """`_check_batch`, plus the checked observations as Arrow records (`cmr.records`)."""
    from cmr.records import Builder  # pyarrow: only on the export path

    builder = Builder()
    outcomes: list[Outcome] = []
    for path, display in batch:
        obs, findings = _checked(Path(path), display)
        summary = None if obs is None else _summarise(obs, display, Path(path), False)
        if obs is not None:
            builder.add(obs, display)
        outcomes.append((findings, summary))
    return outcomes, builder.to_ipc()


def _check_one(path: Path, display: str) -> Outcome:
    obs, findings = _checked(path, display)
    if obs is None:
        return findings, None
    return findings, _summarise(obs, display, path, _STATE["ctx"].keep)


def _checked(path: Path, display: str) -> tuple[Observation | None, list[Finding]]:
    """The file read and checked on its own: the observation (None when unreadable) and
    its findings."""
    ctx: CheckContext = _STATE["ctx"]
    obs, findings = read_observation(
        path,
        _STATE["books"],
        display=display,
        citation_keys=ctx.citation_keys,
        bibliography=ctx.bibliography,
        today=ctx.today,
        root=Path(ctx.root),
        observations=Path(ctx.observations),
    )
    if obs is not None:
        findings += rules.check_observation(obs, path, _STATE["rules"].of(obs.codebook))
    return obs, findings


def _summarise(obs: Observation, display: str, path: Path, keep: bool) -> Summary:
    answers: dict[str, str | None] = {}
    change_notes = []
    carried = 0
    for variable in obs.codebook.variables:  # one pass: this runs for every file
        entry = obs.answers.get(variable)
        if isinstance(entry, dict):
            answer = entry.get("answer")
            answers[variable] = answer if isinstance(answer, str) and answer else None
            if _filled(entry.get("change_note")):
                change_notes.append(variable)
            if "carried_from" in entry or "needs_review" in entry:
                carried += 1
        else:
            answers[variable] = None
    reconciles = obs.data.get("reconciles")
    return Summary(
        display,
        obs.iso3c,
        obs.year,
        obs.coder,
        obs.codebook.version,
        answers,
        obs.data if keep else None,
        independent=is_independent(os.path.abspath(path)),
        reconciles=tuple(c for c in reconciles if isinstance(c, str))
        if isinstance(reconciles, list)
        else (),
        change_notes=frozenset(change_notes),
        cited=cited_keys(obs.data),
        draft=obs.data.get("status") == "draft",
        carried=carried,
        **rules.dated_events(obs),
    )


def _filled(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _run_cached(
    items: list[tuple[str, str]],
    ctx: CheckContext,
    jobs: int | None,
    root: Path,
    result: Result,
    *,
    whole: bool = True,
    progress: Progress | None = None,
) -> list[Outcome]:
    """`_run` on the files that changed since the last run; the rest from the cache."""
    store = _cache.CheckCache(root, ctx.salt())
    cached = [store.get(path, display) for path, display in items]
    todo = [item for item, hit in zip(items, cached, strict=True) if hit is None]
    fresh = iter(_run(todo, ctx, jobs, progress) if todo else [])
    outcomes = []
    for (path, display), hit in zip(items, cached, strict=True):
        if hit is None:
            hit = next(fresh)
            store.put(path, display, hit)
        outcomes.append(hit)
    # a one-file check keeps the other files' entries: the next full check still finds them
    here = {path for path, _ in items}
    store.save(here if whole else here | set(store.entries))  # a whole check prunes
    result.extend(store.findings)  # a cache that was unusable or discarded
    return outcomes


def _run(
    items: list[tuple[str, str]],
    ctx: CheckContext,
    jobs: int | None,
    progress: Progress | None = None,
) -> list[Outcome]:
    """Check `items` here, or in one worker process per core when there are many."""
    done = _batches(items, ctx, jobs, _check_batch, progress)
    return [outcome for batch in done for outcome in batch]


def _run_records(
    items: list[tuple[str, str]],
    ctx: CheckContext,
    jobs: int | None,
    progress: Progress | None = None,
) -> tuple[list[Outcome], list[Blob]]:
    """`_run`, plus each batch's records."""
    done = _batches(items, ctx, jobs, _check_batch_records, progress)
    return [o for outcomes, _ in done for o in outcomes], [blob for _, blob in done]


T = TypeVar("T")


def _batches(
    items: list[tuple[str, str]],
    ctx: CheckContext,
    jobs: int | None,
    work: Callable[[Sequence[tuple[str, str]]], T],
    progress: Progress | None = None,
) -> list[T]:
    """`work` on batches of `items`, here or in one worker process per core when there are
    many, in the order of `items`; `progress(done, total)` after each batch."""
    workers = jobs or os.cpu_count() or 1
    if workers <= 1 or len(items) < PARALLEL_THRESHOLD:
        _init(ctx)
        if progress is None:
            return [work(items)]
        batches = [items[i : i + PROGRESS_STEP] for i in range(0, len(items), PROGRESS_STEP)]
        return _reported(batches, map(work, batches), progress)
    import multiprocessing  # only when there is work to share

    size = max(16, len(items) // (workers * 8))
    batches = [items[i : i + size] for i in range(0, len(items), size)]
    # the with-block terminates the workers on any way out, Ctrl-C included: no orphans
    with multiprocessing.get_context("fork").Pool(workers, _init, (ctx, True)) as pool:
        if progress is None:
            return pool.map(work, batches, chunksize=1)
        return _reported(batches, pool.imap(work, batches, chunksize=1), progress)


def _reported(batches: list[list[Item]], done: Iterable[T], progress: Progress) -> list[T]:
    """The results of `batches` in order, calling `progress` as each one arrives."""
    total, count, out = sum(len(b) for b in batches), 0, []
    for batch, result in zip(batches, done, strict=True):
        out.append(result)
        count += len(batch)
        progress(count, total)
    return out
