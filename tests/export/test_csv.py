"""The CSV files: quoted correctly and read back identically by pandas."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from cmr.export import load_panel

from .conftest import TRICKY

READS_ONLY = True  # the session's shared panel and export serve (see conftest)


def read_csv(path: Path) -> pd.DataFrame:
    """How docs/export.md tells pandas users to read the CSV (only empty cells are missing)."""
    return pd.read_csv(path, keep_default_na=False, na_values=[""])


def test_tricky_evidence_round_trips(exported: Path) -> None:
    """Newlines, CR LF, quotes, commas, tabs, non-ASCII and 'NA' survive the CSV unchanged."""
    csv = read_csv(exported / "panel_long.csv")
    assert (csv["evidence"] == TRICKY).sum() == 5
    parquet = load_panel(exported, "long")
    assert list(csv["evidence"]) == list(parquet["evidence"])


def test_csv_matches_parquet(exported: Path) -> None:
    """Both CSV panels hold the same cells as their Parquet twins."""
    for shape in ("long", "wide"):
        csv = pd.read_csv(exported / f"panel_{shape}.csv", dtype=str, keep_default_na=False)
        parquet = load_panel(exported, shape)
        parquet["as_of"] = parquet["as_of"].dt.strftime("%Y-%m-%d")
        assert list(csv.columns) == list(parquet.columns)
        for column in csv.columns:
            cells = ["" if pd.isna(v) else str(v) for v in parquet[column].astype(object)]
            assert list(csv[column]) == cells, column


def test_companion_tables(exported: Path) -> None:
    """codebook.csv, sources.csv and citations.csv describe questions, sources and citations."""
    codebook = read_csv(exported / "codebook.csv")
    assert {
        "codebook_version",
        "question",
        "variable",
        "text",
        "missing_codes",
        "stata_missing",
    } <= set(codebook.columns)
    assert len(codebook) == 13
    sources = read_csv(exported / "sources.csv").set_index("key")
    assert sorted(sources.index) == ["aliyev2001", "curtis1995"]
    assert sources.loc["aliyev2001", "author"] == "Əliyev, Nigar"
    assert sources.loc["aliyev2001", "n_country_years"] == 5
    assert sources.loc["aliyev2001", "country_years"].startswith("ARM 1994; AZE 1992")
    citations = read_csv(exported / "citations.csv")
    long = load_panel(exported, "long")
    assert len(citations) == long["n_citations"].sum()
