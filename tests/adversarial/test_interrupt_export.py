"""`cmr export` killed (SIGKILL) at every point of its work, through the `CMR_FAULT` hook.

Whatever the moment, `dist/` is either the complete previous panel or the complete new one,
byte for byte, and the next plain run succeeds and leaves nothing beside `dist/`. Each
scenario (a killed run, then a plain one, in a dataset of its own) is played once, several at
a time, by a module fixture; the tests then check one scenario each.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from adversarial_support import REPO, TIMEOUT, Ran, assert_unchanged, run_cmr, snapshot

from cmr.export._faults import POINTS

KILLS = [p for p in POINTS if p != "write"]
FIRST = ["before-publish", "after-publish"]  # kills during an export into no folder yet
PUBLISHED = ("after-publish", "mid-cleanup")  # the new panel is in place at these points
DATED = {"SOURCE_DATE_EPOCH": "1700000000"}
Files = dict[str, str]

pytestmark = pytest.mark.slow


@dataclass
class Played:
    """What one scenario left: dist/ before, after the kill and after the next run."""

    killed: int
    old: Files | None
    interrupted: Files | None
    rerun: Ran | AssertionError
    new: Files
    litter: list[str]
    before: Files
    after: Files


def copy_dataset(root: Path) -> Path:
    root.mkdir(parents=True)
    for name in ("codebook", "observations"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
    return root


def change(dataset: Path) -> None:
    """Reword one evidence text, so that the new panel differs from the old in every table."""
    path = dataset / "observations" / "AZE" / "1993.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("at the end of 1993", "at the close of 1993"), encoding="utf-8")


def killed_export(dataset: Path, point: str) -> int:
    """Run `cmr export` with a SIGKILL at `point`; the exit status (negative: the signal)."""
    env = {**os.environ, **DATED, "CMR_FAULT": f"export:{point}"}
    done = subprocess.run(
        [sys.executable, "-c", "from cmr.cli import main; main()", "export"],
        cwd=dataset,
        env=env,
        capture_output=True,
        timeout=TIMEOUT,
    )
    return done.returncode


def dist(dataset: Path) -> Files | None:
    return snapshot(dataset / "dist") if (dataset / "dist").exists() else None


def outside_dist(dataset: Path) -> Files:
    return {k: v for k, v in snapshot(dataset).items() if not k.startswith("dist/")}


def play(dataset: Path, point: str, previous: Path | None) -> Played:
    """Kill an export at `point` (over `previous`, or into no folder), then run it again."""
    if previous is not None:
        shutil.copytree(previous, dataset / "dist")
    old = dist(dataset)
    change(dataset)
    before = outside_dist(dataset)
    code = killed_export(dataset, point)
    interrupted = dist(dataset)
    try:
        rerun: Ran | AssertionError = run_cmr("export", cwd=dataset, env=DATED)
    except AssertionError as exc:  # a traceback: reported by the test, not the fixture
        rerun = exc
    litter = sorted(n for n in os.listdir(dataset) if n.startswith(".dist"))
    new = dist(dataset) or {}
    return Played(code, old, interrupted, rerun, new, litter, before, outside_dist(dataset))


@pytest.fixture(scope="module")
def played(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, bool], Played]:
    """Every scenario, keyed by (point, whether a previous export was there)."""
    base = tmp_path_factory.mktemp("interrupt")
    template = copy_dataset(base / "template")
    assert run_cmr("export", cwd=template).code == 0
    scenarios = [(p, True) for p in KILLS] + [(p, False) for p in FIRST]

    def one(scenario: tuple[str, bool]) -> Played:
        point, over = scenario
        dataset = copy_dataset(base / f"{point}-{over}")
        return play(dataset, point, template / "dist" if over else None)

    with ThreadPoolExecutor(max_workers=3) as pool:
        return dict(zip(scenarios, pool.map(one, scenarios), strict=True))


def rerun_ok(outcome: Played) -> None:
    if isinstance(outcome.rerun, AssertionError):
        raise outcome.rerun
    assert outcome.rerun.code == 0, outcome.rerun.text


@pytest.mark.parametrize("point", KILLS)
def test_kill_leaves_the_old_or_the_new_panel(
    played: dict[tuple[str, bool], Played], point: str
) -> None:
    """A SIGKILL at any point leaves dist/ the complete old or complete new panel; the next
    run succeeds, writes the new panel and cleans up what the killed one left beside dist/."""
    outcome = played[point, True]
    assert outcome.killed == -signal.SIGKILL
    rerun_ok(outcome)
    assert outcome.new != outcome.old and set(outcome.new) == set(outcome.old or {})
    assert outcome.interrupted == (outcome.new if point in PUBLISHED else outcome.old)
    assert outcome.litter == []
    assert_unchanged(outcome.before, outcome.after)


@pytest.mark.parametrize("point", FIRST)
def test_kill_of_a_first_export(played: dict[tuple[str, bool], Played], point: str) -> None:
    """Killed during a first export, dist/ is either absent or complete; the next run
    writes it and cleans up beside it."""
    outcome = played[point, False]
    assert outcome.killed == -signal.SIGKILL
    rerun_ok(outcome)
    assert outcome.interrupted == (outcome.new if point in PUBLISHED else None)
    assert outcome.litter == []
    assert_unchanged(outcome.before, outcome.after)
