"""`cmr crosscheck` on the repository's Azerbaijan observations and coup lists written here."""

from __future__ import annotations

import json
from pathlib import Path

from crosscheck_support import (
    add_to_observation,
    aze_project,
    cline_file,
    cline_row,
    kinds,
    pt_file,
    report,
)

Q1 = "answers.regime_from_coup.answer"
Q2 = "answers.coup_history.answer"
COUP_EVENT = "events.6.type"  # coup-june-1993 in observations/AZE/1993.yaml


def _run(run_cli, project: Path, *args: str):
    return run_cli("crosscheck", *args, "--format", "json", project=project)


def test_a_june_1993_success_agrees_with_answers_and_event(tmp_path, run_cli) -> None:
    """A successful coup row in June 1993 supports Q1 and Q2 yes and matches the coup event."""
    project = aze_project(tmp_path)
    pt = pt_file(tmp_path, "Azerbaijan 373 1993 6 4 2")
    done = _run(run_cli, project, "powell-thyne", str(pt), "--strict")
    assert done.exit_code == 0, done.output
    assert kinds(report(done), "1993.yaml") == [
        ("agree", COUP_EVENT, "1993-06-04"),
        ("agree", Q1, "1993-06-04"),
        ("agree", Q2, "1993-06-04"),
    ]
    item = next(i for i in report(done)["items"] if i["file"].endswith("1993.yaml"))
    assert item["external"][0]["where"].endswith("pt.txt:2")
    assert item["observed"].startswith("1993-06 coup_successful: Huseynov's forces")


def test_attempt_versus_success_is_a_disagreement(tmp_path, run_cli) -> None:
    """A source that calls the June 1993 coup failed disagrees with the recorded success;
    --strict then exits 1, without it 0; the yes answers lose their support (undecided)."""
    project = aze_project(tmp_path)
    pt = pt_file(tmp_path, "Azerbaijan 373 1993 6 4 1")
    done = _run(run_cli, project, "powell-thyne", str(pt))
    assert done.exit_code == 0
    assert kinds(report(done), "1993.yaml") == [
        ("disagree", COUP_EVENT, "1993-06-04"),
        ("undecided", Q1, ""),
        ("undecided", Q2, ""),
    ]
    assert kinds(report(done), "1992.yaml") == [  # 1993 rows say nothing before 1992
        ("undecided", "events", ""),
        ("undecided", Q2, ""),
    ]
    assert _run(run_cli, project, "powell-thyne", str(pt), "--strict").exit_code == 1


def test_unmentioned_rows_and_contradicted_no(tmp_path, run_cli) -> None:
    """A row the 1993 events lack is unmentioned; a 1991 success contradicts 1992's Q2 no."""
    project = aze_project(tmp_path)
    pt = pt_file(
        tmp_path,
        "Azerbaijan 373 1991 10 5 2",
        "Azerbaijan 373 1993 6 4 2",
        "Azerbaijan 373 1993 9 20 1",
    )
    data = report(_run(run_cli, project, "powell-thyne", str(pt)))
    assert ("unmentioned", "events", "1993-09-20") in kinds(data, "1993.yaml")
    assert kinds(data, "1992.yaml") == [("disagree", Q2, "1991-10-05")]
    assert data["summary"]["unmentioned"] == 1 and data["summary"]["disagree"] == 1


def test_acknowledged_disagreements_are_explained_and_stale_ones_reported(
    tmp_path, run_cli
) -> None:
    """An external_checks entry explains the row it dates; one that dates none is stale."""
    project = aze_project(tmp_path)
    add_to_observation(
        project / "observations" / "AZE" / "1993.yaml",
        "external_checks:\n"
        '  - source: powell-thyne\n    date: "1993-09"\n'
        "    reason: No source the coder read reports a September attempt.\n"
        '  - source: powell-thyne\n    date: "1980"\n    reason: Left from an old check.\n',
    )
    pt = pt_file(tmp_path, "Azerbaijan 373 1993 6 4 2", "Azerbaijan 373 1993 9 20 1")
    done = _run(run_cli, project, "powell-thyne", str(pt), "--strict")
    data = report(done)
    assert ("explained", "events", "1993-09-20") in kinds(data, "1993.yaml")
    explained = next(i for i in data["items"] if i["kind"] == "explained")
    assert explained["reason"] == "No source the coder read reports a September attempt."
    assert [i["pointer"] for i in data["items"] if i["kind"] == "stale"] == ["external_checks.1"]
    assert done.exit_code == 1  # the stale entry fails --strict


