"""`datapackage.json`: a Frictionless Data Package describing every file of the export.

Each CSV table is a tabular resource; each Parquet and Stata file a resource of its own
(`<table>_parquet`, `<table>_dta`) with its format, media type, size, hash and schema, typed
`file` so that validators check its bytes and hash without reading it as a table. Field types,
descriptions and enums come from the Arrow schemas, which come from the codebook. The package
also names its primary keys and the foreign keys that tie citations to sources and to the long
panel. A `cmr` property marks the folder as written by `cmr export`; its
`manifest` lists every other file with its sha256, which is how a later export knows what it may
replace (`cmr.export._manifest`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

import pyarrow as pa

from cmr.export._epoch import moment
from cmr.export._fields import stata_field, table_field
from cmr.export._spec import PanelSpec

FORMAT = 1
KEYS = {
    "panel_long": ["iso3c", "year", "variable"],
    "panel_wide": ["iso3c", "year"],
    "codebook": ["codebook_version", "variable"],
    "sources": ["key"],
    "citations": ["iso3c", "year", "variable", "position"],
    "codings": ["iso3c", "year", "coder", "variable"],
    "events": ["iso3c", "year", "event_id"],
}
FOREIGN_KEYS = {
    "citations": [
        {"fields": "key", "reference": {"resource": "sources", "fields": "key"}},
        {
            "fields": ["iso3c", "year", "variable"],
            "reference": {"resource": "panel_long", "fields": ["iso3c", "year", "variable"]},
        },
    ],
    "events": [
        {
            "fields": ["iso3c", "year"],
            "reference": {"resource": "panel_wide", "fields": ["iso3c", "year"]},
        },
    ],
}
TITLES = {
    "panel_long": "Long panel: one row per country-year-question",
    "panel_wide": "Wide panel: one row per country-year",
    "codebook": "Codebook: the questions of each codebook version",
    "sources": "Sources: every cited bibliography entry",
    "citations": "Citations: one row per citation of an answer",
    "codings": "Codings: every coding, adjudicated and independent, one row per question",
    "events": "Events: one row per dated event of a panel observation",
}
BINARY = {
    "parquet": ("Parquet", "application/vnd.apache.parquet"),
    "dta": ("Stata 14 (format 118)", "application/x-stata-dta"),
}
LICENSES = {
    "CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
    "ODC-By-1.0": "https://opendatacommons.org/licenses/by/1-0/",
}


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def resource(
    name: str, table: pa.Table, path: Path, layout: PanelSpec, digest: str | None = None
) -> dict[str, Any]:
    """The resource describing the CSV file at `path` (already written) holding `table`;
    `digest` is its `sha256:<hex>` when already known (from the manifest)."""
    schema: dict[str, Any] = {
        "fields": [table_field(f, KEYS[name], layout) for f in table.schema],
        "primaryKey": KEYS[name],
    }
    if name in FOREIGN_KEYS:
        schema["foreignKeys"] = FOREIGN_KEYS[name]
    return {
        "name": name,
        "path": path.name,
        "title": TITLES[name],
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": path.stat().st_size,
        "hash": digest or f"sha256:{sha256(path)}",
        "schema": schema,
    }


def binary_resource(
    name: str, fmt: str, table: pa.Table, path: Path, layout: PanelSpec, digest: str | None = None
) -> dict[str, Any]:
    """The resource describing the Parquet or Stata file at `path` (already written) holding
    `table`: its columns in the file's order with their types, as the format stores them; the
    descriptions and labels are the CSV resource's (`name`), not repeated."""
    fields = [table_field(f, KEYS[name], layout) for f in table.schema]
    if fmt == "dta":  # the missing codes are extended missing values there, not columns
        companions = {f"{v.name}_missing" for v in layout.variables}
        confidence = {f"{v.name}_conf" for v in layout.variables}
        kept = [f for f in fields if f["name"] not in companions]
        fields = [stata_field(f, f["name"] in confidence) for f in kept]
    else:
        fields = [{"name": f["name"], "type": f["type"]} for f in fields]
    what, mediatype = BINARY[fmt]
    return {
        "name": f"{name}_{fmt}",
        "path": path.name,
        "title": f"{TITLES[name]} ({what})",
        "description": f"The columns of resource {name}, as {what} stores them; "
        "descriptions and labels are there.",
        "profile": "data-resource",
        "type": "file",
        "format": fmt,
        "mediatype": mediatype,
        "bytes": path.stat().st_size,
        "hash": digest or f"sha256:{sha256(path)}",
        "schema": {"fields": fields, "primaryKey": KEYS[name]},
    }


def created() -> str | None:
    """The SOURCE_DATE_EPOCH moment as ISO 8601, or None: exports carry no clock time."""
    when = moment()
    return None if when is None else when.strftime("%Y-%m-%dT%H:%M:%SZ")


def package(
    layout: PanelSpec, resources: list[dict[str, Any]], files: list[str], license_: str | None
) -> dict[str, Any]:
    """The datapackage: what the panel is, its licence, and in `cmr` the codebook versions
    it holds and, per variable, the earliest of them from which its values are comparable
    (no breaking change since; `cmr codebook diff`)."""
    from cmr.versions import comparable_since

    book = layout.latest
    out: dict[str, Any] = {
        "profile": "data-package",
        "name": book.name,
        "title": book.title,
        "description": str(book.raw.get("description", book.title)),
        "version": layout.dataset_version,
    }
    if when := created():
        out["created"] = when
    if license_:
        lic = {"name": license_}
        if license_ in LICENSES:
            lic["path"] = LICENSES[license_]
        out["licenses"] = [lic]
    out["cmr"] = {
        "format": FORMAT,
        "generator": f"cmr {metadata.version('cmr')}",
        "dataset_version": layout.dataset_version,
        "codebook": book.name,
        "codebook_version": book.version,
        "codebook_versions": list(layout.versions),
        "comparable_since": comparable_since(layout.books),
        "files": files,
    }
    out["resources"] = resources
    return out


def add_manifest(data: dict[str, Any], files: dict[str, str], excluded: Sequence[str] = ()) -> None:
    """Record in the package the files written beside it (`{name: "sha256:<hex>"}`) and, for
    a partial panel, the observation files it leaves out."""
    data["cmr"]["manifest"] = files
    if excluded:
        data["cmr"]["partial"] = True
        data["cmr"]["excluded"] = list(excluded)


def render(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
