"""Benchmark `cmr export` against the targets of issue 3 ("Speed").

    python benchmarks/bench_export.py                  # 20,000 observations, 5 runs
    python benchmarks/bench_export.py --files 200 --runs 1

Uses the synthetic dataset of `_synthetic.make_dataset` (cached in benchmarks/.data/): real
countries and years, every question answered with 400-1,500 characters of non-ASCII evidence.

1. In-process, on records read once (`check(keep="records")`, as the export reads them):
   building the Arrow tables, validating both frames with pandera, writing the Parquet
   panels, the CSV files, the Stata file and datapackage.json (median of --runs runs each).
   "Parquet panels" is build + validate + Parquet; "all formats" is build + validate + every
   file.
2. The whole `cmr export` as a user runs it (reading and checking every file included), in a
   fresh process: wall time and its peak RSS (getrusage RUSAGE_SELF of that process; the
   check's reader workers are separate processes, reported apart), and the peak of
   `check(keep="records")` alone, the floor the export builds on. Measured first, from a small
   parent (see `end_to_end`).

Prints a table (figure, measured, target, pass/fail); --json PATH also writes the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _synthetic import DATA_DIR, make_dataset

from cmr.bibliography import load_bibliography
from cmr.checking import check
from cmr.export import _run, _stream
from cmr.export._select import select
from cmr.export._stata import write_dta
from cmr.export._write import write_csv, write_parquet
from cmr.project import Project

TARGETS = {"parquet_s": 5.0, "all_s": 8.0, "memory_mb": 1500.0}

_PEAK_SCRIPT = """
import json, resource, sys, time
from cmr.cli import cli
start = time.perf_counter()
try:
    cli.main(sys.argv[1:], prog_name="cmr", standalone_mode=False)
except SystemExit as exc:
    if exc.code:
        raise
wall = time.perf_counter() - start
self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"wall_s": wall, "self_kb": self_kb, "largest_worker_kb": child_kb}),
      file=sys.stderr)
