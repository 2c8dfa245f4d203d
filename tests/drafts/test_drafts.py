"""Drafts: work in progress is checked in full, its open items are warnings, and it stays out
of the panel; the same open items in a final observation are errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import cmr_run, make_project, observation_data, write_observation


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path)


def _codes(done, severity: str | None = None) -> list[str]:
    report = json.loads(done.stdout)
    return [f["code"] for f in report["findings"] if severity is None or f["severity"] == severity]


def _blank(project: Path, *extra: str) -> Path:
    done = cmr_run(project, "new", "AZE", "1994", "--coder", "jdoe", *extra)
    assert done.returncode == 0, done.stderr
    return project / "observations" / "AZE" / "1994.yaml"


def test_blank_template_is_a_draft_with_one_warning_per_question(project: Path) -> None:
    """A fresh template is a draft: one answer-missing warning per question, nothing else,
    and the dataset still exports."""
    _blank(project)
    done = cmr_run(project, "check", "--format", "json")
    assert done.returncode == 0
    assert _codes(done, "warning") == ["answer-missing"] * 13
    assert _codes(done, "error") == []


def test_final_file_unanswered_questions_are_errors(project: Path) -> None:
    """Without `status: draft` each unanswered question is one error and the check fails."""
    path = _blank(project)
    lines = path.read_text().splitlines(keepends=True)
    path.write_text("".join(x for x in lines if not x.startswith("status:")))
    done = cmr_run(project, "check", "--format", "json")
    assert done.returncode == 1, done.stdout
    assert _codes(done, "error") == ["answer-missing"] * 13
    assert _codes(done, "warning") == []


def test_draft_answers_given_are_checked_in_full(project: Path) -> None:
    """A draft's answered questions get every check: a bad answer is still an error."""
    data = observation_data(project, status="draft")
    data["answers"]["coup_history"]["answer"] = "maybe"
    del data["answers"]["civmil_forum"]
    write_observation(project, data)
    done = cmr_run(project, "check", "--format", "json")
    assert done.returncode == 1
    assert _codes(done, "error") == ["answer-not-in-scale"]
    assert _codes(done, "warning") == ["answer-missing"]


def test_missing_answer_entry_in_final_file_is_an_error_at_answers(project: Path) -> None:
    """A question left out of a final file is one error located at the `answers` key."""
    data = observation_data(project)
    del data["answers"]["civmil_forum"]
    write_observation(project, data)
    done = cmr_run(project, "check")
    assert done.returncode == 1
    assert "error answer-missing" in done.stdout
    assert "civmil_forum" in done.stdout
    assert done.stdout.count("error") == 2  # the finding and the summary line


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("carried_from", 1993, "answer-carried"),
        ("needs_review", "window moved", "answer-needs-review"),
    ],
)
def test_open_items_error_in_final_warning_in_draft(
    project: Path, field: str, value: object, code: str
) -> None:
    """Carried-forward and to-review answers are errors in a final file, warnings in a draft."""
    data = observation_data(project, year=1994)
    data["answers"]["repression_5y"][field] = value
    write_observation(project, data)
    final = cmr_run(project, "check", "--format", "json")
    assert final.returncode == 1 and _codes(final, "error") == [code]
    data["status"] = "draft"
    write_observation(project, data)
    draft = cmr_run(project, "check", "--format", "json")
    assert draft.returncode == 0 and _codes(draft, "warning") == [code]


def test_unknown_status_is_refused(project: Path) -> None:
    """`status` takes draft or final only."""
    write_observation(project, observation_data(project, status="done"))
    done = cmr_run(project, "check")
    assert done.returncode == 1 and "status" in done.stdout


def test_export_leaves_drafts_out_and_names_them(project: Path, tmp_path: Path) -> None:
    """The panel holds final observations only; the export says how many drafts, and which."""
    write_observation(project, observation_data(project, year=1993))
    write_observation(project, observation_data(project, year=1994, status="draft"))
    out = tmp_path / "dist"
    done = cmr_run(project, "export", "--out", str(out))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "export-drafts 1 draft observation(s) left out of the panel: " in done.stdout
    assert "observations/AZE/1994.yaml" in done.stdout
    rows = (out / "panel_wide.csv").read_text().splitlines()
    assert len(rows) == 2
    assert "1994" not in "".join(rows[1:])


def test_agreement_leaves_draft_codings_out(project: Path) -> None:
    """A draft independent coding counts nowhere in agreement, and the report names it."""
    for coder in ("ann", "bob"):
        data = observation_data(project, coder=coder)
        write_observation(project, data, f"AZE/1993/{coder}.yaml")
    draft = observation_data(project, coder="cy", status="draft", answer="yes")
    write_observation(project, draft, "AZE/1993/cy.yaml")
    done = cmr_run(project, "agreement", "--format", "json")
    report = json.loads(done.stdout)
    assert report["coders"] == ["ann", "bob"]
    assert [f["code"] for f in report["findings"]] == ["agreement-drafts"]
    assert "AZE/1993/cy.yaml" in report["findings"][0]["message"]


def test_field_to_fill_in_under_an_answer_is_a_warning_in_a_draft(project: Path) -> None:
    """A draft's answered question lacking a required field (confidence) is an open item, a
    warning; the same in a final file, or a missing top-level field in a draft, is an error."""
    data = observation_data(project, status="draft")
    del data["answers"]["coup_history"]["confidence"]
    write_observation(project, data)
    done = cmr_run(project, "check", "--format", "json")
    assert done.returncode == 0 and _codes(done, "warning") == ["field-missing"]
    del data["coded_on"]
    write_observation(project, data)
    assert _codes(cmr_run(project, "check", "--format", "json"), "error") == ["field-missing"]
    data["status"] = "final"
    write_observation(project, data)
    assert _codes(cmr_run(project, "check", "--format", "json"), "error") == ["field-missing"] * 2


def test_misspelt_field_of_an_unanswered_question_is_still_reported(project: Path) -> None:
    """An unknown field under an unanswered question is its own finding, not swallowed."""
    data = observation_data(project, status="draft")
    data["answers"]["coup_history"] = {"answer": None, "evidnce": "text"}
    write_observation(project, data)
    done = cmr_run(project, "check", "--format", "json")
    assert sorted(_codes(done)) == ["answer-missing", "field-unknown"]
