"""The long panel and the codings table as Arrow tables, from the collected columns, and
what every panel table shares: its identifier columns, label columns and metadata.

Labels (country, question, answer, confidence...) are dictionary-encoded, so pandas reads them
as categoricals and R's arrow as factors; each field's metadata carries its description and, for
labels, the full list of categories in codebook order (`load_panel` restores them from there).
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pyarrow as pa

from cmr.export._arrow import field, int_type, labels, table, text
from cmr.export._codes import DESCRIPTIONS, code_columns
from cmr.export._collect import Collected, cite_text
from cmr.export._spec import PanelSpec

IDENTIFIERS: dict[str, str] = {
    "country": "Country name (countrycode's English name).",
    "iso3c": "ISO 3166-1 alpha-3 country code.",
    **DESCRIPTIONS,
    "year": "Year of the observation.",
    "as_of": "Reference moment: the observation's as_of, or 31 December of its year.",
}
TRAILING: dict[str, str] = {
    "coder": "Who coded the observation (the adjudicator for reconciled codings).",
    "codebook_version": "Codebook version the observation was coded under.",
}
Field = tuple[pa.Field, Any]


def label_field(
    name: str,
    indices: Any,
    categories: list[str],
    description: str,
    ordered: bool = False,
    nullable: bool = False,
    names: dict[str, str] | None = None,
) -> Field:
    """A label column; `names` are the categories' labels ("Yes", "Unknown"), when they have
    any beyond their codes."""
    meta = {"labels": names} if names else {}
    return field(
        name,
        labels(indices, categories, ordered),
        description,
        nullable,
        categories=categories,
        ordered=ordered,
        **meta,
    )


def _found(values: list[str]) -> tuple[list[int], list[str]]:
    """Indices into the sorted distinct values, and those values."""
    categories = sorted(set(values))
    index = {v: i for i, v in enumerate(categories)}
    return [index[v] for v in values], categories


def per_observation(c: Collected, layout: PanelSpec) -> tuple[list[Field], list[Field]]:
    """Identifier and trailing columns, one cell per observation."""
    names, countries = _found(c.obs_country)
    isos, codes = _found(c.obs_iso3c)
    coders, who = _found(c.obs_coder)
    version_index = {v: i for i, v in enumerate(layout.versions)}
    found = code_columns(c.obs_iso3c, c.obs_as_of, c.obs_cown)
    return [
        label_field("country", names, countries, IDENTIFIERS["country"]),
        label_field("iso3c", isos, codes, IDENTIFIERS["iso3c"]),
        *(
            field(name, pa.array(getattr(found, name), pa.int16()), IDENTIFIERS[name])
            for name in DESCRIPTIONS
        ),
        field("year", pa.array(c.obs_year, pa.int16()), IDENTIFIERS["year"], False),
        field("as_of", pa.array(c.obs_as_of, pa.date32()), IDENTIFIERS["as_of"], False),
    ], [
        label_field("coder", coders, who, TRAILING["coder"]),
        label_field(
            "codebook_version",
            [version_index[v] for v in c.obs_version],
            list(layout.versions),
            TRAILING["codebook_version"],
        ),
    ]


def _repeat(fields: list[Field], rows: pa.Array) -> list[Field]:
    return [(f, a.take(rows)) for f, a in fields]


def table_metadata(layout: PanelSpec, shape: str) -> dict[str, str]:
    """Schema-level metadata: what the table is and which codebook and dataset it comes from."""
    return {
        "cmr": json.dumps(
            {
                "table": shape,
                "dataset": layout.latest.name,
                "dataset_version": layout.dataset_version,
                "codebook_version": layout.latest.version,
                "codebook_versions": list(layout.versions),
            }
        )
    }


def _long_fields(c: Collected, layout: PanelSpec, *, texts: bool = True) -> list[Field]:
    """The long panel's columns; without `texts`, no evidence, note or citations."""
    ids, trailing = per_observation(c, layout)
    rows = pa.array(np.frombuffer(c.row_obs, dtype=np.int64))
    value_type = int_type(*layout.value_range)
    fields = [
        *_repeat(ids, rows),
        label_field(
            "question",
            c.question,
            list(layout.question_ids),
            "Question id, as the observation's codebook version numbers it.",
        ),
        label_field(
            "variable",
            c.variable,
            [v.name for v in layout.variables],
            "Variable name of the question; stable across codebook versions.",
        ),
        label_field(
            "answer",
            c.answer,
            list(layout.answer_codes),
            "The answer code: a scale value (yes/no) or a missing code.",
            names=layout.answer_labels,
        ),
        field(
            "value",
            pa.array(c.value, value_type),
            "Numeric value of the answer; empty for missing codes.",
        ),
        label_field(
            "confidence",
            c.confidence,
            list(layout.confidence),
            "How sure the coder is of the answer.",
            ordered=True,
            names=layout.confidence_labels,
        ),
    ]
    if texts:
        fields += [
            field(
                "evidence",
                text(c.evidence),
                "Narrative evidence for the answer, in the coder's words.",
                False,
            ),
            field("note", text(c.note), "Coder's note (what was searched, for a missing code)."),
            field(
                "citations",
                text(c.citations, cite_text),
                "Cited sources: bibliography keys with pages, separated by '; '.",
            ),
        ]
    fields += [
        field(
            "n_citations",
            pa.array(np.frombuffer(c.n_citations, dtype=np.int64)).cast(pa.int32()),
            "Number of citations.",
            False,
        ),
        *_repeat(trailing, rows),
    ]
    return fields


def long_table(c: Collected, layout: PanelSpec) -> pa.Table:
    """One row per country-year-question, in codebook order within each country-year."""
    return table(_long_fields(c, layout), table_metadata(layout, "long"))


def codings_table(
    c: Collected, layout: PanelSpec, independent: list[bool], reconciles: list[str | None]
) -> pa.Table:
    """Every coding, adjudicated and independent, one row per coding and question.

    The panel holds adjudicated codings only; this table keeps each coder's answers so that
    researchers can recompute inter-coder agreement. The evidence stays in the panel and in
    the observation files.
    """
    rows = pa.array(np.frombuffer(c.row_obs, dtype=np.int64))
    fields = [
        *_long_fields(c, layout, texts=False),
        field(
            "independent",
            pa.array(independent, pa.bool_()).take(rows),
            "True for an independent coding (observations/<ISO3>/<year>/<coder>.yaml), "
            "False for the adjudicated coding in the panel.",
            False,
        ),
        field(
            "reconciles",
            pa.array(reconciles, pa.string()).take(rows),
            "For an adjudicated coding: the coders whose independent codings it reconciles, "
            "separated by '; '.",
        ),
    ]
    return table(fields, table_metadata(layout, "codings"))
