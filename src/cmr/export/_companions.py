"""The tables that accompany the panel: codebook, citations and sources."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pyarrow as pa

from cmr.bibliography import Bibliography
from cmr.export._arrow import text
from cmr.export._collect import Collected, pages_text
from cmr.export._spec import PanelSpec

CODEBOOK_COLUMNS = (
    "codebook_version",
    "question",
    "variable",
    "label",
    "text",
    "scale",
    "scale_label",
    "values",
    "value_labels",
    "missing_codes",
    "stata_missing",
    "window",
    "window_years",
)
SOURCE_FIELDS = (
    "author",
    "editor",
    "title",
    "year",
    "journal",
    "booktitle",
    "publisher",
    "doi",
    "url",
)


def _rows_table(
    rows: list[dict[str, Any]], columns: Sequence[str], types: dict[str, pa.DataType]
) -> pa.Table:
    arrays = [pa.array([r[c] for r in rows], types.get(c, pa.string())) for c in columns]
    return pa.Table.from_arrays(arrays, names=list(columns))


def codebook_table(layout: PanelSpec) -> pa.Table:
    """One row per question of every codebook version in the panel."""
    rows = []
    for book in layout.books:
        for q in book.questions:
            missing = [m.code for m in q.scale.missing]
            letters = layout.by_name[q.variable].stata_missing
            rows.append(
                {
                    "codebook_version": book.version,
                    "question": q.id,
                    "variable": q.variable,
                    "label": q.label,
                    "text": q.text,
                    "scale": q.scale.name,
                    "scale_label": q.scale.label,
                    "values": "; ".join(f"{v.code}={v.value}" for v in q.scale.values),
                    "value_labels": "; ".join(f"{v.value}={v.label}" for v in q.scale.values),
                    "missing_codes": "; ".join(missing),
                    "stata_missing": "; ".join(f"{m}=.{letters[m]}" for m in missing),
                    "window": q.window.name if q.window else None,
                    "window_years": q.window.years if q.window else None,
                }
            )
    return _rows_table(rows, CODEBOOK_COLUMNS, {"window_years": pa.int16()})


def citations_table(c: Collected, long: pa.Table) -> pa.Table:
    """One row per citation: which country-year and variable cite which key and pages."""
    rows = pa.array(np.frombuffer(c.cite_row, dtype=np.int64))
    return pa.Table.from_arrays(
        [
            long["iso3c"].take(rows).cast(pa.string()),
            long["year"].take(rows),
            long["variable"].take(rows).cast(pa.string()),
            pa.array(np.frombuffer(c.cite_position, dtype=np.int64)).cast(pa.int16()),
            text(c.cite_key).cast(pa.string()),
            text(c.cite_pages, pages_text).cast(pa.string()),
        ],
        names=["iso3c", "year", "variable", "position", "key", "pages"],
    )


def sources_table(c: Collected, bib: Bibliography) -> pa.Table:
    """Every cited bibliography entry, with the country-years that cite it (`AZE 1993; ...`)."""
    keys = sorted(c.cited_by)
    entries = [bib.entries.get(k) for k in keys]
    places = [f"{iso} {year}" for iso, year in zip(c.obs_iso3c, c.obs_year, strict=True)]
    columns: dict[str, Any] = {
        "key": pa.array(keys, pa.string()),
        "entry_type": pa.array([e.entry_type if e else None for e in entries], pa.string()),
    }
    for name in SOURCE_FIELDS:
        columns[name] = pa.array([e.fields.get(name) if e else None for e in entries], pa.string())
    columns["n_country_years"] = pa.array([len(c.cited_by[k]) for k in keys], pa.int32())
    columns["country_years"] = pa.array(
        ["; ".join(places[i] for i in c.cited_by[k]) for k in keys], pa.string()
    )
    return pa.table(columns)