"""


_CHECK_ONLY_SCRIPT = """
import json, resource, sys
from cmr.checking import check
from cmr.project import Project
run = check(project=Project.find(), keep="records")
print(json.dumps({"self_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}),
      file=sys.stderr)
"""


def median_time(fn: Callable[[], object], runs: int) -> tuple[float, list[float]]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), times


def stages(project: Path, runs: int, scratch: Path) -> dict[str, Any]:
    """Median times of each export stage, on observations read once."""
    start = time.perf_counter()
    checked = check(project=Project(project), keep="records")
    read_s = time.perf_counter() - start
    assert checked.result.success and checked.books is not None
    observations = select(checked.summaries)
    layout = _run.layout_of({s.codebook for s in checked.summaries}, checked.books)
    bib = load_bibliography(Project(project).bibliography)
    out: dict[str, Any] = {"read_and_check_s": read_s, "observations": len(observations)}

    def build() -> _run.Tables:  # as the export does: from the check's Arrow records
        everything = checked.summaries
        return _stream.build(checked.records, everything, observations, everything, layout, bib)

    tables = build()
    out["long_rows"], out["wide_rows"] = tables.long.num_rows, tables.wide.num_rows

    def fresh() -> Path:
        scratch.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(dir=scratch))

    def parquet() -> None:
        folder = fresh()
        write_parquet(tables.long, folder / "panel_long.parquet")
        write_parquet(tables.wide, folder / "panel_wide.parquet")

    def csv() -> None:
        folder = fresh()
        for name in _run.CSV:
            write_csv(tables.table(name), folder / f"{name}.csv")

    def everything() -> None:
        _run.write(tables, fresh(), "CC-BY-4.0")

    timings = {
        "build": build,
        "validate": lambda: _run.validate(tables, "-"),
        "parquet": parquet,
        "csv": csv,
        "dta": lambda: write_dta(tables.wide, tables.answers, layout, fresh() / "w.dta"),
        "write_all": everything,
    }
    for name, fn in timings.items():
        print(f"  {name} x {runs} ...", flush=True)
        out[f"{name}_s"], out[f"{name}_runs"] = median_time(fn, runs)
        shutil.rmtree(scratch, ignore_errors=True)
    out["parquet_total_s"] = out["build_s"] + out["validate_s"] + out["parquet_s"]
    out["all_total_s"] = out["build_s"] + out["validate_s"] + out["write_all_s"]
    return out


def _fresh(script: str, args: list[str], cwd: Path) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, "-c", script, *args], cwd=cwd, capture_output=True, text=True
    )
    if proc.returncode != 0:
        raise SystemExit(f"{args} failed:\n{proc.stdout}\n{proc.stderr}")
    return dict(json.loads(proc.stderr.strip().splitlines()[-1]))


def end_to_end(project: Path, out: Path) -> dict[str, Any]:
    """One `cmr export` in a fresh interpreter: wall time and peak memory, and the peak of
    the check alone (which keeps every observation in memory for the export).

    Run this before the in-process stages: a child forked from a large parent starts with
    the parent's resident size, which getrusage would then report as the child's peak."""
    figures = _fresh(_PEAK_SCRIPT, ["export", "--out", str(out)], project)
    check_only = _fresh(_CHECK_ONLY_SCRIPT, [], project)
    return {
        "wall_s": figures["wall_s"],
        "peak_mb": figures["self_kb"] / 1024,
        "largest_worker_mb": figures["largest_worker_kb"] / 1024,
        "check_keep_mb": check_only["self_kb"] / 1024,
        "bytes": {p.name: p.stat().st_size for p in sorted(out.iterdir())},
    }


def report(res: dict[str, Any]) -> str:
    st, e2e = res["stages"], res["end_to_end"]
    rows = [("figure", "measured", "target", "result")]

    def row(figure: str, seconds: float | None, target: float | None, unit: str = "s") -> None:
        shown = (
            "" if seconds is None else (f"{seconds:.2f} s" if unit == "s" else f"{seconds:.0f} MB")
        )
        ok = "-" if target is None or seconds is None else ("PASS" if seconds <= target else "FAIL")
        rows.append(
            (
                figure,
                shown,
                ""
                if target is None
                else (f"<= {target:.0f} s" if unit == "s" else f"< {target:.0f} MB"),
                ok,
            )
        )

    row(
        f"Parquet panels ({st['long_rows']:,} long rows): build + validate + write",
        st["parquet_total_s"],
        TARGETS["parquet_s"],
    )
    row(
        "All formats: build + validate + Parquet, CSV, .dta, datapackage",
        st["all_total_s"],
        TARGETS["all_s"],
    )
    for name in ("build", "validate", "parquet", "csv", "dta", "write_all"):
        row(f"  {name}", st[f"{name}_s"], None)
    row(
        f"Reading and checking {st['observations']:,} files (cmr check's engine)",
        st["read_and_check_s"],
        None,
    )
    row("cmr export end to end (fresh process, check included)", e2e["wall_s"], None)
    row("Peak RSS of the cmr export process", e2e["peak_mb"], TARGETS["memory_mb"], "MB")
    row(
        "  of which check(keep='records') alone, before export starts",
        e2e["check_keep_mb"],
        None,
        "MB",
    )
    row("  largest reader worker", e2e["largest_worker_mb"], None, "MB")
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    sizes = ", ".join(f"{k} {v / 2**20:.1f} MB" for k, v in e2e["bytes"].items())
    m = res["machine"]
    return "\n".join(
        [
            "",
            *lines,
            "",
            f"files: {sizes}",
            f"median of {res['runs']} runs; {m['nproc']} cores, Python "
            f"{m['python']}, {m['platform']}",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=20_000, help="observation files")
    parser.add_argument("--runs", type=int, default=5, help="runs of each in-process stage")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument(
        "--data", type=Path, default=DATA_DIR, help="where synthetic datasets are made and cached"
    )
    args = parser.parse_args(argv)
    start = time.perf_counter()
    project = make_dataset(args.data, n_files=args.files, seed=args.seed)
    print(f"dataset: {project} ({time.perf_counter() - start:.1f} s to make or find)", flush=True)
    work = project.parent / f".export-{os.getpid()}"
    work.mkdir(parents=True)
    try:
        print("cmr export, end to end ...", flush=True)
        res: dict[str, Any] = {"runs": args.runs, "end_to_end": end_to_end(project, work / "dist")}
        print("export stages, in-process ...", flush=True)
        res["stages"] = stages(project, args.runs, work / "scratch")
    finally:
        shutil.rmtree(work)
    res["machine"] = {
        "nproc": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }
    print(report(res))
    if args.json:
        args.json.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
