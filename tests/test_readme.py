"""The README documents every command, and its two commands are the ones CI runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cmr.cli import COMMANDS, cli

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_is_in_the_readme(name: str):
    """Each `cmr` command appears in the README with an example."""
    assert re.search(rf"^\s*cmr {re.escape(name)}\b", README, re.M), f"cmr {name} undocumented"


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_has_help(name: str):
    """Each command has a docstring shown by --help."""
    command = cli.get_command(None, name)  # type: ignore[arg-type]
    assert command is not None and command.help and len(command.help) > 40


def test_ci_runs_the_readme_test_command():
    """.ci/run installs the test extra and runs pytest, as the README's test command does."""
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install -e ".[test]" && python -m pytest' in README
    assert '-e ".[test]"' in ci and "python -m pytest" in ci
