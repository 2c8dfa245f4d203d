"""`cmr new --from-previous`: a draft carried forward from the country's latest earlier year."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from support import cmr_run, make_project, observation_data, write_observation


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = make_project(tmp_path)
    data = observation_data(root, year=1993, answer="yes", context="A war")
    data["answers"]["civmil_forum"]["answer"] = "no"
    write_observation(root, data)
    write_observation(root, observation_data(root, year=1990, answer="no"))
    return root


def _new(project: Path, year: int = 1995, *extra: str):
    return cmr_run(project, "new", "AZE", str(year), "--coder", "jdoe", "--from-previous", *extra)


def test_draft_copies_the_latest_earlier_year(project: Path) -> None:
    """Answers, evidence and citations come from 1993 (not 1990), each marked carried_from."""
    done = _new(project)
    assert done.returncode == 0, done.stderr
    made = yaml.safe_load((project / "observations/AZE/1995.yaml").read_text())
    old = yaml.safe_load((project / "observations/AZE/1993.yaml").read_text())
    assert made["status"] == "draft" and made["year"] == 1995 and made["context"] == "A war"
    for variable, entry in made["answers"].items():
        assert entry["answer"] == old["answers"][variable]["answer"]
        assert entry["evidence"] == old["answers"][variable]["evidence"]
        assert entry["citations"] == old["answers"][variable]["citations"]
        assert entry["carried_from"] == 1993


def test_windowed_questions_are_flagged_for_review(project: Path) -> None:
    """Only the questions with a window get needs_review, naming the years that moved."""
    from cmr.codebook import Codebooks

    _new(project)
    book = Codebooks(project / "codebook").latest
    made = yaml.safe_load((project / "observations/AZE/1995.yaml").read_text())
    flagged = {v for v, e in made["answers"].items() if "needs_review" in e}
    assert flagged == {q.variable for q in book.questions if q.window is not None}
    assert all("1994-1995 entered it" in made["answers"][v]["needs_review"] for v in flagged)


def test_carried_draft_checks_with_warnings_until_confirmed(project: Path) -> None:
    """The draft passes the check with one warning per open item; a final one fails."""
    _new(project)
    done = cmr_run(project, "check", "observations/AZE/1995.yaml", "--format", "json")
    assert done.returncode == 0, done.stdout
    report = json.loads(done.stdout)
    codes = {f["code"] for f in report["findings"]}
    assert codes == {"answer-carried", "answer-needs-review"}
    path = project / "observations/AZE/1995.yaml"
    path.write_text(path.read_text().replace("status: draft\n", ""))
    final = cmr_run(project, "check", "observations/AZE/1995.yaml")
    assert final.returncode == 1 and "error answer-carried" in final.stdout


def test_confirmed_file_is_clean(project: Path) -> None:
    """Deleting the carried_from and needs_review lines and the draft status leaves no finding."""
    _new(project)
    path = project / "observations/AZE/1995.yaml"
    kept = [
        line
        for line in path.read_text().splitlines(keepends=True)
        if not line.lstrip().startswith(("carried_from:", "needs_review:", "status:"))
    ]
    path.write_text("".join(kept))
    done = cmr_run(project, "check")
    assert done.returncode == 0, done.stdout


def test_no_earlier_year_is_a_usage_error(project: Path) -> None:
    """Nothing to carry forward from: one line, exit 2, nothing written."""
    done = _new(project, 1985)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and "no earlier year" in done.stderr
    assert not (project / "observations/AZE/1985.yaml").exists()


def test_unanswered_previous_question_starts_blank(project: Path) -> None:
    """A question the previous year left unanswered is blank in the draft, not carried."""
    path = project / "observations/AZE/1993.yaml"
    data = yaml.safe_load(path.read_text())
    data["status"] = "draft"
    data["answers"]["coup_history"]["answer"] = None
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    _new(project)
    made = yaml.safe_load((project / "observations/AZE/1995.yaml").read_text())
    assert made["answers"]["coup_history"]["answer"] is None
    assert "carried_from" not in made["answers"]["coup_history"]


def test_unreadable_previous_year_is_refused(project: Path) -> None:
    """A previous year that does not parse is named; nothing is written."""
    (project / "observations/AZE/1994.yaml").write_text("answers: [\n")
    done = _new(project)
    assert done.returncode == 1
    assert "1994.yaml" in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert not (project / "observations/AZE/1995.yaml").exists()


def test_never_overwrites(project: Path) -> None:
    """An existing file for the year is never replaced."""
    target = project / "observations/AZE/1995.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("mine\n")
    done = _new(project)
    assert done.returncode != 0 and target.read_text() == "mine\n"


def test_plain_template_shows_a_filled_citation(project: Path) -> None:
    """The blank template explains one filled-in answer, with a key of the bibliography."""
    cmr_run(project, "new", "AZE", "1996", "--coder", "jdoe")
    text = (project / "observations/AZE/1996.yaml").read_text()
    assert "#       - key: curtis1995" in text
    assert "# answer: yes | no | unknown | not_applicable | contested" in text
    assert yaml.safe_load(text)["answers"]["coup_history"]["answer"] is None


def test_previous_year_at_another_moment_is_flagged_for_review(project: Path) -> None:
    """Carrying from a year that describes another moment (an `as_of`) flags every answer."""
    path = project / "observations/AZE/1993.yaml"
    data = yaml.safe_load(path.read_text())
    data["as_of"] = "1993-06-30"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    _new(project)
    made = yaml.safe_load((project / "observations/AZE/1995.yaml").read_text())
    reasons = [e.get("needs_review", "") for e in made["answers"].values()]
    assert all("1993-06-30" in r and "1995-12-31" in r for r in reasons), reasons
