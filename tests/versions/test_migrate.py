"""`cmr migrate --to VERSION`: observation files moved to a made-up next codebook version."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from support import cmr_run, observation_data, write_observation
from versions_support import Data, base, new_version, only_released, question

from cmr import _yaml


def _observation(project: Path, year: int = 1993, **answers: str) -> Path:
    """A valid 1.1.0 observation; `answers` overrides some answers' codes (with a note)."""
    only_released(project)
    data = observation_data(project, year=year)
    for variable, code in answers.items():
        data["answers"][variable]["answer"] = code
        data["answers"][variable]["note"] = "Searched the country study and the press."
    return write_observation(project, data)


def _read(path: Path) -> Data:
    data: Data = _yaml.loads(path.read_text(encoding="utf-8"))
    return data


def _wording(d: Data) -> None:
    question(d, "Q5")["text"] = "Are there ideological requirements for senior officers?"


def test_rename_is_mechanical(project: Path) -> None:
    """A renamed variable moves the answer; the file stays final, comments stay."""
    path = _observation(project)
    text = path.read_text(encoding="utf-8").replace("answers:\n", "answers:  # reviewed\n")
    path.write_text(text, encoding="utf-8")
    new_version(project, lambda d: question(d, "Q3").update(variable="leader_former_officer"))
    done = cmr_run(project, "migrate", "--to", "1.2.0")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "migrated observations/AZE/1993.yaml: 1.1.0 -> 1.2.0" in done.stdout
    data = _read(path)
    assert data["codebook"] == "1.2.0" and "status" not in data
    assert "leader_ex_officer" not in data["answers"]
    assert data["answers"]["leader_former_officer"]["answer"] == "no"
    assert "needs_review" not in data["answers"]["leader_former_officer"]
    assert "answers:  # reviewed\n" in path.read_text(encoding="utf-8")
    assert cmr_run(project, "check").returncode == 0


def test_changed_meaning_becomes_draft_with_reason(project: Path) -> None:
    """A reworded question: its answer gets needs_review and previous; the file a draft."""
    path = _observation(project)
    new_version(project, _wording, changes=["Q5 reworded."])
    assert cmr_run(project, "migrate", "--to", "1.2.0").returncode == 0
    data = _read(path)
    assert data["status"] == "draft"
    answer = data["answers"]["officer_ideology_test"]
    assert answer["answer"] == "no"
    assert answer["needs_review"].startswith("codebook 1.1.0 -> 1.2.0 changed text")
    assert answer["previous"] == {"codebook": "1.1.0", "answer": "no"}
    assert all(
        "needs_review" not in a for v, a in data["answers"].items() if v != "officer_ideology_test"
    )
    checked = cmr_run(project, "check")
    assert checked.returncode == 0, checked.stdout
    assert "warning answer-needs-review Q5 officer_ideology_test" in checked.stdout


def _swap_unknown(d: Data) -> None:
    for m in d["scales"]["yes_no"]["missing"]:
        if m["code"] == "unknown":
            m["code"] = "not_found"
    for rule in d["rules"]:
        if rule["code"] == "unknown-without-note":
            rule["description"] = "not_found needs a note."


def test_mapped_code_is_rewritten(project: Path) -> None:
    """`map: unknown -> not_found` rewrites the answer and keeps the old code in previous."""
    path = _observation(project, coup_history="unknown")
    new_version(project, _swap_unknown, changes=["map: unknown -> not_found"])
    assert cmr_run(project, "migrate", "--to", "1.2.0").returncode == 0
    answer = _read(path)["answers"]["coup_history"]
    assert answer["answer"] == "not_found"
    assert answer["previous"] == {"codebook": "1.1.0", "answer": "unknown"}
    assert "needs_review" not in answer


