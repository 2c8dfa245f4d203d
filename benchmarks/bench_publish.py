"""Benchmark publishing and the case universe, each the whole command as a user runs it.

    python benchmarks/bench_publish.py                  # 2,000 files, 5 runs each
    python benchmarks/bench_publish.py --files 200 --runs 2

On a copy of the synthetic dataset of `_synthetic.make_dataset` (see README.md here) without
its territories (countries without COW and G-W codes), with a made-up Correlates of War
membership file (every country of the dataset a member from 1816 on) and a made-up Powell &
Thyne coup list (one row per tenth country-year), it times, as subprocesses of the installed
`cmr`:

1. `cmr site --out <tmp>` (the whole website, from the checked dataset);
2. `cmr release VERSION --no-pdf` (check, export, codebook, zip), a new version each run;
3. `cmr coverage --format json` against the membership file;
4. `cmr crosscheck powell-thyne FILE --format json`;

and prints medians (and the fastest run) against the targets. `--json PATH` keeps the figures.
The membership and coup files are synthetic: they stand for the published formats only.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _synthetic import make_dataset, observation_files
from bench_pipeline import render, row, series

TARGETS = {"site_s": 10.0, "release_s": 6.0, "coverage_s": 1.0, "crosscheck_s": 2.0}

SETTINGS = """\
[universe]
system = "cow"
states = "states.csv"
first = {first}
last = {last}

[crosscheck.powell-thyne]
successful = "coup_successful"
failed = "coup_attempt_failed"

[release]
authors = ["Synthetic, Bench"]
"""


def prepared(source: Path, work: Path) -> Path:
    """A copy of the synthetic dataset with settings, a membership file, a coup list and a
    changelog; returns the copy's folder."""
    project = work / "dataset"
    shutil.copytree(source, project, ignore=shutil.ignore_patterns(".cmr_cache"))
    _states_only(project)
    years = sorted({int(p.stem) for p in observation_files(project)})
    (project / "cmr.toml").write_text(
        SETTINGS.format(first=years[0], last=years[-1]), encoding="utf-8"
    )
    _membership(project, years[-1])
    _coups(project)
    (project / "CHANGELOG.md").write_text(
        "# Changelog\n\n" + "".join(f"## 0.{n}.0\n\n- Bench run.\n\n" for n in range(1, 40)),
        encoding="utf-8",
    )
    return project


def _states_only(project: Path) -> None:
    """Leave out the territories (no COW or G-W code): no state system lists them."""
    from cmr.countries import by_iso3

    for folder in sorted(p for p in (project / "observations").iterdir() if p.is_dir()):
        country = by_iso3(folder.name)
        if country is None or country.cown is None or country.gwn is None:
            shutil.rmtree(folder)


def _membership(project: Path, last: int) -> None:
    from cmr.countries import by_iso3

    lines = ["stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version"]
    for iso3c in sorted({p.parent.name for p in observation_files(project)}):
        country = by_iso3(iso3c)
        if country is not None and country.cown is not None:
            name = country.name.replace(",", " ")
            lines.append(f"{iso3c},{country.cown},{name},1816,1,1,{last},12,31,2016")
    (project / "states.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _coups(project: Path) -> None:
    from cmr.countries import by_iso3

    lines = ["country\tccode\tyear\tmonth\tday\tcoup\tversion"]
    for i, path in enumerate(sorted(observation_files(project))):
        country = by_iso3(path.parent.name)
        if i % 10 == 0 and country is not None and country.gwn is not None:
            lines.append(
                f"{country.name}\t{country.gwn}\t{path.stem}\t6\t{1 + i % 28}\t{1 + i % 2}\t1"
            )
    (project / "coups.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def measure(project: Path, runs: int) -> list[dict]:
    out = project.parent / "site"
    versions = iter(f"0.{n}.0" for n in range(1, 40))
    release = ["release", "--no-pdf", "--out", str(project.parent / "dist")]
    return [
        row("cmr site", series(["site", "--out", str(out)], project, runs), TARGETS["site_s"], "s"),
        row(
            "cmr release --no-pdf",
            [
                series([*release[:1], next(versions), *release[1:]], project, 1)[0]
                for _ in range(runs)
            ],
            TARGETS["release_s"],
            "s",
        ),
        row(
            "cmr coverage",
            series(["coverage", "--format", "json"], project, runs),
            TARGETS["coverage_s"],
            "s",
        ),
        row(
            "cmr crosscheck powell-thyne",
            series(["crosscheck", "powell-thyne", "coups.tsv", "--format", "json"], project, runs),
            TARGETS["crosscheck_s"],
            "s",
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-publish-"))
    try:
        project = prepared(make_dataset(n_files=args.files, seed=args.seed), work)
        print(f"dataset: {project} ({args.files} files); load {os.getloadavg()[0]:.2f}")
        series(["check"], project, 1)  # warm the OS cache and the result cache
        rows = measure(project, args.runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(render(rows))
    print(f"load after: {os.getloadavg()[0]:.2f}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
