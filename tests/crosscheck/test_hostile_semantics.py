"""The comparison at its edges, on a made-up codebook: the seven-day rule, the first and last
day of a window, month-precision dates straddling an edge, attempt against success,
Gleditsch & Ward against Correlates of War codes, and the Cline Center's categories."""

from __future__ import annotations

from pathlib import Path

import pytest
from crosscheck_support import cline_file, cline_row, kinds, pt_file, report
from events_support import event, events_project, write

PT_BOTH = '[crosscheck.powell-thyne]\nsuccessful = "coup_success"\nfailed = "coup_attempt"\n'
PT_SUCCESS = '[crosscheck.powell-thyne]\nsuccessful = "coup_success"\n'
CLINE = '[crosscheck.cline]\nrealized = "coup_success"\nattempted = "coup_attempt"\n'
COVER = ("Elsewhere 2 1950 1 1 1", "Elsewhere 2 2000 1 1 1")
T1 = "answers.coup_recent.answer"


def _project(tmp_path: Path, settings: str) -> Path:
    project = events_project(tmp_path / "data")
    (project / "cmr.toml").write_text(settings + CLINE, encoding="utf-8")
    return project


def _items(run_cli, project: Path, path: Path, source: str = "powell-thyne") -> list:
    done = run_cli("crosscheck", source, str(path), "--format", "json", project=project)
    assert done.exit_code == 0, done.output
    return kinds(report(done))


@pytest.mark.parametrize("settings", [PT_BOTH, PT_SUCCESS], ids=["failures-mapped", "not"])
def test_a_success_under_seven_days_old_decides_nothing(tmp_path, run_cli, settings) -> None:
    """A success four days before 31 December is undecided for every "no", whether or not
    failures are compared; seven days before, it contradicts them."""
    project = _project(tmp_path, settings)
    write(project)
    recent = pt_file(tmp_path, "X 373 1993 12 27 2", *COVER, name="recent.txt")
    week = pt_file(tmp_path, "X 373 1993 12 24 2", *COVER, name="week.txt")
    answers = [k for k in _items(run_cli, project, recent) if k[1].startswith("answers")]
    assert [k[0] for k in answers] == ["undecided"] * 3
    answers = [k for k in _items(run_cli, project, week) if k[1].startswith("answers")]
    assert [k[0] for k in answers] == ["disagree"] * 3


@pytest.mark.parametrize(
    ("row", "no", "yes"),
    [
        ("X 373 1988 12 31 2", "disagree", "agree"),  # the window's first day
        ("X 373 1988 12 30 2", "agree", "disagree"),  # the day before it
        ("X 373 1988 12 0 2", "undecided", "undecided"),  # December 1988 straddles it
        ("X 373 1988 0 0 2", "undecided", "undecided"),  # so does 1988
        ("X 373 1993 12 24 2", "disagree", "agree"),  # seven days before the last day
    ],
)
def test_the_edges_of_a_five_year_window(tmp_path, run_cli, row, no, yes) -> None:
    """T1 (five years to 1993-12-31, from 1988-12-31): a "no" and a "yes" against a
    success on, before or around the window's first day."""
    project = _project(tmp_path, PT_BOTH)
    path = pt_file(tmp_path, row, *COVER)
    write(project)
    assert [k[0] for k in _items(run_cli, project, path) if k[1] == T1] == [no]
    write(project, {"coup_recent": "yes"})
    assert [k[0] for k in _items(run_cli, project, path) if k[1] == T1] == [yes]


def test_a_month_straddling_the_reference_moment(tmp_path, run_cli) -> None:
    """At a war outbreak on 1993-06-15, a success dated June 1993 may fall after it: T1 and
    the events are undecided; one dated 20 June is after it and not compared at all."""
    project = _project(tmp_path, PT_BOTH)
    write(project, unit="war_outbreak", as_of="1993-06-15")
    june = pt_file(tmp_path, "X 373 1993 6 0 2", *COVER, name="june.txt")
    later = pt_file(tmp_path, "X 373 1993 6 20 2", *COVER, name="later.txt")
    assert sorted(_items(run_cli, project, june)) == [
        ("undecided", "answers.coup_ever.answer", "1993-06"),
        ("undecided", "answers.coup_recent.answer", "1993-06"),
        ("undecided", "answers.regime_coup.answer", "1993-06"),
        ("undecided", "events", "1993-06"),
    ]
    assert [k[0] for k in _items(run_cli, project, later)] == ["agree"] * 3


def test_attempt_against_success_both_ways(tmp_path, run_cli) -> None:
    """A recorded attempt where the list has a success, and the reverse, disagree; a month-
    precision event matches a day in its month; a fresh success matches either type."""
    project = _project(tmp_path, PT_BOTH)
    write(
        project,
        {"coup_recent": "yes", "coup_ever": "yes", "regime_coup": "yes"},
        [
            event("a", "1993-03-02", "coup_attempt"),
            event("b", "1993-05", "coup_success"),
            event("c", "1993-08-09", "coup_success"),
            event("d", "1993-12-28", "coup_attempt"),
        ],
    )
    path = pt_file(
        tmp_path,
        "X 373 1993 3 2 2",
        "X 373 1993 5 20 2",
        "X 373 1993 8 9 1",
        "X 373 1993 12 28 2",
        *COVER,
    )
    events = [k for k in _items(run_cli, project, path) if k[1].startswith("events")]
    assert events == [
        ("disagree", "events.0.type", "1993-03-02"),
        ("agree", "events.1.type", "1993-05-20"),
        ("disagree", "events.2.type", "1993-08-09"),
        ("agree", "events.3.type", "1993-12-28"),
    ]


