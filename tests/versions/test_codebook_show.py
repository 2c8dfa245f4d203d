"""`cmr codebook show NAME`: ids and variables in any case; a did-you-mean for misspellings."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import cmr_run


@pytest.mark.parametrize("name", ["q8", "Q8", "repression_5y", "REPRESSION_5Y", "Repression_5y"])
def test_any_case_finds_the_question(project: Path, name: str) -> None:
    """q8, Q8 and the variable in any case show the same question."""
    done = cmr_run(project, "codebook", "show", name)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Q8  repression_5y")


@pytest.mark.parametrize(
    ("name", "suggestion"), [("represion_5y", "repression_5y"), ("coup_histroy", "coup_history")]
)
def test_misspelled_variable_suggests(project: Path, name: str, suggestion: str) -> None:
    """A misspelled variable is one line with a did-you-mean, exit 2."""
    done = cmr_run(project, "codebook", "show", name)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1
    assert f"did you mean {suggestion!r}?" in lines[0]


def test_unknown_id_lists_questions(project: Path) -> None:
    """An id no question has: exit 2 naming the questions."""
    done = cmr_run(project, "codebook", "show", "Q99")
    assert done.returncode == 2
    assert "is not a question of codebook 1.1.0" in done.stderr
    assert "regime_from_coup" in done.stderr
