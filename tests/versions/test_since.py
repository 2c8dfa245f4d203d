"""`comparable_since(books)`: per variable, the earliest version its values compare with."""

from __future__ import annotations

from pathlib import Path

from versions_support import Data, new_version, only_released, question

from cmr.codebook import Codebooks
from cmr.versions import comparable_since


def test_released_versions_compare_since_the_first(project: Path) -> None:
    """1.0.0 -> 1.1.0 breaks nothing: every variable is comparable since 1.0.0."""
    only_released(project)
    since = comparable_since(Codebooks(project / "codebook"))
    assert set(since.values()) == {"1.0.0"}
    assert len(since) == 13


def test_breaking_change_resets_renamed_question_follows(project: Path) -> None:
    """A reworded question starts at the new version; a renamed one keeps its history; a new
    question starts where it appears."""

    def edit(d: Data) -> None:
        question(d, "Q5")["text"] = "Are there ideological requirements for senior officers?"
        question(d, "Q3")["variable"] = "leader_former_officer"
        d["questions"].append(dict(question(d, "Q1"), id="Q14", variable="new_q", text="New?"))

    new_version(project, edit, changes=["Q5 reworded."])
    since = comparable_since(Codebooks(project / "codebook"))
    assert since["officer_ideology_test"] == "1.2.0"
    assert since["leader_former_officer"] == "1.0.0"
    assert since["new_q"] == "1.2.0"
    assert since["coup_history"] == "1.0.0"
    assert "leader_ex_officer" not in since


def test_window_change_resets_its_questions(project: Path) -> None:
    """A window's years changed: the questions using it start again, the others do not."""
    new_version(project, lambda d: d["windows"]["last_5_years"].update(years=3))
    books = Codebooks(project / "codebook")
    since = comparable_since([books.get(v) for v in ("1.1.0", "1.2.0")])  # type: ignore[misc]
    assert since["repression_5y"] == since["officer_purge_5y"] == "1.2.0"
    assert since["coup_history"] == "1.1.0"
