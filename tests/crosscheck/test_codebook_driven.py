"""A made-up codebook with other event type codes, a five-year window and a regime window:
the comparison follows its event rules, with nothing about the questions in the code."""

from __future__ import annotations

from crosscheck_support import kinds, pt_file, report
from events_support import event, events_project, write

SETTINGS = """\
[crosscheck.powell-thyne]
successful = "coup_success"
failed = "coup_attempt"
"""


def test_windows_and_types_come_from_the_codebook(tmp_path, run_cli) -> None:
    """T1 (five years) is undecided by a row straddling its first day and untouched by an
    older one; T2 (ever) is contradicted by both; T3 (since the 1990 regime change, attempts
    too) only by the 1991 failed attempt."""
    project = events_project(tmp_path / "data")
    (project / "cmr.toml").write_text(SETTINGS, encoding="utf-8")
    write(project, events=[event("new-regime", "1990-03", "regime_change")], year=1993)
    pt = pt_file(
        tmp_path,
        "Azerbaijan 373 1987 5 5 2",
        "Azerbaijan 373 1988 12 0 2",
        "Azerbaijan 373 1991 2 2 1",
        "Elsewhere 2 2000 1 1 1",
    )
    done = run_cli("crosscheck", "powell-thyne", str(pt), "--format", "json", project=project)
    assert done.exit_code == 0, done.output
    by_question = sorted(kinds(report(done)))
    assert by_question == [
        ("disagree", "answers.coup_ever.answer", "1987-05-05"),
        ("disagree", "answers.coup_ever.answer", "1988-12"),
        ("disagree", "answers.regime_coup.answer", "1991-02-02"),
        ("undecided", "answers.coup_recent.answer", "1988-12"),
    ]


def test_a_category_left_unmapped_is_not_compared(tmp_path, run_cli) -> None:
    """Without `failed` in the settings, failed attempts are neither contradictions nor
    unmentioned rows."""
    project = events_project(tmp_path / "data")
    (project / "cmr.toml").write_text(SETTINGS.replace('failed = "coup_attempt"\n', ""))
    write(project, events=[event("new-regime", "1990-03", "regime_change")], year=1993)
    pt = pt_file(tmp_path, "Azerbaijan 373 1991 2 2 1", "Azerbaijan 373 1993 5 2 1")
    data = report(
        run_cli("crosscheck", "powell-thyne", str(pt), "--format", "json", project=project)
    )
    assert [k[0] for k in kinds(data)] == ["agree", "agree", "agree"]


def test_a_yes_without_support_is_acknowledged_by_question(tmp_path, run_cli) -> None:
    """T1 yes with no success in a window the source covers disagrees; an entry naming the
    question (it has no row, so no date) explains it."""
    project = events_project(tmp_path / "data")
    (project / "cmr.toml").write_text(SETTINGS, encoding="utf-8")
    pt = pt_file(tmp_path, "Elsewhere 2 1980 1 1 1", "Elsewhere 2 2000 1 1 1")
    args = ("crosscheck", "powell-thyne", str(pt), "--format", "json")
    write(project, {"coup_recent": "yes"}, year=1993)
    assert ("disagree", "answers.coup_recent.answer", "") in kinds(
        report(run_cli(*args, project=project))
    )
    why = {"source": "powell-thyne", "question": "T1", "reason": "The list misses it."}
    write(project, {"coup_recent": "yes"}, year=1993, external_checks=[why])
    data = report(run_cli(*args, project=project))
    assert ("explained", "answers.coup_recent.answer", "") in kinds(data)
    assert data["summary"]["stale"] == 0
