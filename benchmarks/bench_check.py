"""Benchmark `cmr check` against the targets of issue 2 ("Speed").

    python benchmarks/bench_check.py                   # 20,000 files, 5 runs (about 8 minutes)
    python benchmarks/bench_check.py --files 30 --runs 1 --jsonschema-runs 1 --single-runs 2

Measures, on a synthetic dataset made by `_synthetic.make_dataset` (cached in
benchmarks/.data/):

1. the full `cmr check` (the installed console script, run in the project folder), warm cache:
   median wall time of --runs runs;
2. `check-jsonschema --schemafile <committed schema> <every file>` on the same files (median of
   --jsonschema-runs runs, default 1: it takes minutes), and the ratio;
3. peak memory of the full check: max RSS of the parent and of each worker, sampled with psutil,
   plus their sum, and the largest single process from getrusage(RUSAGE_CHILDREN);
4. `cmr check` on one file, wall time including interpreter start-up (median of --single-runs),
   with `python -X importtime` and a check that pandas and pyarrow are not imported;
5. a per-file breakdown of the work, in-process on --breakdown-files files: read and decode,
   YAML parse, schema validation, the rest of `read_observation`, and one-off costs.

Prints a table (figure, measured, target, pass/fail) and, with --json PATH, writes the figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _synthetic import dataset_info, make_dataset, observation_files

TARGETS = {"full_s": 3.0, "ratio": 10.0, "memory_mb": 300.0, "single_ms": 150.0}


# --------------------------------------------------------------------------- helpers


def cmr_command() -> list[str]:
    """The installed `cmr` console script, or the CLI through this interpreter."""
    script = Path(sys.executable).parent / "cmr"
    if script.is_file():
        return [str(script)]
    found = shutil.which("cmr")
    return [found] if found else [sys.executable, "-c", "from cmr.cli import main; main()"]


def timed(cmd: Sequence[str], cwd: Path, *, expect: int | None = 0) -> float:
    """Wall time of one run of `cmd` in `cwd`, in seconds; checks the exit status."""
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True)
    elapsed = time.perf_counter() - start
    if expect is not None and proc.returncode != expect:
        tail = (proc.stdout + proc.stderr).decode("utf-8", "replace")[-2000:]
        raise SystemExit(f"{' '.join(cmd[:3])} ... exited {proc.returncode}:\n{tail}")
    return elapsed


def medians(cmd: Sequence[str], cwd: Path, runs: int) -> list[float]:
    return [timed(cmd, cwd) for _ in range(runs)]


def fmt_s(seconds: float) -> str:
    return f"{seconds:.2f} s" if seconds >= 1 else f"{seconds * 1000:.0f} ms"


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "date": dt.date.today().isoformat(),
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_before": os.getloadavg()[0],
        "commit": _git("rev-parse", "--short", "HEAD"),
        "dirty": bool(_git("status", "--porcelain", "--", "src", "codebook")),
    }


def _git(*args: str) -> str:
    try:
        return subprocess.run(
            ["git", *args],
            cwd=Path(__file__).resolve().parents[1],
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def chunks(args: list[str], budget: int) -> list[list[str]]:
    """Split `args` into lists whose total length stays under `budget` bytes (like xargs)."""
    out: list[list[str]] = [[]]
    size = 0
    for arg in args:
        if out[-1] and size + len(arg) + 1 > budget:
            out.append([])
            size = 0
        out[-1].append(arg)
        size += len(arg) + 1
    return out


# --------------------------------------------------------------------------- measurements


def verify_clean(cmr: list[str], project: Path) -> dict[str, Any]:
    """Run `cmr check --format json` once (also warms the page cache); no findings allowed."""
    proc = subprocess.run([*cmr, "check", "--format", "json"], cwd=project, capture_output=True)
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError:
        raise SystemExit(
            f"cmr check did not print JSON:\n{proc.stdout[-2000:]!r}\n{proc.stderr[-2000:]!r}"
        ) from None
    findings = data.get("findings", [])
    if proc.returncode != 0 or findings:
        shown = "\n".join(json.dumps(f, ensure_ascii=False) for f in findings[:10])
        raise SystemExit(
            f"the synthetic dataset is not clean (exit {proc.returncode}, "
            f"{len(findings)} findings):\n{shown}"
        )
    return data


def full_check(cmr: list[str], project: Path, runs: int) -> dict[str, Any]:
    """Every file read and checked (`--no-cache`); the OS page cache is warm."""
    times = medians([*cmr, "check", "--no-cache"], project, runs)
    return {"runs": times, "median_s": statistics.median(times), "min_s": min(times)}


def cached_check(cmr: list[str], project: Path, runs: int) -> dict[str, Any]:
    """A repeated `cmr check` with its result cache warm (no file changed since)."""
    subprocess.run([*cmr, "check"], cwd=project, stdout=subprocess.DEVNULL)
    times = medians([*cmr, "check"], project, runs)
    return {"runs": times, "median_s": statistics.median(times), "min_s": min(times)}


def jsonschema_check(
    project: Path, files: list[str], schema: str, runs: int, sample: int | None
) -> dict[str, Any]:
    exe = Path(sys.executable).parent / "check-jsonschema"
    exe_s = str(exe) if exe.is_file() else shutil.which("check-jsonschema")
    if exe_s is None:
        return {"skipped": "check-jsonschema is not installed"}
    chosen = files if not sample or sample >= len(files) else files[:sample]
    base = [exe_s, "--schemafile", schema]
    budget = max(
        65_536,
        min(os.sysconf("SC_ARG_MAX") // 2, 1_000_000)
        - sum(len(a) + 1 for a in base)
        - sum(len(k) + len(v) + 2 for k, v in os.environ.items()),
    )
    batches = chunks(chosen, budget)
    times = []
    for _ in range(runs):
        times.append(sum(timed([*base, *batch], project) for batch in batches))
    median = statistics.median(times)
    scale = len(files) / len(chosen)
    return {
        "runs": times,
        "median_s": median,
        "files": len(chosen),
        "invocations": len(batches),
        "extrapolated_s": median * scale,
        "extrapolated": scale != 1.0,
    }


_MEMORY_SCRIPT = """
import json, resource, subprocess, sys
proc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"returncode": proc.returncode, "maxrss_kb": usage.ru_maxrss}))
"""


def memory(cmr: list[str], project: Path) -> dict[str, Any]:
    """Peak RSS of the process tree of one full check (psutil sampling every 5 ms)."""
    out: dict[str, Any] = {}
    wrapped = subprocess.run(
        [sys.executable, "-c", _MEMORY_SCRIPT, *cmr, "check", "--no-cache"],
        cwd=project,
        stdout=subprocess.PIPE,
        check=True,
    )
    rusage = json.loads(wrapped.stdout)
    out["largest_process_mb"] = rusage["maxrss_kb"] / 1024
    try:
        import psutil
    except ImportError:
        out["sampled"] = False
        return out
    proc = psutil.Popen([*cmr, "check", "--no-cache"], cwd=project, stdout=subprocess.DEVNULL)
    peaks: dict[int, int] = {}
    peak_sum = 0
    while proc.poll() is None:
        total = 0
        try:
            tree = [proc, *proc.children(recursive=True)]
        except psutil.Error:
            break
        for p in tree:
            try:
                rss = p.memory_info().rss
            except psutil.Error:
                continue
            peaks[p.pid] = max(peaks.get(p.pid, 0), rss)
            total += rss
        peak_sum = max(peak_sum, total)
        time.sleep(0.005)
    proc.wait()
    parent = peaks.pop(proc.pid, 0)
    out.update(
        sampled=True,
        parent_mb=parent / 2**20,
        largest_worker_mb=max(peaks.values(), default=0) / 2**20,
        workers=len(peaks),
        tree_sum_mb=peak_sum / 2**20,
    )
    return out


def single_file(cmr: list[str], project: Path, path: str, runs: int) -> dict[str, Any]:
    timed([*cmr, "check", path], project)  # warm
    times = medians([*cmr, "check", path], project, runs)
    bare = medians([sys.executable, "-c", "pass"], project, max(5, runs // 2))
    imports = medians([sys.executable, "-c", "import cmr.cli"], project, max(5, runs // 2))
    return {
        "runs": times,
        "median_ms": statistics.median(times) * 1000,
        "min_ms": min(times) * 1000,
        "python_startup_ms": statistics.median(bare) * 1000,
        "import_cli_ms": statistics.median(imports) * 1000,
    }


_MARK = "@@cmr-bench-mark@@"


def import_times(
    code: str, cwd: Path, top: int = 10, *, after_mark: bool = False
) -> list[tuple[int, int, str]]:
    """(cumulative µs, self µs, module) of the `top` slowest imports of `python -c code`.

    With `after_mark`, only the imports after `code` writes `_MARK` to stderr count.
    """
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines = proc.stderr.splitlines()
    if after_mark and _MARK in lines:
        lines = lines[lines.index(_MARK) + 1 :]
    rows = []
    for line in lines:
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        self_us, cumulative, name = (part.strip() for part in line[12:].split("|"))
        rows.append((int(cumulative), int(self_us), name))
    rows.sort(reverse=True)
    return rows[:top]


_HEAVY_SCRIPT = """
import json, sys
from cmr.cli import cli
try:
    cli.main(["check", sys.argv[1]], prog_name="cmr")