def _germany(project: Path) -> None:
    """Germany 1993 (no events, every answer "no") under the made-up codebook."""
    path = write(project, iso3c="DEU", country="Germany", cown=255)
    (project / "observations" / "DEU").mkdir()
    path.rename(project / "observations" / "DEU" / "1993.yaml")


@pytest.mark.parametrize(
    ("source", "rows", "matched"),
    [
        ("powell-thyne", ["Germany 260 1993 5 2 1"], True),  # G&W: Germany is 260
        ("powell-thyne", ["Germany 255 1993 5 2 1"], False),  # COW's number is not G&W's
        ("cline", [cline_row(255, 1993, 5, 2, "attempted")], True),  # COW: Germany is 255
        ("cline", [cline_row(260, 1993, 5, 2, "attempted")], False),
    ],
)
def test_codes_are_read_in_the_source_system(tmp_path, run_cli, source, rows, matched) -> None:
    """Germany is 260 in Powell & Thyne (G&W) and 255 in the Cline Center list (COW): a row
    under the other system's number is not Germany's."""
    project = _project(tmp_path, PT_BOTH)
    _germany(project)
    if source == "cline":
        path = cline_file(tmp_path, *rows, cline_row(2, 1950, 1, 1, "attempted"))
    else:
        path = pt_file(tmp_path, *rows, *COVER)
    found = [k for k in _items(run_cli, project, path, source) if k[1] == "events"]
    assert found == ([("unmentioned", "events", "1993-05-02")] if matched else [])


def test_cline_categories(tmp_path, run_cli) -> None:
    """Realized is a success (undecided under seven days old), attempted a failure, and an
    unmapped conspiracy is neither a contradiction nor an unmentioned row."""
    project = _project(tmp_path, PT_BOTH)
    write(project, events=[event("a", "1993-03-02", "coup_attempt")])
    path = cline_file(
        tmp_path,
        cline_row(373, 1993, 3, 2, "attempted"),
        cline_row(373, 1993, 7, 1, "conspiracy"),
        cline_row(373, 1993, 12, 29, "coup"),
        cline_row(2, 1950, 1, 1, "attempted"),
    )
    assert sorted(_items(run_cli, project, path, "cline")) == [
        ("agree", "events.0.type", "1993-03-02"),
        ("disagree", "answers.regime_coup.answer", "1993-03-02"),  # an attempt under it
        ("undecided", "answers.coup_ever.answer", "1993-12-29"),
        ("undecided", "answers.coup_recent.answer", "1993-12-29"),
        ("undecided", "answers.regime_coup.answer", "1993-12-29"),
        ("unmentioned", "events", "1993-12-29"),
    ]


@pytest.mark.parametrize("source", ["powell-thyne", "cline"])
def test_a_repeated_row_is_compared_once(tmp_path, run_cli, source) -> None:
    """A row given twice (Cline: the same coup_id) is one unmentioned item and a warning at
    the repeat's line; the exit status stays 0."""
    project = _project(tmp_path, PT_BOTH)
    write(project)
    if source == "cline":
        row = cline_row(373, 1993, 5, 2, "attempted")
        path = cline_file(
            tmp_path, row, row.replace(",5,2,", ",5,3,"), cline_row(2, 1950, 1, 1, "attempted")
        )
    else:
        path = pt_file(tmp_path, "X 373 1993 5 2 1", "X 373 1993 5 2 1", *COVER)
    done = run_cli("crosscheck", source, str(path), "--format", "json", project=project)
    data = report(done)
    assert done.exit_code == 0
    assert [k for k in kinds(data) if k[1] == "events"] == [("unmentioned", "events", "1993-05-02")]
    assert [(f["code"], f["line"], f["severity"]) for f in data["findings"]] == [
        ("crosscheck-row-repeated", 3, "warning")
    ]


def test_a_codebook_with_the_event_types_but_no_rules(tmp_path, run_cli) -> None:
    """Without event rules no answer is compared; the year's events still are."""
    from events_support import CODEBOOK

    book = CODEBOOK.split("rules:\n")[0] + "changes:" + CODEBOOK.split("changes:")[1]
    project = events_project(tmp_path / "data", book)
    (project / "cmr.toml").write_text(PT_BOTH, encoding="utf-8")
    write(project, events=[event("a", "1993-03-02", "coup_attempt")])
    path = pt_file(tmp_path, "X 373 1993 3 2 2", "X 373 1993 7 1 1", *COVER)
    assert _items(run_cli, project, path) == [
        ("unmentioned", "events", "1993-07-01"),
        ("disagree", "events.0.type", "1993-03-02"),
    ]
