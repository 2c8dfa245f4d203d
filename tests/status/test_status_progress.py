"""`cmr status` and `cmr export` count the files they read on a terminal, and only there."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import cmr_run, make_project, run_on_terminal

NO_CACHE = {"CMR_NO_CACHE": "1"}  # every run reads every file, so the counter has work to show
FILES = 2000  # enough files for the counter to draw (it waits 0.1 s before its first line)


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("many"))
    folder = project / "observations" / "AZE"
    folder.mkdir()
    for year in range(1000, 1000 + FILES):
        (folder / f"{year}.yaml").write_text(f"country: Azerbaijan\nyear: {year}\n")
    return project


@pytest.mark.parametrize("command", [["status"], ["export", "--out", "out"]])
def test_counter_on_a_terminal(many: Path, command: list[str]) -> None:
    """On a terminal the command counts files on stderr and clears the line at the end."""
    stdout, terminal = run_on_terminal(many, *command, "-j", "1", env=NO_CACHE)
    assert f"/{FILES} files" in terminal and terminal.endswith("\r")
    assert "files" not in stdout.splitlines()[0]


def test_silent_for_programs(many: Path) -> None:
    """With --format json, or when stderr is not a terminal, nothing is drawn."""
    stdout, terminal = run_on_terminal(many, "status", "--format", "json", env=NO_CACHE)
    assert terminal == "" and stdout.startswith("{")
    assert cmr_run(many, "status").stderr == ""