except SystemExit:
    pass
heavy = ("pandas", "pyarrow", "numpy", "pandera", "matplotlib", "jsonschema", "ruamel")
print(json.dumps(sorted(m for m in heavy if m in sys.modules)))
"""


def heavy_imports(project: Path, path: str) -> dict[str, Any]:
    simple = subprocess.run(
        [
            sys.executable,
            "-c",
            "import cmr.cli, sys; from cmr.checking import check; "
            "print('pandas' in sys.modules, 'pyarrow' in sys.modules)",
        ],
        cwd=project,
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    ).stdout.split()
    after_check = json.loads(
        subprocess.run(
            [sys.executable, "-c", _HEAVY_SCRIPT, path],
            cwd=project,
            stdout=subprocess.PIPE,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    return {
        "import_pandas": simple[0] == "True",
        "import_pyarrow": simple[1] == "True",
        "after_one_file_check": after_check,
    }


def breakdown(project: Path, n: int, n_all: int, repeats: int = 5) -> dict[str, Any]:
    """Where the time goes, in-process on one core: µs per file for each stage, one-off costs.

    The stages of `read_observation` are timed one by one on the same `n` files; the whole
    serial pipeline is the public `check(files, jobs=1)` (rules, summaries and collection
    checks included), less its fixed cost (`check` of one file).
    """
    import cProfile
    import pstats

    from cmr import _yaml, countries
    from cmr.bibliography import load_bibliography
    from cmr.checking import check
    from cmr.codebook import Codebooks
    from cmr.discovery import discover
    from cmr.observation import _Findings, read_observation, read_text
    from cmr.project import Project
    from cmr.schema import validator as _validator

    old = Path.cwd()
    os.chdir(project)
    try:
        proj = Project.find()
        files = observation_files(Path("."))[:n]
        names = [str(f) for f in files]
        once: dict[str, float] = {}
        t0 = time.perf_counter()
        books = Codebooks(Path("codebook"))
        book = books.get(str(dataset_info(Path("."))["codebook"])) or books.latest
        validator = _validator(book)
        once["load codebook + build validator"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        bib = load_bibliography(Path("observations/references.bib"))
        once[f"load bibliography ({len(bib.entries)} entries)"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        found = discover([proj.observations_dir]).files
        once[f"discover ({len(found)} files)"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        for path in found:
            proj.display(path)
        once[f"project.display x {len(found)}"] = time.perf_counter() - t0
        keys = bib.keys
        today = dt.date.today()
        texts = [read_text(f, _Findings(str(f))) or "" for f in files]
        datas = [_yaml.loads(t) for t in texts]

        def stage(fn: Callable[[], object], count: int = len(files)) -> float:
            samples = []
            for _ in range(repeats):
                start = time.perf_counter()
                fn()
                samples.append(time.perf_counter() - start)
            return min(samples) / count * 1e6  # the least disturbed run, as timeit does

        stages: dict[str, float] = {}
        stages["read + decode"] = stage(lambda: [read_text(f, _Findings(str(f))) for f in files])
        stages["YAML parse (cmr._yaml.loads)"] = stage(lambda: [_yaml.loads(t) for t in texts])
        stages["schema validation (is_valid)"] = stage(
            lambda: [validator.is_valid(d) for d in datas]
        )
        observation = stage(
            lambda: [
                read_observation(f, books, display=str(f), citation_keys=keys, today=today)
                for f in files
            ]
        )
        stages["rest of read_observation"] = observation - sum(stages.values())

        def serial_check(chosen: list[str]) -> Any:
            return check(chosen, project=proj, jobs=1, cache=False)

        fixed = stage(lambda: serial_check(names[:1]), 1) * 1e-6
        serial = (
            (stage(lambda: serial_check(names), 1) * 1e-6 - fixed) / max(len(files) - 1, 1) * 1e6
        )
        display = once[f"project.display x {len(found)}"] / max(len(found), 1) * 1e6
        stages["rules, summary, collection checks"] = serial - observation - display
        stages["Project.display (in the parent, serial)"] = display
        stages["= check(files, jobs=1), per file"] = serial
        once["check() fixed cost (one file, in-process)"] = fixed
        detail = {
            "country lookup (countries.by_name)": stage(
                lambda: [countries.by_name(d["country"]) for d in datas]
            )
        }
        compare: dict[str, float] = {}
        try:
            import yaml

            loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
            compare["PyYAML CSafeLoader load"] = stage(
                lambda: [yaml.load(t, Loader=loader) for t in texts]
            )
        except ImportError:
            pass
        compare["PyYAML C compose (Locator: failing files only)"] = stage(
            lambda: [_yaml.Locator.try_compose(t) for t in texts]
        )
        try:
            import ryaml

            compare["ryaml.loads"] = stage(lambda: [ryaml.loads(t) for t in texts])
        except ImportError:
            pass
        compare["json.loads of the same data (a floor)"] = stage(
            lambda: [json.loads(j) for j in [json.dumps(d) for d in datas]]
        )
        profiler = cProfile.Profile()
        profiler.runcall(check, names, project=proj, jobs=1, cache=False)
        stats = pstats.Stats(profiler)
        top = sorted(stats.stats.items(), key=lambda kv: kv[1][2], reverse=True)[:15]  # type: ignore[attr-defined]
        profile = [
            (f"{Path(fn).name}:{line}({func})", tt / len(files) * 1e6, ct / len(files) * 1e6)
            for (fn, line, func), (_, _, tt, ct, _) in top
        ]
        mean_bytes = sum(len(t.encode()) for t in texts) / len(texts)
        return {
            "files": len(files),
            "mean_bytes": mean_bytes,
            "stages_us": stages,
            "detail_us": detail,
            "compare_us": compare,
            "once_s": once,
            "profile_us": profile,
            "n_all": n_all,
        }
    finally:
        os.chdir(old)


# --------------------------------------------------------------------------- report


def report(res: dict[str, Any]) -> str:
    n = res["files"]
    rows: list[tuple[str, str, str, str]] = []

    def row(figure: str, measured: str, target: str, ok: bool | None) -> None:
        rows.append((figure, measured, target, "-" if ok is None else ("PASS" if ok else "FAIL")))

    full = res["full"]
    cached = res["cached"]
    row(
        f"cmr check, {n} files, result cache warm (median of {len(cached['runs'])})",
        fmt_s(cached["median_s"]),
        f"<= {TARGETS['full_s']:.0f} s",
        cached["median_s"] <= TARGETS["full_s"],
    )
    row(
        f"cmr check --no-cache, {n} files, OS cache warm (median of {len(full['runs'])})",
        fmt_s(full["median_s"]),
        f"<= {TARGETS['full_s']:.0f} s",
        full["median_s"] <= TARGETS["full_s"],
    )
    row("  fastest run", fmt_s(full["min_s"]), "", None)
    js = res.get("jsonschema", {})
    if "median_s" in js:
        how = (
            f"median of {len(js['runs'])}"
            if not js["extrapolated"]
            else f"{js['files']} files x {n / js['files']:.1f}"
        )
        row(f"check-jsonschema, {n} files ({how})", fmt_s(js["extrapolated_s"]), "", None)
        ratio = js["extrapolated_s"] / full["median_s"]
        row(
            "  ratio check-jsonschema / cmr check",
            f"{ratio:.0f}x",
            f">= {TARGETS['ratio']:.0f}x",
            ratio >= TARGETS["ratio"],
        )
    mem = res["memory"]
    if mem.get("sampled"):
        row(
            f"peak RSS, process tree sum (parent + {mem['workers']} workers)",
            f"{mem['tree_sum_mb']:.0f} MB",
            f"< {TARGETS['memory_mb']:.0f} MB",
            mem["tree_sum_mb"] < TARGETS["memory_mb"],
        )
        row(
            "  parent / largest worker",
            f"{mem['parent_mb']:.0f} / {mem['largest_worker_mb']:.0f} MB",
            "",
            None,
        )
    row(
        "  largest process (getrusage RUSAGE_CHILDREN)",
        f"{mem['largest_process_mb']:.0f} MB",
        f"< {TARGETS['memory_mb']:.0f} MB",
        mem["largest_process_mb"] < TARGETS["memory_mb"],
    )
    one = res["single"]
    row(
        f"cmr check, 1 file, incl. start-up (median of {len(one['runs'])})",
        f"{one['median_ms']:.0f} ms",
        f"< {TARGETS['single_ms']:.0f} ms",
        one["median_ms"] < TARGETS["single_ms"],
    )
    row("  fastest run", f"{one['min_ms']:.0f} ms", "", None)
    row(
        "  python -c pass / python -c 'import cmr.cli'",
        f"{one['python_startup_ms']:.0f} / {one['import_cli_ms']:.0f} ms",
        "",
        None,
    )
    heavy = res["heavy"]
    clean = not (
        heavy["import_pandas"]
        or heavy["import_pyarrow"]
        or {"pandas", "pyarrow"} & set(heavy["after_one_file_check"])
    )
    row(
        "pandas/pyarrow not imported by check",
        "not imported" if clean else "IMPORTED",
        "not imported",
        clean,
    )

    widths = [
        max(len(r[i]) for r in [("figure", "measured", "target", "result"), *rows])
        for i in range(4)
    ]
    lines = []
    for r in [("figure", "measured", "target", "result"), *rows]:
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip())
        if len(lines) == 1:
            lines.append("  ".join("-" * w for w in widths))
    out = ["", *lines, ""]
    if "median_s" in js:
        how = f"{js['invocations']} invocation(s) on {js['files']} files, times summed" + (
            f", extrapolated linearly to {n} files" if js["extrapolated"] else ""
        )
        out.append(f"check-jsonschema: {how}.")
    if "failed" in js:
        out.append(f"check-jsonschema FAILED: {js['failed']}")
    out.append(f"cmr check runs (s): {', '.join(f'{t:.2f}' for t in full['runs'])}")
    if "runs" in js:
        out.append(f"check-jsonschema runs (s): {', '.join(f'{t:.1f}' for t in js['runs'])}")
    out.append(
        f"modules after a one-file check: {heavy['after_one_file_check'] or 'none'} "
        "(of pandas, pyarrow, numpy, pandera, matplotlib, jsonschema, ruamel)"
    )
    for title, key in (
        ("import cmr.cli", "importtime_cli"),
        ("a one-file cmr check, after import cmr.cli", "importtime_check"),
    ):
        out += [
            "",
            f"python -X importtime, {title}: top 10 cumulative",
            "  cumulative      self  module",
        ]
        out += [f"  {c / 1000:7.1f} ms {s / 1000:6.1f} ms  {name}" for c, s, name in res[key]]
    bd = res.get("breakdown")
    if bd:
        out += [
            "",
            f"Per-file breakdown, in-process, one core, {bd['files']} files "
            f"(mean {bd['mean_bytes'] / 1000:.1f} kB), best of 5:",
        ]
        total = bd["stages_us"]["= check(files, jobs=1), per file"]
        for name, us in bd["stages_us"].items():
            out.append(f"  {name:<52} {us / 1000:6.3f} ms  {100 * us / total:5.1f} %")
        for name, us in bd["detail_us"].items():
            out.append(f"  {'  of which ' + name:<52} {us / 1000:6.3f} ms")
        for name, us in bd["compare_us"].items():
            out.append(f"  {'(compare) ' + name:<52} {us / 1000:6.3f} ms")
        serial_parent = 0.0
        for name, s in bd["once_s"].items():
            out.append(f"  {'once: ' + name:<52} {fmt_s(s):>9}")
            if name.startswith(("discover", "project.display")):
                serial_parent += s
        cores = res["machine"]["nproc"] or 1
        parallel = total - bd["stages_us"]["Project.display (in the parent, serial)"]
        work = parallel * 1e-6 * n / cores
        model = one["median_ms"] / 1000 + serial_parent + work
        out.append(
            f"  model: one-file check {fmt_s(one['median_ms'] / 1000)} + discover and "
            f"display {fmt_s(serial_parent)} + {n} x {parallel / 1000:.3f} ms / {cores} "
            f"cores {fmt_s(work)} = {fmt_s(model)}; measured {fmt_s(full['median_s'])} "
            f"(fastest {fmt_s(full['min_s'])})"
        )
        out += [
            "",
            "cProfile of check(files, jobs=1): top 15 by own time, µs per file "
            "(profiling inflates Python-level costs)",
            "      own    cumul  function",
        ]
        out += [f"  {tt:7.1f}  {ct:7.1f}  {name}" for name, tt, ct in bd["profile_us"]]
    m = res["machine"]
    out += [
        "",
        f"{m['date']}, {m['nproc']} cores ({m['cpu']}), Python {m['python']}, {m['platform']}",
        f"cmr at {m['commit'] or '?'}{' + uncommitted changes' if m['dirty'] else ''}; "
        f"1-minute load average {m['load_before']:.2f} before, {os.getloadavg()[0]:.2f} "
        "after (other processes compete for the cores when it is above 0)",
    ]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=20_000, help="observation files")
    parser.add_argument("--runs", type=int, default=5, help="runs of the full cmr check")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--jsonschema-runs", type=int, default=1, help="runs of check-jsonschema (0: skip it)"
    )
    parser.add_argument(
        "--jsonschema-files",
        type=int,
        default=None,
        help="run check-jsonschema on the first N files only and extrapolate",
    )
    parser.add_argument("--single-runs", type=int, default=20, help="runs of the one-file check")
    parser.add_argument(
        "--breakdown-files",
        type=int,
        default=2_000,
        help="files for the in-process breakdown (0: skip it)",
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    project = make_dataset(n_files=args.files, seed=args.seed)
    print(f"dataset: {project} ({fmt_s(time.perf_counter() - start)} to make or find)", flush=True)
    files = [p.relative_to(project).as_posix() for p in observation_files(project)]
    schema = str(dataset_info(project)["schema"])
    cmr = cmr_command()
    res: dict[str, Any] = {"files": len(files), "machine": machine(), "command": cmr}

    print("checking that the dataset is clean (and warming the cache) ...", flush=True)
    verify_clean(cmr, project)
    print(f"full check x {args.runs} ...", flush=True)
    res["full"] = full_check(cmr, project, args.runs)
    res["cached"] = cached_check(cmr, project, args.runs)
    print("memory ...", flush=True)
    res["memory"] = memory(cmr, project)
    print(f"one file x {args.single_runs} ...", flush=True)
    res["single"] = single_file(cmr, project, files[0], args.single_runs)
    res["heavy"] = heavy_imports(project, files[0])
    res["importtime_cli"] = import_times("import cmr.cli", project)
    res["importtime_check"] = import_times(
        f"import sys; from cmr.cli import cli; print({_MARK!r}, file=sys.stderr, flush=True); "
        f"cli.main(['check', {files[0]!r}], prog_name='cmr', standalone_mode=False)",
        project,
        after_mark=True,
    )
    if args.breakdown_files:
        print(f"breakdown on {min(args.breakdown_files, len(files))} files ...", flush=True)
        res["breakdown"] = breakdown(project, args.breakdown_files, len(files))
    if args.jsonschema_runs:
        print(f"check-jsonschema x {args.jsonschema_runs} (slow) ...", flush=True)
        try:
            res["jsonschema"] = jsonschema_check(
                project, files, schema, args.jsonschema_runs, args.jsonschema_files
            )
        except SystemExit as exc:  # report what was measured, then the failure
            res["jsonschema"] = {"failed": str(exc)}
    print(report(res))
    if args.json:
        args.json.write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
