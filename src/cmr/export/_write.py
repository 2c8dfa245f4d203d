"""Writing one table as Parquet or CSV. Where the files go, and how they replace a previous
export, is `cmr.export._publish`'s concern."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa


def write_parquet(table: pa.Table, path: Path) -> None:
    """Parquet with zstd compression; dictionary columns stay dictionary-encoded."""
    import pyarrow.parquet as pq

    pq.write_table(
        table,
        path,
        compression="zstd",
        use_dictionary=True,
        write_statistics=True,
        store_schema=True,
    )


def write_csv(table: pa.Table, path: Path) -> None:
    """RFC 4180 CSV: UTF-8, a header, strings quoted (evidence may hold newlines and quotes)."""
    import pyarrow.csv as pacsv

    options = pacsv.WriteOptions(include_header=True, quoting_style="needed")
    pacsv.write_csv(table, path, write_options=options)
