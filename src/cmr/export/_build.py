"""Building and writing the export: every table from the observations, their validation
against the pandera schemas, and the files written into a folder.

`cmr.export._run` decides whether to export and where; this module only builds and writes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from cmr.bibliography import Bibliography
from cmr.codebook import Codebook, Codebooks
from cmr.export import _datapackage, _faults, _schemas
from cmr.export._collect import Collected, collect
from cmr.export._companions import citations_table, codebook_table, sources_table
from cmr.export._events import Facts, cited_by, events_table
from cmr.export._manifest import PACKAGE, manifest
from cmr.export._spec import UNVERSIONED, PanelSpec
from cmr.export._stata import write_dta, write_events_dta
from cmr.export._tables import codings_table, long_table
from cmr.export._units import with_units
from cmr.export._wide import wide_answers, wide_table
from cmr.export._write import write_csv, write_parquet
from cmr.export.panel import parquet_name, to_frame
from cmr.findings import Finding
from cmr.layout import is_independent
from cmr.observation import Observation

PARQUET = ("panel_long", "panel_wide", "codings", "events")
CSV = ("panel_long", "panel_wide", "codebook", "sources", "citations", "codings", "events")
DTA = "panel_wide.dta"
"""The formats' tables; `events` only when a codebook version declares `events`."""


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
    events: Any = None

    def table(self, name: str) -> Any:
        return getattr(self, name.removeprefix("panel_"))

    def present(self, names: Sequence[str]) -> list[str]:
        """The tables of `names` this export has (`events` only with an events codebook)."""
        return [n for n in names if self.table(n) is not None]


def layout_for(
    observations: list[Observation], books: Codebooks, dataset_version: str = UNVERSIONED
) -> PanelSpec:
    """The layout of the codebook versions the observations use, plus the latest version."""
    return layout_of({o.codebook.version for o in observations}, books, dataset_version)


def layout_of(
    versions: set[str], books: Codebooks, dataset_version: str = UNVERSIONED
) -> PanelSpec:
    """The layout of codebook `versions`, plus the latest version."""
    used = versions | {books.latest.version}
    chosen: list[Codebook] = []
    for version in books.versions:
        book = books.get(version) if version in used else None
        if book is not None:
            chosen.append(book)
    return PanelSpec(tuple(chosen), dataset_version)


@dataclass(frozen=True)
class Codings:
    """The codings table's columns, with each coding's independence and whom it reconciles."""

    columns: Collected
    independent: list[bool]
    reconciles: list[str | None]


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
    coded = _codings(observations, columns, codings, layout)
    return assemble(columns, coded, layout, bib, Facts.of(observations))


def assemble(
    columns: Collected,
    codings: Codings,
    layout: PanelSpec,
    bib: Bibliography,
    facts: Facts | None = None,
) -> Tables:
    """Every table of the export, from the panel's collected columns and the codings', and
    the panel observations' units, reference dates and events (`facts`)."""
    facts = facts or Facts()
    long = long_table(columns, layout)
    return Tables(
        layout=layout,
        long=with_units(long, facts, layout, columns.row_obs),
        wide=with_units(wide_table(columns, layout), facts, layout),
        codebook=codebook_table(layout),
        sources=sources_table(replace(columns, cited_by=cited_by(columns.cited_by, facts)), bib),
        citations=citations_table(columns, long),
        codings=codings_table(codings.columns, layout, codings.independent, codings.reconciles),
        answers=wide_answers(columns, layout),
        events=events_table(facts, columns.obs_iso3c, columns.obs_year, columns.obs_coder, layout),
    )


def _codings(
    panel: list[Observation],
    columns: Collected,
    codings: list[Observation] | None,
    layout: PanelSpec,
) -> Codings:
    """The codings table's columns; without independent codings its rows are the panel's, so
    the panel's collected columns serve again instead of a second pass over the observations."""
    if codings is None or len(codings) == len(panel):
        ordered = panel
    else:
        ordered = sorted(codings, key=lambda o: (o.iso3c, o.year, o.coder))
        columns = collect(ordered, layout)
    independent = [is_independent(os.path.abspath(o.path)) for o in ordered]
    reconciles = [
        "; ".join(str(c) for c in o.data.get("reconciles", []) or []) or None for o in ordered
    ]
    return Codings(columns, independent, reconciles)