def test_an_unreadable_acknowledgement_is_a_located_error(tmp_path, run_cli) -> None:
    """An entry dated 1993-02-30 is a finding at its date, and the run exits 1."""
    project = aze_project(tmp_path)
    path = project / "observations" / "AZE" / "1993.yaml"
    add_to_observation(
        path, 'external_checks:\n  - source: powell-thyne\n    date: "1993-02-30"\n    reason: x\n'
    )
    done = run_cli("crosscheck", "powell-thyne", str(pt_file(tmp_path)), project=project)
    assert done.exit_code == 1
    line = path.read_text().splitlines().index('    date: "1993-02-30"') + 1
    assert f"1993.yaml:{line}:11: error crosscheck-acknowledgement-invalid" in done.output


def test_seven_day_rule_near_the_reference_moment(tmp_path, run_cli) -> None:
    """A success four days before 1992's reference moment (1992-01-01) had not held power
    seven days: Q2 no is undecided, not contradicted; twelve days before, it is."""
    project = aze_project(tmp_path)
    later = "Elsewhere 2 2000 1 1 1"  # the source covers 1991-2000
    recent = pt_file(tmp_path, "Azerbaijan 373 1991 12 28 2", later, name="recent.txt")
    older = pt_file(tmp_path, "Azerbaijan 373 1991 12 20 2", later, name="older.txt")
    assert kinds(report(_run(run_cli, project, "powell-thyne", str(recent))), "1992.yaml") == [
        ("undecided", Q2, "1991-12-28")
    ]
    assert kinds(report(_run(run_cli, project, "powell-thyne", str(older))), "1992.yaml") == [
        ("disagree", Q2, "1991-12-20")
    ]


def test_malformed_source_is_located_and_exits_1(tmp_path, run_cli) -> None:
    """Malformed rows are findings at file:line:column; the readable rows are still compared."""
    project = aze_project(tmp_path)
    pt = pt_file(tmp_path, "Azerbaijan 373 1993 6 4 2", "Azerbaijan 373 1993 13 4 2")
    done = run_cli("crosscheck", "powell-thyne", str(pt), project=project)
    assert done.exit_code == 1
    assert "pt.txt:3:21: error external-value-invalid" in done.output
    assert "agree event coup-june-1993" in done.output


def test_drafts_are_left_out_unless_asked(tmp_path, run_cli) -> None:
    """A draft is not compared (the summary says so) until --drafts is given."""
    project = aze_project(tmp_path)
    add_to_observation(project / "observations" / "AZE" / "1993.yaml", "status: draft\n")
    pt = pt_file(tmp_path, "Azerbaijan 373 1993 6 4 2")
    data = report(_run(run_cli, project, "powell-thyne", str(pt)))
    assert kinds(data, "1993.yaml") == [] and data["drafts_left_out"][0].endswith("1993.yaml")
    data = report(_run(run_cli, project, "powell-thyne", str(pt), "--drafts"))
    assert len(kinds(data, "1993.yaml")) == 3


def test_cline_rows_against_the_repository_data(tmp_path, run_cli) -> None:
    """With Cline rows, a 1992 coup supports 1993's yes answers; the June 1993 coup event,
    absent from these rows, is a disagreement; a conspiracy maps to coup_plot."""
    project = aze_project(tmp_path)
    rows = [cline_row(373, 1992, 3, 6, "coup"), cline_row(373, 1993, 11, 2, "conspiracy")]
    data = report(_run(run_cli, project, "cline", str(cline_file(tmp_path, *rows))))
    assert kinds(data, "1993.yaml") == [
        ("unmentioned", "events", "1993-11-02"),
        ("disagree", COUP_EVENT, ""),
        ("agree", Q1, "1992-03-06"),
        ("agree", Q2, "1992-03-06"),
    ]
    unmentioned = next(i for i in data["items"] if i["kind"] == "unmentioned")
    assert unmentioned["external"][0]["event_type"] == "coup_plot"
    assert unmentioned["external"][0]["ident"] == "37311021993"


