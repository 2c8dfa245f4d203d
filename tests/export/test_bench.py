"""The export benchmark runs end to end on a tiny dataset (quick, not timed)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from cmr.codebook import Codebooks

REPO = Path(__file__).resolve().parents[2]


def _questions() -> int:
    """Questions of the codebook the synthetic dataset is coded under: the newest released."""
    books = Codebooks(REPO / "codebook")
    released = [b for b in map(books.get, books.versions) if b and b.status == "released"]
    return len(released[-1].questions)


def test_bench_export_runs(tmp_path: Path) -> None:
    """`bench_export.py --files 30 --runs 1` prints its table and writes its figures."""
    out = tmp_path / "figures.json"
    proc = subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "bench_export.py"),
            "--files",
            "30",
            "--runs",
            "1",
            "--data",
            str(tmp_path / "data"),
            "--json",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    rows = 30 * _questions()  # one long row per file and question
    assert f"Parquet panels ({rows} long rows)" in proc.stdout
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["stages"]["long_rows"] == rows
    assert figures["end_to_end"]["peak_mb"] > 0
