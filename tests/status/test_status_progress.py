"""`cmr status` and `cmr export` count the files they read on a terminal, and only there."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from support import cmr_run, make_project

FILES = 2000  # enough files for the counter to draw (it waits 0.1 s before its first line)


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("many"))
    folder = project / "observations" / "AZE"
    folder.mkdir()
    for year in range(1000, 1000 + FILES):
        (folder / f"{year}.yaml").write_text(f"country: Azerbaijan\nyear: {year}\n")
    return project


def _on_terminal(project: Path, *args: str) -> tuple[str, str]:
    """Run `cmr ARGS` with stderr on a pseudo-terminal; (stdout, what the terminal got)."""
    master, slave = os.openpty()
    env = {**os.environ, "CMR_NO_CACHE": "1"}
    stdout = (project / "stdout.txt").open("wb")  # a file, not a pipe: nothing can fill up
    proc = subprocess.Popen(
        [sys.executable, "-c", "from cmr.cli import main; main()", *args],
        cwd=project,
        stdin=subprocess.DEVNULL,
        stdout=stdout,
        stderr=slave,
        env=env,
    )
    os.close(slave)
    seen = b""
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        seen += data
    proc.wait(timeout=120)
    stdout.close()
    os.close(master)
    return (project / "stdout.txt").read_text(encoding="utf-8"), seen.decode()


@pytest.mark.parametrize("command", [["status"], ["export", "--out", "out"]])
def test_counter_on_a_terminal(many: Path, command: list[str]) -> None:
    """On a terminal the command counts files on stderr and clears the line at the end."""
    stdout, terminal = _on_terminal(many, *command, "-j", "1")
    assert f"/{FILES} files" in terminal and terminal.endswith("\r")
    assert "files" not in stdout.splitlines()[0]


def test_silent_for_programs(many: Path) -> None:
    """With --format json, or when stderr is not a terminal, nothing is drawn."""
    stdout, terminal = _on_terminal(many, "status", "--format", "json")
    assert terminal == "" and stdout.startswith("{")
    assert cmr_run(many, "status").stderr == ""
