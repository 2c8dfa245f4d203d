"""Progress on long runs: a counter on a terminal's stderr, cleared at the end, and nothing at
all when stderr is not a terminal or the output is for a program."""

from __future__ import annotations

import io

import pytest
from support import cmr_run, make_project, observation_data, run_on_terminal, write_observation

from cmr.checking import check
from cmr.progress import INTERVAL, Counter, counter
from cmr.project import Project

FILES = 450  # above the engine's threshold for worker processes


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    """A dataset of FILES full observation files (their findings do not matter here)."""
    project = make_project(tmp_path_factory.mktemp("many"))
    folder = project / "observations" / "AZE"
    folder.mkdir()
    written = write_observation(project, observation_data(project))
    seed = written.read_text(encoding="utf-8")
    written.unlink()
    for year in range(1500, 1500 + FILES):
        observation = seed.replace("year: 1993\n", f"year: {year}\n")
        (folder / f"{year}.yaml").write_text(observation, encoding="utf-8")
    return project


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_counter_redraws_at_most_ten_times_a_second_and_clears():
    """Updates closer than INTERVAL are not drawn; closing clears the line it drew."""
    out, clock = io.StringIO(), Clock()
    progress = Counter("checking", stream=out, clock=clock)
    progress(1, 10)  # too soon after the start: a short run draws nothing
    clock.now += INTERVAL
    progress(2, 10)
    clock.now += INTERVAL / 2
    progress(3, 10)  # too soon after the last draw
    clock.now += INTERVAL
    progress(10, 10)
    progress.close()
    assert out.getvalue() == (
        "\rchecking 2/10 files\rchecking 10/10 files\r" + " " * len("checking 10/10 files") + "\r"
    )


def test_disabled_counter_and_short_run_write_nothing():
    """A disabled counter, and one closed before its first draw, write nothing."""
    out, clock = io.StringIO(), Clock()
    with Counter("checking", stream=out, enabled=False, clock=clock) as progress:
        clock.now += 1
        progress(1, 2)
    with Counter("checking", stream=out, clock=clock) as progress:
        progress(1, 2)
    assert out.getvalue() == ""


def test_counter_is_off_without_a_terminal_or_when_quiet():
    """`counter` draws only on a terminal, and never when asked to be quiet."""
    assert not counter("checking").enabled  # pytest's stderr is not a terminal
    assert not counter("checking", quiet=True).enabled


@pytest.mark.parametrize("jobs", [1, 2])
def test_check_reports_progress_and_finds_the_same(many, jobs):
    """The engine reports progress up to every file read, here or in workers, and finds the
    same as without progress."""
    calls: list[tuple[int, int]] = []
    project = Project.find(many)
    with_progress = check(
        project=project, jobs=jobs, cache=False, progress=lambda d, t: calls.append((d, t))
    )
    without = check(project=project, jobs=jobs, cache=False)
    assert with_progress.result.to_dict() == without.result.to_dict()
    assert calls[-1] == (FILES, FILES) and len(calls) > 1
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_check_on_a_terminal_shows_a_counter_and_clears_it(many):
    """On a terminal `cmr check` counts the files on stderr and clears the line at the end;
    stdout holds only the report."""
    stdout, terminal = run_on_terminal(many, "check", "--no-cache", "-j", "1")
    assert "\rchecking " in terminal and f"/{FILES} files" in terminal
    assert terminal.endswith("\r") and terminal.rstrip("\r ").endswith(f"/{FILES} files")
    assert "checking" not in stdout and stdout.endswith("warning(s)\n")


def test_check_is_silent_for_programs(many):
    """With --format json on a terminal, or with stderr not a terminal, nothing is drawn."""
    stdout, terminal = run_on_terminal(many, "check", "--no-cache", "--format", "json")
    assert terminal == "" and stdout.startswith("{")
    done = cmr_run(many, "check", "--no-cache", "-j", "1")
    assert done.stderr == ""