def test_unmapped_removed_code_is_kept_as_previous(project: Path) -> None:
    """A removed code with no mapping: the answer is emptied, kept in previous, reviewed."""
    path = _observation(project, coup_history="unknown")
    new_version(project, _swap_unknown, changes=["yes_no: unknown is now not_found."])
    assert cmr_run(project, "migrate", "--to", "1.2.0").returncode == 0
    data = _read(path)
    answer = data["answers"]["coup_history"]
    assert answer["answer"] is None
    assert answer["previous"] == {"codebook": "1.1.0", "answer": "unknown"}
    assert "missing code unknown removed" in answer["needs_review"]
    assert data["status"] == "draft"
    assert "needs_review" not in data["answers"]["regime_from_coup"]  # a no keeps its meaning


def test_removed_question_answer_kept_in_notes(project: Path) -> None:
    """A removed question leaves `answers`; its answer, evidence and citations go to notes."""
    path = _observation(project)
    new_version(project, lambda d: d.update(questions=d["questions"][:-1]), changes=["Q13 gone."])
    done = cmr_run(project, "migrate", "--to", "1.2.0", "--dry-run")
    assert "  civmil_forum: question removed, its answer kept in notes" in done.stdout
    assert cmr_run(project, "migrate", "--to", "1.2.0").returncode == 0
    data = _read(path)
    assert "civmil_forum" not in data["answers"]
    assert data["notes"].startswith("Codebook 1.2.0 removed Q13 civmil_forum (Is there an")
    assert (
        "under 1.1.0 the answer was no (confidence medium). Evidence: Evidence for" in data["notes"]
    )
    assert data["notes"].endswith("Citations: curtis1995, 120-121.")
    assert cmr_run(project, "check").returncode == 0


def test_removed_answer_appended_to_coder_notes(project: Path) -> None:
    """Existing notes (a folded block) keep their text; the removed answer follows."""
    path = _observation(project)
    text = path.read_text(encoding="utf-8").replace(
        "answers:\n", "notes: >-\n  The coder's own\n  notes.\nanswers:\n"
    )
    path.write_text(text, encoding="utf-8")
    new_version(project, lambda d: d.update(questions=d["questions"][:-1]), changes=["Q13 gone."])
    assert cmr_run(project, "migrate", "--to", "1.2.0").returncode == 0
    notes = _read(path)["notes"]
    assert notes.startswith("The coder's own notes.\n\nCodebook 1.2.0 removed Q13 civmil_forum")


def test_answer_to_unknown_question_refuses_the_file(project: Path) -> None:
    """An answer to no question of its version: the file is refused, byte for byte; exit 1."""
    path = _observation(project)
    text = path.read_text(encoding="utf-8") + "  stray_question:\n    answer: 'no'\n"
    path.write_text(text, encoding="utf-8")
    new_version(project, _wording, changes=["Q5 reworded."])
    done = cmr_run(project, "migrate", "--to", "1.2.0")
    assert done.returncode == 1
    assert "refused observations/AZE/1993.yaml: answers stray_question" in done.stdout
    assert path.read_text(encoding="utf-8") == text


def test_declared_replacement_keeps_the_answer(project: Path) -> None:
    """`replace: civmil_forum -> defence_council` moves the answer to its successor."""
    path = _observation(project)

    def edit(d: Data) -> None:
        question(d, "Q13").update(id="Q14", variable="defence_council", text="A council?")

    new_version(project, edit, changes=["replace: civmil_forum -> defence_council"])
    assert cmr_run(project, "migrate", "--to", "1.2.0").returncode == 0
    answer = _read(path)["answers"]["defence_council"]
    assert answer["answer"] == "no"
    assert answer["previous"] == {"codebook": "1.1.0", "answer": "no", "variable": "civmil_forum"}
    assert "question replaced" in answer["needs_review"]


def test_new_question_added_unanswered(project: Path) -> None:
    """A new question is added unanswered and the file becomes a draft that checks clean."""
    path = _observation(project)

    def edit(d: Data) -> None:
        d["questions"].append(dict(question(d, "Q1"), id="Q14", variable="new_q", text="New?"))

    new_version(project, edit)
    assert cmr_run(project, "migrate", "--to", "1.2.0").returncode == 0
    data = _read(path)
    assert data["status"] == "draft"
    assert data["answers"]["new_q"]["answer"] is None
    assert "# Q14 New?" in path.read_text(encoding="utf-8")
    checked = cmr_run(project, "check")
    assert checked.returncode == 0, checked.stdout
    assert "warning answer-missing" in checked.stdout


