"""`export()`: check the observations, build the panel, validate it and write every file.

Nothing is written unless the check passes, the panel's schemas hold and the output folder is
either new, empty or a previous export.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cmr.bibliography import Bibliography, load_bibliography
from cmr.catalogue import finding
from cmr.checking import check
from cmr.codebook import Codebook, Codebooks
from cmr.export import _datapackage, _schemas
from cmr.export._collect import Collected, collect
from cmr.export._companions import citations_table, codebook_table, sources_table
from cmr.export._select import select
from cmr.export._spec import UNVERSIONED, PanelSpec
from cmr.export._stata import write_dta
from cmr.export._tables import codings_table, long_table, wide_answers, wide_table
from cmr.export._write import is_empty, staging, write_csv, write_parquet
from cmr.export.panel import DEFAULT_OUT, parquet_name, to_frame
from cmr.findings import Finding, Result
from cmr.layout import is_independent
from cmr.observation import Observation
from cmr.project import Project

PARQUET = ("panel_long", "panel_wide", "codings")
CSV = ("panel_long", "panel_wide", "codebook", "sources", "citations", "codings")
DTA = "panel_wide.dta"


@dataclass
class Tables:
    """The panel and its companion tables, as Arrow tables."""

    layout: PanelSpec
    long: Any
    wide: Any
    codebook: Any
    sources: Any
    citations: Any
    codings: Any
    answers: dict[str, Any] = field(repr=False)

    def table(self, name: str) -> Any:
        return getattr(self, name.removeprefix("panel_"))


@dataclass
class ExportRun:
    """What an export found and wrote. `files` is empty when nothing was written."""

    result: Result
    out: Path
    files: tuple[str, ...] = ()
    country_years: int = 0
    rows: int = 0


def layout_for(
    observations: list[Observation], books: Codebooks, dataset_version: str = UNVERSIONED
) -> PanelSpec:
    """The layout of the codebook versions the observations use, plus the latest version."""
    used = {o.codebook.version for o in observations} | {books.latest.version}
    chosen: list[Codebook] = []
    for version in books.versions:
        book = books.get(version) if version in used else None
        if book is not None:
            chosen.append(book)
    return PanelSpec(tuple(chosen), dataset_version)


def build(
    observations: list[Observation],
    layout: PanelSpec,
    bib: Bibliography,
    codings: list[Observation] | None = None,
) -> Tables:
    """Every table of the export, for observations already selected and sorted.

    `codings` are every observation, adjudicated and independent, for the codings table
    (default: the panel's observations).
    """
    columns = collect(observations, layout)
    long = long_table(columns, layout)
    citations = citations_table(columns, long)
    return Tables(
        layout=layout,
        long=long,
        wide=wide_table(columns, layout),
        codebook=codebook_table(layout),
        sources=sources_table(columns, bib),
        citations=citations,
        codings=_codings(observations, columns, codings, layout),
        answers=wide_answers(columns, layout),
    )


def _codings(
    panel: list[Observation],
    columns: Collected,
    codings: list[Observation] | None,
    layout: PanelSpec,
) -> Any:
    """The codings table; without independent codings its rows are the panel's, so the
    panel's collected columns serve again instead of a second pass over the observations."""
    if codings is None or len(codings) == len(panel):
        ordered = panel
    else:
        ordered = sorted(codings, key=lambda o: (o.iso3c, o.year, o.coder))
        columns = collect(ordered, layout)
    independent = [is_independent(os.path.abspath(o.path)) for o in ordered]
    reconciles = [
        "; ".join(str(c) for c in o.data.get("reconciles", []) or []) or None for o in ordered
    ]
    return codings_table(columns, layout, independent, reconciles)


def validate(tables: Tables, where: str) -> list[Finding]:
    """Both panels against the pandera schemas generated from the codebook."""
    layout = tables.layout
    return [
        *_schemas.validate(to_frame(tables.long), _schemas.long_schema(layout), "long", where),
        *_schemas.validate(to_frame(tables.wide), _schemas.wide_schema(layout), "wide", where),
    ]


def write(tables: Tables, folder: Path, license_: str | None = None) -> list[str]:
    """Write every file into `folder` (which must exist); return their names."""
    for name in PARQUET:
        write_parquet(tables.table(name), folder / _parquet(name))
    resources = []
    for name in CSV:
        path = folder / f"{name}.csv"
        write_csv(tables.table(name), path)
        resources.append(_datapackage.resource(name, tables.table(name), path, tables.layout))
    write_dta(tables.wide, tables.answers, tables.layout, folder / DTA)
    files = sorted([*(_parquet(n) for n in PARQUET), DTA])
    data = _datapackage.package(tables.layout, resources, files, license_)
    (folder / "datapackage.json").write_text(_datapackage.render(data), encoding="utf-8")
    return sorted(p.name for p in folder.iterdir())


def _parquet(name: str) -> str:
    return (
        parquet_name(name.removeprefix("panel_"))
        if name.startswith("panel_")
        else f"{name}.parquet"
    )


def _folder_findings(out: Path, shown: str) -> list[Finding]:
    if out.exists() and not out.is_dir():
        return [finding("export-folder-foreign", shown, folder=shown)]
    if out.is_dir() and not is_empty(out) and not _datapackage.is_cmr_export(out):
        return [finding("export-folder-foreign", shown, folder=shown)]
    return []


def _panel(project: Project, jobs: int | None, shown: str, result: Result) -> Tables | None:
    """Check, select and build; None when there is an error. The observations are dropped
    on return, so that validating and writing do not hold them in memory as well."""
    checked = check(project=project, keep=True, jobs=jobs)
    result.files = checked.result.files
    result.extend(checked.result.findings)
    if not result.success or checked.books is None:
        return None
    everything = checked.observations()
    observations, selected = select(everything)
    result.extend(selected)
    if not result.success:
        return None
    version = str(project.config.get("dataset_version", UNVERSIONED))
    layout = layout_for(everything, checked.books, version)
    return build(observations, layout, load_bibliography(project.bibliography), everything)


def export(
    out: str | Path | None = None, *, project: Project | None = None, jobs: int | None = None
) -> ExportRun:
    """Check every observation and, when there is no error, write the panel to `out`
    (default: the project's `dist/`), replacing a previous export as a whole.

    >>> run = export("dist")       # doctest: +SKIP
    >>> run.result.success, run.files[:2]   # doctest: +SKIP
    (True, ('citations.csv', 'codebook.csv'))
    """
    project = project or Project.find()
    target = Path(out) if out is not None else project.root / DEFAULT_OUT
    shown = project.display(target)
    if target.is_symlink():  # write through the link: replace the folder it points to
        target = target.resolve()
    run = ExportRun(Result(_folder_findings(target, shown)), target)
    if not run.result.success:
        return run
    tables = _panel(project, jobs, shown, run.result)
    if tables is None:
        return run
    run.result.extend(validate(tables, shown))
    if not run.result.success:
        return run
    license_ = project.config.get("license") or tables.layout.latest.raw.get("license")
    with staging(target) as folder:
        run.files = tuple(write(tables, folder, license_))
    run.country_years, run.rows = tables.wide.num_rows, tables.long.num_rows
    return run