def validate(tables: Tables, where: str) -> list[Finding]:
    """Both panels against the pandera schemas generated from the codebook."""
    layout = tables.layout
    return [
        *_schemas.validate(to_frame(tables.long), _schemas.long_schema(layout), "long", where),
        *_schemas.validate(to_frame(tables.wide), _schemas.wide_schema(layout), "wide", where),
    ]


@dataclass(frozen=True)
class Writer:
    """One output format: the tables it writes, each table's file name, and how to write it."""

    tables: tuple[str, ...]
    filename: Callable[[str], str]
    write: Callable[[Tables, str, Path], None]


def _write_dta(tables: Tables, name: str, path: Path) -> None:
    if name == "events":
        write_events_dta(tables.events, tables.layout, path)
    else:
        write_dta(tables.wide, tables.answers, tables.layout, path)


# The formats of an export, looked up by name, in the order they are written; the package
# (datapackage.json, with the manifest of all of them) is written last by `write`.
WRITERS: dict[str, Writer] = {
    "parquet": Writer(PARQUET, lambda n: _parquet(n), lambda t, n, p: write_parquet(t.table(n), p)),
    "csv": Writer(CSV, lambda n: f"{n}.csv", lambda t, n, p: write_csv(t.table(n), p)),
    "dta": Writer(
        ("panel_wide", "events"), lambda n: DTA if n == "panel_wide" else f"{n}.dta", _write_dta
    ),
}


def write(
    tables: Tables, folder: Path, license_: str | None = None, excluded: Sequence[str] = ()
) -> list[str]:
    """Write every file into `folder` (which must exist), `datapackage.json` last with the
    manifest of the others; return the names written. `excluded`: the observation files a
    partial panel leaves out."""
    written = sorted(_write_tables(tables, folder))
    _faults.at("staged-all")
    files = sorted(
        w.filename(n) for f, w in WRITERS.items() if f != "csv" for n in tables.present(w.tables)
    )
    digests = manifest(folder, written)  # each file hashed once, for both lists
    resources = _resources(tables, folder, digests)
    data = _datapackage.package(tables.layout, resources, files, license_)
    _datapackage.add_manifest(data, digests, excluded)
    path = folder / PACKAGE
    _faults.at("write", path)
    path.write_text(_datapackage.render(data), encoding="utf-8")
    return sorted([*written, PACKAGE])


def _resources(tables: Tables, folder: Path, digests: dict[str, str]) -> list[dict[str, Any]]:
    """A resource for every file written, in the order of their names."""
    out = []
    layout = tables.layout
    for fmt, writer in WRITERS.items():
        for name in tables.present(writer.tables):
            path, table = folder / writer.filename(name), tables.table(name)
            digest = digests.get(path.name)
            if fmt == "csv":
                out.append(_datapackage.resource(name, table, path, layout, digest))
            else:
                out.append(_datapackage.binary_resource(name, fmt, table, path, layout, digest))
    return sorted(out, key=lambda r: str(r["path"]))


def _write_tables(tables: Tables, folder: Path) -> list[str]:
    """Every format's files, through `WRITERS`; the names written."""
    names = []
    for i, writer in enumerate(WRITERS.values()):
        for table in tables.present(writer.tables):
            path = folder / writer.filename(table)
            _faults.at("write", path)
            writer.write(tables, table, path)
            names.append(path.name)
        if i == 0:
            _faults.at("staged-some")
    return names


def _parquet(name: str) -> str:
    return (
        parquet_name(name.removeprefix("panel_"))
        if name.startswith("panel_")
        else f"{name}.parquet"
    )
