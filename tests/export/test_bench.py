"""The export benchmark runs end to end on a tiny dataset (quick, not timed)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


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
    assert "Parquet panels (390 long rows)" in proc.stdout
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["stages"]["long_rows"] == 390
    assert figures["end_to_end"]["peak_mb"] > 0
