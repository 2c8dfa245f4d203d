"""`export()`: check the observations, build the panel, validate it and publish every file.

Nothing is written unless the check passes (or `allow_partial` leaves the failing files out),
the panel's schemas hold and the output folder is missing, empty or a previous export holding
only the files its manifest lists. One export at a time writes to a folder (`_lock`); the new
files replace the old ones in one atomic step (`_publish`). A problem of the machine (a full
disk, a read-only folder, a malformed `SOURCE_DATE_EPOCH`) raises `EnvironmentProblem` and
leaves the previous export as it was.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from pathlib import Path

from cmr.bibliography import load_bibliography
from cmr.catalogue import finding
from cmr.checking import Progress, check
from cmr.codebook import Codebooks
from cmr.errors import EnvironmentProblem, one_line, os_errors_as_problems
from cmr.export import _faults, _partial, _stream
from cmr.export._build import (
    CSV,
    DTA,
    PARQUET,
    Tables,
    build,
    layout_for,
    layout_of,
    validate,
    write,
)
from cmr.export._epoch import source_date_epoch
from cmr.export._lock import locked
from cmr.export._manifest import foreign, stranger_findings
from cmr.export._publish import clean_leftovers, staging
from cmr.export._select import select
from cmr.export._stata import write_dta
from cmr.export.panel import DEFAULT_OUT
from cmr.findings import Finding, Result
from cmr.project import Project
from cmr.rules import BUILTIN, RuleSets, check_collection
from cmr.settings import Settings
from cmr.summary import Summary

__all__ = [
    "CSV",
    "DTA",
    "PARQUET",
    "ExportRun",
    "Tables",
    "build",
    "export",
    "layout_for",
    "validate",
    "write",
    "write_dta",
]


@dataclass
class ExportRun:
    """What an export found and wrote. `files` is empty when nothing was written;
    `excluded` names the observation files a partial panel (`allow_partial`) left out."""

    result: Result
    out: Path
    files: tuple[str, ...] = ()
    country_years: int = 0
    rows: int = 0
    excluded: tuple[str, ...] = ()
    drafts: tuple[str, ...] = ()

    @property
    def written(self) -> bool:
        return bool(self.files)


def export(
    out: str | Path | None = None,
    *,
    project: Project | None = None,
    jobs: int | None = None,
    allow_partial: bool = False,
    progress: Progress | None = None,
    dataset_version: str | None = None,
) -> ExportRun:
    """Check every observation and, when there is no error, write the panel to `out`
    (default: the project's `dist/`), replacing a previous export as a whole.

    `dataset_version` is the version the files carry (default: the project's setting, else
    its git release tag, see `cmr.versioning.dataset_version`). With `allow_partial`,
    observation files with errors are left out instead;
    `progress(done, total)` is called as files are read (`cmr.progress`). Raises
    `cmr.errors.EnvironmentProblem` when the machine stops the export.

    >>> run = export("dist")       # doctest: +SKIP
    >>> run.result.success, run.files[:2]   # doctest: +SKIP
    (True, ('citations.csv', 'codebook.csv'))
    """
    project = project or Project.find()
    if out is not None and not str(out).strip():
        raise EnvironmentProblem("--out is empty; give the output folder, e.g. --out dist")
    target = Path(out) if out is not None else project.root / DEFAULT_OUT
    shown = one_line(project.display(target))
    if target.is_symlink():  # write through the link: replace the folder it points to
        target = target.resolve()
    target = Path(os.path.abspath(target))  # `.` has a name and a parent: the lock goes beside
    _refuse_non_folder(target, shown)
    _refuse_inside_inputs(target, shown, project)
    source_date_epoch()  # a malformed value stops the export before any work
    # before the lock file exists: git would call the dataset changed (`+dirty`) for it
    version = dataset_version or _configured_version(project)
    with os_errors_as_problems(shown):
        _make_parent(target)
        with locked(target, shown):
            _faults.at("locked")
            run = ExportRun(Result(_folder_findings(target, shown)), target)
            if run.result.success:
                _export(project, run, shown, jobs, allow_partial, progress, version)
    return run


def _configured_version(project: Project) -> str:
    """The project's dataset version: its setting, else its release tag or a development
    version from git, else `UNVERSIONED` (`cmr.versioning.dataset_version`)."""
    from cmr.versioning import dataset_version

    return dataset_version(project)


def _refuse_inside_inputs(target: Path, shown: str, project: Project) -> None:
    """The panel is not written among the observations or the codebook it is made from."""
    name = project.input_holding(target)
    if name is not None:
        raise EnvironmentProblem(
            f"--out {shown} is inside the {name} folder; write the panel elsewhere"
        )


def _refuse_non_folder(target: Path, shown: str) -> None:
    """A file, device or FIFO where the output folder should be is a usage problem: nothing,
    not even the lock beside it, is written."""
    if os.path.lexists(target) and not target.is_dir():
        raise EnvironmentProblem(
            f"--out {shown} is a file, not a folder; give a folder to write the panel to"
        )


def _make_parent(target: Path) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:  # a file where the parent folder should be
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR)) from None


def _export(
    project: Project,
    run: ExportRun,
    shown: str,
    jobs: int | None,
    allow_partial: bool,
    progress: Progress | None,
    version: str,
) -> None:
    tables = _panel(project, jobs, shown, run, allow_partial, progress, version)
    if tables is None:
        return
    if _stopped(run, validate(tables, shown)):
        return
    if _stopped(run, _folder_findings(run.out, shown)):  # a file may have appeared meanwhile
        return
    license_ = project.config.get("license") or tables.layout.latest.raw.get("license")
    clean_leftovers(run.out)
    with staging(run.out) as folder:
        run.files = tuple(write(tables, folder, license_, run.excluded))
    run.country_years, run.rows = tables.wide.num_rows, tables.long.num_rows


def _stopped(run: ExportRun, findings: list[Finding]) -> bool:
    """Add `findings` to the run; True when one of them is an error."""
    run.result.extend(findings)
    return any(f.severity == "error" for f in findings)


def _folder_findings(out: Path, shown: str) -> list[Finding]:
    """`export-folder-foreign` at the first thing in `out` that no cmr export wrote (a file
    may appear there after `_refuse_non_folder`); a user's file is named first."""
    return stranger_findings(
        out, shown, "export-folder-foreign", lambda p: sorted(foreign(p), key=_cmr_own)
    )


def _cmr_own(name: str) -> bool:
    """True for the lock or staging name of some other export (`.<name>.cmr-lock`)."""
    return name.endswith(".cmr-lock") or ".cmr-stage-" in name


def _panel(
    project: Project,
    jobs: int | None,
    shown: str,
    run: ExportRun,
    allow_partial: bool,
    progress: Progress | None,
    version: str,
) -> Tables | None:
    """Check, select and build; None when there is an error (that `allow_partial` does not
    set aside). The observations are dropped on return, so that validating and writing do
    not hold them in memory as well."""
    checked = check(project=project, keep="records", jobs=jobs, progress=progress)
    run.result.files = checked.result.files
    # drafts stay out of the panel, so their open items and mistakes do not stop it: the
    # export names them (`export-drafts`) and `cmr check` reports what they hold
    drafts = sorted(s.path for s in checked.summaries if s.draft)
    unfinished = set(drafts)
    findings = [f for f in checked.result.findings if f.file not in unfinished]
    run.result.extend(findings)
    left_out = _partial.left_out(findings, project.observations_dir, allow_partial)
    if left_out is None or checked.books is None:
        return None
    finals = [s for s in checked.summaries if not s.draft]
    everything = [s for s in finals if s.path not in left_out]
    observations = select(everything)
    run.result.extend(_export_checks(finals, checked.books, project))
    _note_drafts(run, drafts)
    if left_out and not observations:
        return None
    _mark_partial(run, left_out, project, shown)
    layout = layout_of({s.codebook for s in everything}, checked.books, version)
    bib = load_bibliography(project.bibliography)
    return _stream.build(checked.records, checked.summaries, observations, everything, layout, bib)


def _export_checks(summaries: list[Summary], books: Codebooks, project: Project) -> list[Finding]:
    """Findings of the checks that concern what the panel takes (`panel-not-adjudicated`)."""
    settings = Settings.from_config(project.config)
    found = check_collection(summaries, books, RuleSets(settings), export=True)
    only = {code for b in BUILTIN if b.export_only for code in b.check.codes}
    return settings.apply(f for f in found if f.code in only)


def _note_drafts(run: ExportRun, drafts: list[str]) -> None:
    """Say how many drafts, and which, the panel leaves out (work in progress is not data)."""
    if drafts:
        shown = ", ".join(drafts)
        run.result.extend([finding("export-drafts", drafts[0], count=len(drafts), files=shown)])
        run.drafts = tuple(drafts)


def _mark_partial(run: ExportRun, files: set[str], project: Project, shown: str) -> None:
    if not files:
        return
    run.excluded = tuple(_partial.relative(files, project.root))
    listed = ", ".join(sorted(files))
    run.result.extend([finding("export-partial", shown, count=len(files), files=listed)])