def test_file_at_target_is_not_rewritten(project: Path) -> None:
    """A second run skips the file and leaves it byte for byte."""
    path = _observation(project)
    new_version(project, _wording, changes=["Q5 reworded."])
    cmr_run(project, "migrate", "--to", "1.2.0")
    once = path.read_bytes()
    done = cmr_run(project, "migrate", "--to", "1.2.0")
    assert "skipped observations/AZE/1993.yaml: already at 1.2.0" in done.stdout
    assert path.read_bytes() == once


def test_dry_run_writes_nothing(project: Path) -> None:
    """`--dry-run` shows each change and writes nothing."""
    path = _observation(project)
    before = path.read_bytes()
    new_version(project, _wording, changes=["Q5 reworded."])
    done = cmr_run(project, "migrate", "--to", "1.2.0", "--dry-run")
    assert done.returncode == 0
    assert "would migrate observations/AZE/1993.yaml: 1.1.0 -> 1.2.0" in done.stdout
    assert "  officer_ideology_test: needs review: changed text" in done.stdout
    assert done.stdout.splitlines()[-1].startswith("would migrate 1 file(s)")
    assert path.read_bytes() == before


def test_later_file_is_refused(project: Path) -> None:
    """Migrating to an earlier version is refused: migration only moves forward."""
    path = _observation(project)
    new_version(project, _wording, changes=["Q5 reworded."])
    cmr_run(project, "migrate", "--to", "1.2.0")
    done = cmr_run(project, "migrate", "--to", "1.1.0", str(path))
    assert done.returncode == 1
    assert "later than 1.1.0" in done.stdout


@pytest.mark.parametrize("version", ["9.9.9", "", "nope"])
def test_unknown_target_is_usage_error(project: Path, version: str) -> None:
    """An unknown --to version: one line on stderr, exit 2, nothing written."""
    _observation(project)
    done = cmr_run(project, "migrate", "--to", version)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1


def test_no_answer_is_lost(project: Path) -> None:
    """Several changes at once: every old answer is the new answer or previous.answer."""
    path = _observation(project, coup_history="unknown", officer_exclusion="contested")
    old = {v: a["answer"] for v, a in _read(path)["answers"].items()}

    def edit(d: Data) -> None:
        _wording(d)
        _swap_unknown(d)
        question(d, "Q3")["variable"] = "leader_former_officer"
        d["windows"]["last_5_years"]["years"] = 3

    new_version(project, edit, changes=["Q5, last_5_years and yes_no changed."])
    assert cmr_run(project, "migrate", "--to", "1.2.0").returncode == 0
    new = _read(path)["answers"]
    renamed = {"leader_ex_officer": "leader_former_officer"}
    for variable, code in old.items():
        answer = new[renamed.get(variable, variable)]
        assert code in (answer["answer"], answer.get("previous", {}).get("answer"))
    assert "changed last_5_years years" in new["repression_5y"]["needs_review"]


def test_mapped_confidence_is_rewritten(project: Path) -> None:
    """`map: medium -> moderate` renames a confidence level in every answer, mechanically."""
    path = _observation(project)

    def edit(d: Data) -> None:
        for level in d["confidence"]:
            if level["code"] == "medium":
                level["code"] = "moderate"

    new_version(project, edit, changes=["map: medium -> moderate"])
    assert cmr_run(project, "migrate", "--to", "1.2.0").returncode == 0
    data = _read(path)
    assert {a["confidence"] for a in data["answers"].values()} == {"moderate"}
    assert all("previous" not in a for a in data["answers"].values())
    assert "status" not in data
    assert cmr_run(project, "check").returncode == 0


