"""The panel's tables: columns, dtypes, shapes and what the Parquet files say about themselves."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from cmr.codebook import Codebooks
from cmr.export import load_panel

IDS = ["country", "iso3c", "cown", "gwn", "vdem", "year", "as_of"]
LONG = [
    *IDS,
    "question",
    "variable",
    "answer",
    "value",
    "confidence",
    "evidence",
    "note",
    "citations",
    "n_citations",
    "coder",
    "codebook_version",
]


READS_ONLY = True  # the session's shared panel and export serve (see conftest)


def _book(project: Path):  # type: ignore[no-untyped-def]
    return Codebooks(project / "codebook").latest


def test_long_columns_and_dtypes(exported: Path) -> None:
    """The long panel has the documented columns, in order, with typed dtypes."""
    long = load_panel(exported, "long")
    assert list(long.columns) == LONG
    dtypes = {c: str(t) for c, t in long.dtypes.items()}
    assert dtypes["year"] == "Int16" and dtypes["value"] == "Int8"
    assert dtypes["as_of"] == "datetime64[ms]"
    for name in ("country", "iso3c", "question", "variable", "answer", "confidence", "coder"):
        assert dtypes[name] == "category", name
    assert dtypes["evidence"] == "str"
    assert len(long) == 5 * 13


def test_wide_columns_follow_the_codebook(exported: Path, panel_project: Path) -> None:
    """The wide panel has identifiers, then per variable its value, _missing, _conf, _nsrc."""
    wide = load_panel(exported)
    expected = [*IDS, "coder", "codebook_version"]
    for var in _book(panel_project).variables:
        expected += [var, f"{var}_missing", f"{var}_conf", f"{var}_nsrc"]
    assert list(wide.columns) == expected
    assert list(zip(wide["iso3c"].astype(str), wide["year"], strict=True)) == [
        ("ARM", 1994),
        ("AZE", 1992),
        ("AZE", 1993),
        ("AZE", 1994),
        ("GEO", 1994),
    ]


def test_wide_and_long_agree(exported: Path, panel_project: Path) -> None:
    """Every wide cell equals the matching long row's value, confidence and citation count."""
    long = load_panel(exported, "long")
    wide = load_panel(exported).set_index(["iso3c", "year"])
    for row in long.itertuples():
        cell = wide.loc[(row.iso3c, row.year)]
        assert pd.isna(cell[row.variable]) == pd.isna(row.value)
        if not pd.isna(row.value):
            assert cell[row.variable] == row.value
        assert cell[f"{row.variable}_conf"] == row.confidence
        assert cell[f"{row.variable}_nsrc"] == row.n_citations
        missing = cell[f"{row.variable}_missing"]
        assert (pd.isna(missing) and not pd.isna(row.value)) or missing == row.answer


def test_missing_code_keeps_answer_and_empties_value(exported: Path, panel_project: Path) -> None:
    """A missing code shows as the answer label with an empty value, and its note is kept."""
    last = _book(panel_project).variables[-1]
    long = load_panel(exported, "long")
    rows = long[long["variable"] == last]
    assert set(rows["answer"].astype(str)) == {"unknown"}
    assert rows["value"].isna().all()
    assert rows["note"].str.startswith("Searched").all()
    wide = load_panel(exported)
    assert wide[last].isna().all()
    assert list(wide[f"{last}_missing"].astype(str)) == ["unknown"] * len(wide)
    assert list(wide[f"{last}_missing"].cat.categories) == list(
        m.code for m in _book(panel_project).question(last).scale.missing
    )
    assert wide[f"{_book(panel_project).variables[0]}_missing"].isna().all()


def test_value_comes_from_the_scale(exported: Path, panel_project: Path) -> None:
    """`value` is the scale's number for the answer code."""
    book = _book(panel_project)
    long = load_panel(exported, "long")
    for row in long.dropna(subset=["value"]).itertuples():
        assert book.question(row.variable).scale.value_of(row.answer) == row.value


def test_categories_are_the_codebooks_in_order(exported: Path, panel_project: Path) -> None:
    """Answer, variable and confidence categories come from the codebook, in its order."""
    book = _book(panel_project)
    long = load_panel(exported, "long")
    assert list(long["variable"].cat.categories) == book.variables
    assert list(long["answer"].cat.categories) == list(book.questions[0].scale.codes)
    assert list(long["confidence"].cat.categories) == list(book.confidence)
    assert long["confidence"].cat.ordered


def test_citations_text_and_count(exported: Path, panel_project: Path) -> None:
    """`citations` lists the keys with pages; `n_citations` counts them."""
    second = _book(panel_project).variables[1]
    long = load_panel(exported, "long")
    row = long[long["variable"] == second].iloc[0]
    assert row["citations"] == "curtis1995 (12); aliyev2001"
    assert row["n_citations"] == 2


def test_parquet_metadata_names_versions_and_questions(exported: Path, panel_project: Path) -> None:
    """Parquet files carry the codebook and dataset versions and each question's text."""
    book = _book(panel_project)
    schema = pq.read_schema(exported / "panel_wide.parquet")
    meta = json.loads(schema.metadata[b"cmr"])
    assert meta["codebook_version"] == book.version
    assert meta["dataset_version"] == "0.0.0+unversioned"
    first = book.questions[0]
    assert schema.field(first.variable).metadata[b"description"].decode() == first.text


def test_labels_are_dictionary_encoded(exported: Path) -> None:
    """Label columns are dictionary-encoded in Parquet, so readers get factors/categoricals."""
    schema = pq.read_schema(exported / "panel_long.parquet")
    for name in ("country", "iso3c", "question", "variable", "answer", "confidence", "coder"):
        assert pa.types.is_dictionary(schema.field(name).type), name
    assert not pa.types.is_dictionary(schema.field("evidence").type)