def test_json_csv_and_text_say_the_same_and_repeat_byte_for_byte(tmp_path, run_cli) -> None:
    """JSON items, CSV rows and text lines match one to one; a second run is identical."""
    project = aze_project(tmp_path)
    pt = pt_file(tmp_path, "Azerbaijan 373 1993 6 4 1", "Azerbaijan 373 1993 9 20 1")
    args = ("crosscheck", "powell-thyne", str(pt))
    as_json = json.loads(run_cli(*args, "--format", "json", project=project).output)
    as_csv = run_cli(*args, "--format", "csv", project=project).output.splitlines()
    as_text = run_cli(*args, project=project).output
    assert as_csv[0].startswith("kind,file,line,column,pointer")
    assert len(as_csv) - 1 == len(as_json["items"]) > 0
    assert (
        sum(1 for ln in as_text.splitlines() if not ln.startswith(" ")) == len(as_json["items"]) + 1
    )  # and the summary line
    assert run_cli(*args, project=project).output == as_text


def test_json_is_the_library_report(tmp_path, run_cli) -> None:
    """`--format json` prints `crosscheck(...).to_dict()` of the documented function."""
    from cmr.crosscheck import crosscheck
    from cmr.project import Project, shown_relative_to_cwd

    project = aze_project(tmp_path)
    pt = pt_file(tmp_path, "Azerbaijan 373 1993 6 4 2", "Azerbaijan 373 1993 9 20 1")
    printed = report(_run(run_cli, project, "powell-thyne", str(pt)))
    made = crosscheck(Project.find(project), "powell-thyne", pt, show=shown_relative_to_cwd())
    assert printed == made.to_dict()
    assert made.counts()["unmentioned"] == 1 and made.failing() == 1


def test_a_missing_file_is_a_usage_error(tmp_path) -> None:
    """A FILE that does not exist is one line on stderr and exit 2, as a user runs it."""
    from support import cmr_run

    done = cmr_run(aze_project(tmp_path), "crosscheck", "powell-thyne", "nowhere.txt")
    assert done.returncode == 2 and len(done.stderr.splitlines()) == 1, done.stderr
    assert "nowhere.txt" in done.stderr


def test_an_unreadable_observation_is_a_located_error(tmp_path, run_cli) -> None:
    """A file that is not YAML is its yaml-syntax finding and exit 1; the others are compared."""
    project = aze_project(tmp_path)
    (project / "observations" / "AZE" / "1994.yaml").write_text("codebook: 1.2.0\nyear: [1994\n")
    pt = pt_file(tmp_path, "Azerbaijan 373 1993 6 4 2")
    done = run_cli("crosscheck", "powell-thyne", str(pt), project=project)
    assert done.exit_code == 1
    assert "1994.yaml:2:7: error yaml-syntax" in done.output
    assert "agree event coup-june-1993" in done.output


def test_a_codebook_without_event_rules_says_nothing_is_compared(tmp_path, run_cli) -> None:
    """An observation coded under 1.1.0 (no events, no event rules) is one undecided item."""
    from support import observation_data, write_observation

    project = aze_project(tmp_path)
    data = observation_data(project, iso3c="ARM", country="Armenia", cown=371, year=1995)
    write_observation(project, {**data, "codebook": "1.1.0"})
    pt = pt_file(tmp_path, "Azerbaijan 373 1993 6 4 2")
    assert kinds(report(_run(run_cli, project, "powell-thyne", str(pt))), "ARM/1995.yaml") == [
        ("undecided", "codebook", "")
    ]