def test_earlier_needs_review_is_kept(project: Path) -> None:
    """An answer already marked needs_review (a moved window) keeps that reason, plus ours."""
    path = _observation(project)
    text = path.read_text(encoding="utf-8").replace(
        "  officer_ideology_test:\n", "  officer_ideology_test:\n    needs_review: window moved\n"
    )
    path.write_text(text.replace("codebook: 1.1.0\n", "codebook: 1.1.0\nstatus: draft\n"))
    new_version(project, _wording, changes=["Q5 reworded."])
    assert cmr_run(project, "migrate", "--to", "1.2.0").returncode == 0
    answer = _read(path)["answers"]["officer_ideology_test"]
    assert answer["needs_review"].startswith("window moved; codebook 1.1.0 -> 1.2.0 changed text")


def test_missing_path_is_usage_error(project: Path) -> None:
    """A PATH that does not exist: one line, exit 2."""
    _observation(project)
    done = cmr_run(project, "migrate", "--to", "1.1.0", "observations/XXX/1990.yaml")
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1


def test_reference_moment_change_reviews_every_answer(project: Path) -> None:
    """A new reference moment concerns every answer: each gets needs_review."""
    path = _observation(project)

    def edit(d: Data) -> None:
        d["reference_moment"] = "Every observation describes the country on 30 June."

    new_version(project, edit, changes=["The reference_moment is 30 June."])
    assert cmr_run(project, "migrate", "--to", "1.2.0").returncode == 0
    answers = _read(path)["answers"].values()
    assert all("changed reference_moment" in a["needs_review"] for a in answers)


def test_seed_file_layout_is_kept(project: Path) -> None:
    """A real observation (folded evidence, comments, quoted codes) keeps every line but the
    ones the migration must change."""
    only_released(project)
    before = (Path(__file__).parent / "data" / "AZE-1993-1.1.0.yaml").read_text(encoding="utf-8")
    path = project / "observations" / "AZE" / "1993.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(before, encoding="utf-8")

    def edit(d: Data) -> None:
        _wording(d)
        _swap_unknown(d)
        question(d, "Q3")["variable"] = "leader_former_officer"

    new_version(project, edit, changes=["Q5 reworded.", "map: unknown -> not_found"])
    assert cmr_run(project, "migrate", "--to", "1.2.0").returncode == 0
    after = path.read_text(encoding="utf-8").splitlines()
    changed = {"codebook: 1.1.0", "    answer: unknown", "  leader_ex_officer:"}
    lost = [x for x in before.splitlines()[1:] if x not in changed and x not in after]
    assert lost == []
    assert after[0].endswith("observation-1.2.0.schema.json")
    assert "  leader_former_officer:" in after


def test_reviewed_provenance_is_replaced_by_the_next_migration(project: Path) -> None:
    """After review (needs_review deleted, previous kept), a second migration records the
    version just before it in previous; an unreviewed one is refused."""
    path = _observation(project)
    new_version(project, _wording, changes=["Q5 reworded."])
    cmr_run(project, "migrate", "--to", "1.2.0")
    data = base(project, "1.2.0")
    data.update(
        version="1.3.0",
        changes=[
            {"version": "1.3.0", "date": "2026-12-02", "summary": "Q5 reworded again."},
            *data["changes"],
        ],
    )
    question(data, "Q5")["text"] = "Is an oath to an ideology required of senior officers?"
    (project / "codebook" / "1.3.0.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    refused = cmr_run(project, "migrate", "--to", "1.3.0")
    assert refused.returncode == 1
    assert "is still under review from an earlier migration" in refused.stdout
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(x for x in lines if "needs_review" not in x), encoding="utf-8")
    assert cmr_run(project, "migrate", "--to", "1.3.0").returncode == 0
    answer = _read(path)["answers"]["officer_ideology_test"]
    assert answer["previous"] == {"codebook": "1.2.0", "answer": "no"}
    assert answer["needs_review"].startswith("codebook 1.2.0 -> 1.3.0 changed text")
