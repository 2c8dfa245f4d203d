"""Benchmark the check pipeline's targets, each the whole command as a user runs it.

    python benchmarks/bench_pipeline.py                  # 20,000 files, 5 runs each
    python benchmarks/bench_pipeline.py --files 200 --runs 2

On the synthetic dataset of `_synthetic.make_dataset` (see README.md here), it times, as
subprocesses of the installed `cmr` in the project folder:

1. `cmr check --no-cache` (every file read, OS cache warm);
2. `cmr check` with the result cache warm;
3. `cmr check <one file>` with the cache warm: the file is checked in its context (the
   country's other years are read from the cache), interpreter start-up included;
4. `cmr export --out <tmp>` end to end, all formats, with its peak memory (parent and workers,
   from getrusage of the children);

and prints medians (and the fastest run) against the targets. `--json PATH` keeps the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _synthetic import make_dataset, observation_files

TARGETS = {
    "uncached_s": 3.0,
    "cached_s": 0.5,
    "single_ms": 120.0,
    "export_s": 6.0,
    "export_mb": 1024.0,
    "status_s": 1.0,
}


def cmr() -> list[str]:
    """The installed console script, or the CLI through this interpreter."""
    script = Path(sys.executable).parent / "cmr"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "cmr.cli"]


def timed(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    """Wall time of one run; the command must succeed."""
    start = time.perf_counter()
    done = subprocess.run(
        [*cmr(), *args], cwd=cwd, capture_output=True, env={**os.environ, **(env or {})}
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"cmr {' '.join(args)} failed:\n{done.stdout.decode()[-2000:]}")
    return elapsed


def series(args: list[str], cwd: Path, runs: int, **kw: dict[str, str]) -> list[float]:
    return [timed(args, cwd, **kw) for _ in range(runs)]


def row(name: str, values: list[float], target: float, unit: str, scale: float = 1.0) -> dict:
    median = statistics.median(values) * scale
    return {
        "figure": name,
        "median": round(median, 3),
        "fastest": round(min(values) * scale, 3),
        "runs": len(values),
        "target": target,
        "unit": unit,
        "met": median <= target,
    }


def export_memory_mb(project: Path) -> float:
    """Peak RSS of one `cmr export` run (its largest process), in MB."""
    out = Path(tempfile.mkdtemp(prefix="bench-export-"))
    shutil.rmtree(out)
    code = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
        "capture_output=True); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *cmr(), "export", "--out", str(out)],
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
    )
    shutil.rmtree(out, ignore_errors=True)
    return int(done.stdout.strip()) / 1024


def measure(project: Path, runs: int) -> list[dict]:
    one = observation_files(project)[len(observation_files(project)) // 2]
    timed(["check"], project)  # warm the OS cache and the result cache
    rows = [
        row(
            "cmr check --no-cache",
            series(["check", "--no-cache"], project, runs),
            TARGETS["uncached_s"],
            "s",
        ),
        row("cmr check (cache warm)", series(["check"], project, runs), TARGETS["cached_s"], "s"),
        row("cmr status (cache warm)", series(["status"], project, runs), TARGETS["status_s"], "s"),
        row(
            f"cmr check {one.relative_to(project)} (with context)",
            series(["check", str(one.relative_to(project))], project, max(runs, 10)),
            TARGETS["single_ms"],
            "ms",
            1000.0,
        ),
    ]
    out = Path(tempfile.mkdtemp(prefix="bench-export-")) / "dist"
    rows.append(
        row(
            "cmr export (all formats)",
            series(["export", "--out", str(out)], project, runs),
            TARGETS["export_s"],
            "s",
        )
    )
    shutil.rmtree(out.parent, ignore_errors=True)
    rows.append(
        {
            "figure": "cmr export peak memory (largest process)",
            "median": round(export_memory_mb(project)),
            "fastest": None,
            "runs": 1,
            "target": TARGETS["export_mb"],
            "unit": "MB",
            "met": export_memory_mb(project) <= TARGETS["export_mb"],
        }
    )
    return rows


def render(rows: list[dict]) -> str:
    lines = ["| figure | median | fastest | target | met |", "| --- | --- | --- | --- | --- |"]
    for r in rows:
        fastest = "" if r["fastest"] is None else f"{r['fastest']} {r['unit']}"
        lines.append(
            f"| {r['figure']} | {r['median']} {r['unit']} | {fastest} | "
            f"≤ {r['target']} {r['unit']} | {'yes' if r['met'] else 'no'} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    project = make_dataset(n_files=args.files, seed=args.seed)
    print(f"dataset: {project} ({args.files} files); load {os.getloadavg()[0]:.2f}")
    rows = measure(project, args.runs)
    print(render(rows))
    print(
        f"load after: {os.getloadavg()[0]:.2f}; "
        f"this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB"
    )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
