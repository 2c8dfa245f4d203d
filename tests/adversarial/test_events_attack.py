"""Hostile event records against codebook 1.2.0's event rules, run as `cmr check`.

Each case writes 1.2.0 observations of one country whose answers and dated events contradict
each other (or nearly do) and asserts the findings a coder sees: an error for a "no" that a
dated event inside the window contradicts, nothing for an event that only may lie in it, a
warning for a "yes" with no event, and never a traceback for a malformed event.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from events_support import codes, event, events_project, write
from support import cmr_run, make_project, observation_data, write_observation

PURGE_NO = "purge-no-but-purge-event"
PURGE_YES = "purge-yes-without-purge-event"
COUP_NO = "coup-history-no-but-coup-event"
AFTER = "event-after-reference"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with every codebook version, so new observations are coded under 1.2.0."""
    return make_project(tmp_path, up_to=None)


def _event(i: int, date: str, precision: str, kind: str) -> dict[str, Any]:
    return {
        "id": f"event-{i}",
        "date": date,
        "precision": precision,
        "type": kind,
        "actors": ["The army command"],
        "outcome": "Officers were dismissed.",
        "citations": [{"key": "curtis1995", "pages": "12", "tier": "reference"}],
    }


def _observation(
    project: Path,
    year: int = 1993,
    events: list[tuple[str, str, str]] = (),  # type: ignore[assignment]
    relpath: str | None = None,
    **answers: str,
) -> Path:
    """A valid 1.2.0 observation of Azerbaijan; every answer 'no' unless named in `answers`;
    `events` as (date, precision, type)."""
    data = observation_data(project, year=year)
    data["answers"]["regime_coup_type"]["answer"] = "not_applicable"
    for entry in data["answers"].values():
        for citation in entry["citations"]:
            citation["tier"] = "reference"
    for variable, code in answers.items():
        data["answers"][variable]["answer"] = code
    if events:
        data["events"] = [_event(i, *e) for i, e in enumerate(events)]
    return write_observation(project, data, relpath)


def _codes(project: Path, *args: str) -> list[tuple[str, str]]:
    """(file, code) of each finding `cmr check` prints."""
    done = cmr_run(project, "check", *args)
    out = []
    for line in done.stdout.splitlines():
        parts = line.split(" ")
        if len(parts) > 2 and parts[1] in ("error", "warning"):
            out.append((parts[0].split(":")[0], parts[2]))
    return out


def test_clean_base_observation(project: Path) -> None:
    """The base observation checks clean, so each finding below comes from its events."""
    _observation(project)
    done = cmr_run(project, "check")
    assert done.returncode == 0, done.stdout


@pytest.mark.parametrize(
    ("date", "precision", "fires"),
    [
        ("1990-05", "month", True),
        ("1988-12-31", "day", True),  # the window's first day
        ("1993-12-31", "day", True),  # its last day, the reference moment
        ("1993", "year", True),  # the whole reference year
        ("1988-12-30", "day", False),  # the day before the window
        ("1988-12", "month", False),  # a month straddling the window's start
        ("1988", "year", False),  # a year straddling it
    ],
)
def test_windowed_no_against_a_dated_purge(
    project: Path, date: str, precision: str, fires: bool
) -> None:
    """A 'no' is an error only when the purge lies wholly inside the five-year window."""
    _observation(project, events=[(date, precision, "purge")])
    found = _codes(project)
    assert (("observations/AZE/1993.yaml", PURGE_NO) in found) is fires, found
    assert all(code != AFTER for _, code in found)


@pytest.mark.parametrize(("date", "precision"), [("1994-01-01", "day"), ("1994", "year")])
def test_event_after_reference_is_its_own_error(project: Path, date: str, precision: str) -> None:
    """An event after the reference moment is event-after-reference, not a contradiction."""
    _observation(project, events=[(date, precision, "purge")])
    assert _codes(project) == [("observations/AZE/1993.yaml", AFTER)]


@pytest.mark.parametrize(
    ("events", "warned"),
    [
        ([], True),
        ([("1988-12-30", "day", "purge")], True),  # just before the window
        ([("1990", "year", "coup_plot")], True),  # a type the rule does not list
        ([("1988", "year", "purge")], False),  # may lie in the window: support enough
        ([("1993-12-31", "day", "purge")], False),
    ],
)
def test_yes_needs_a_listed_event_in_the_window(
    project: Path, events: list[tuple[str, str, str]], warned: bool
) -> None:
    """A 'yes' with no purge that can lie in the window is a warning (not an error)."""
    _observation(project, events=events, officer_purge_5y="yes")
    found = _codes(project)
    assert (("observations/AZE/1993.yaml", PURGE_YES) in found) is warned, found
    assert cmr_run(project, "check").returncode == 0


def test_unlisted_event_type_does_not_contradict(project: Path) -> None:
    """A coup plot inside the window does not contradict a 'no' about purges."""
    _observation(project, events=[("1990", "year", "coup_plot"), ("1991", "year", "leader_change")])
    assert _codes(project) == []


def test_ever_window_reaches_decades_back(project: Path) -> None:
    """A successful coup decades before the reference moment contradicts coup_history 'no'."""
    _observation(project, events=[("1950-03-01", "day", "coup_successful")])
    assert ("observations/AZE/1993.yaml", COUP_NO) in _codes(project)


def test_event_in_a_later_years_file_contradicts_an_earlier_no(project: Path) -> None:
    """A purge the 1995 file records in 1994 is an error on 1994's 'no', naming the file."""
    _observation(project, year=1994)
    _observation(project, year=1995, events=[("1994-06", "month", "purge")], officer_purge_5y="yes")
    done = cmr_run(project, "check")
    assert done.returncode == 1
    line = next(ln for ln in done.stdout.splitlines() if PURGE_NO in ln)
    assert line.startswith("observations/AZE/1994.yaml:")
    assert "(recorded in observations/AZE/1995.yaml)" in line


def test_event_in_another_file_after_the_moment_does_not_count(project: Path) -> None:
    """A purge the 1995 file dates in 1995 says nothing about 1994's 'no'."""
    _observation(project, year=1994)
    _observation(project, year=1995, events=[("1995-06", "month", "purge")], officer_purge_5y="yes")
    assert _codes(project) == []


def test_other_years_event_checked_when_one_file_is_named(project: Path) -> None:
    """`cmr check FILE` still holds the file against events its country's other years record."""
    path = _observation(project, year=1994)
    _observation(project, year=1993, events=[("1992-06", "month", "purge")], officer_purge_5y="yes")
    found = _codes(project, str(path))
    assert ("observations/AZE/1994.yaml", PURGE_NO) in found


def test_yes_rests_on_the_files_own_events(project: Path) -> None:
    """As documented, a 'yes' is supported only by events its own file records (a warning)."""
    _observation(project, year=1993, events=[("1992-06", "month", "purge")], officer_purge_5y="yes")
    _observation(project, year=1994, officer_purge_5y="yes")
    found = _codes(project)
    assert found == [("observations/AZE/1994.yaml", PURGE_YES)]


def _war_outbreak(project: Path, as_of: str, events: list[tuple[str, str, str]]) -> Path:
    path = _observation(project, events=events)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["unit"] = "war_outbreak"
    data["as_of"] = as_of
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("1993-04-01", [PURGE_NO]),  # the day of the outbreak counts
        ("1988-04-01", [PURGE_NO]),  # the window's first day, five years before as_of
        ("1988-03-31", []),  # the day before it
        ("1993-04-02", [AFTER]),  # the day after the outbreak is later than the unit
    ],
)
def test_event_anchored_unit_moves_the_window(
    project: Path, date: str, expected: list[str]
) -> None:
    """With unit war_outbreak the window ends on as_of, not on 31 December."""
    _war_outbreak(project, "1993-04-01", [(date, "day", "purge")])
    assert [code for _, code in _codes(project)] == expected


def test_event_anchored_unit_without_as_of(project: Path) -> None:
    """An event-anchored unit without as_of is as-of-required, and no traceback."""
    path = _war_outbreak(project, "1993-04-01", [("1990", "year", "purge")])
    text = path.read_text(encoding="utf-8")
    path.write_text("\n".join(ln for ln in text.splitlines() if not ln.startswith("as_of")) + "\n")
    assert "as-of-required" in [code for _, code in _codes(project)]


@pytest.mark.parametrize(
    ("events", "code"),
    [
        ("events:\n", "field-type"),
        ("events: {a: 1}\n", "field-type"),
        ("events: hello\n", "field-type"),
        ("events:\n  - hello\n", "field-type"),
        ("events:\n  - {id: a, date: 1993, precision: year, type: purge}\n", "field-type"),
        ("events:\n  - {id: a, date: '1993-13', precision: month, type: purge}\n", None),
        ("events:\n  - {id: a, date: '1993-02-30', precision: day, type: purge}\n", None),
        ("events:\n  - {id: a, date: '0000', precision: year, type: purge}\n", None),
        ("events:\n  - {id: a, date: '1993', precision: week, type: purge}\n", "value-invalid"),
        ("events:\n  - {id: a, date: '1993', precision: [year], type: purge}\n", "value-invalid"),
        ("events:\n  - {id: a, date: '1990', precision: year, type: [purge]}\n", "value-invalid"),
        ("events:\n  - {id: a, date: '1990', precision: year, type: mutiny}\n", "value-invalid"),
        ("events:\n  - {id: a, date: '1990-05', precision: year, type: purge}\n", None),
        ("events:\n  - {id: a, date: '9999-12-31', precision: day, type: purge}\n", AFTER),
    ],
)
def test_malformed_event_is_a_finding(project: Path, events: str, code: str | None) -> None:
    """A malformed event is a located finding (exit 1), never a traceback or a crash."""
    path = _observation(project)
    path.write_text(path.read_text(encoding="utf-8") + events, encoding="utf-8")
    done = cmr_run(project, "check")
    assert done.returncode == 1 and done.stderr == ""
    codes = [c for _, c in _codes(project)]
    assert (code or "event-date-precision") in codes, done.stdout
    assert PURGE_NO not in codes  # an unreadable date never contradicts an answer


def test_duplicate_event_ids_are_reported_once(project: Path) -> None:
    """Two events with one id: event-id-duplicate at the second, the rule still applies."""
    _observation(project, events=[("1990", "year", "purge"), ("1991", "year", "purge")])
    path = project / "observations" / "AZE" / "1993.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("event-1", "event-0"))
    codes = [c for _, c in _codes(project)]
    assert codes.count("event-id-duplicate") == 1 and PURGE_NO in codes


@pytest.mark.parametrize(
    ("change", "attempt", "fires"),
    [
        ("1993", "1993-03", False),  # the change may have come later in 1993
        ("1992-06", "1992-06-15", False),  # or later in June 1992
        ("1992-06", "1992-07", True),
        ("1992", "1993-01", True),
        ("1992-06-01", "1992-06-01", True),  # the change's own day is in the spell
        ("1992-06-01", "1992-05-31", False),
    ],
)
def test_regime_window_with_imprecise_dates(
    tmp_path: Path, change: str, attempt: str, fires: bool
) -> None:
    """`window: regime` is an error only for an attempt surely within the current spell."""
    project = events_project(tmp_path)
    write(project, {}, [event("r", change, "regime_change"), event("a", attempt, "coup_attempt")])
    assert ("regime-no-but-attempt" in codes(cmr_run(project, "check").stdout)) is fires


def test_regime_change_year_in_another_file(tmp_path: Path) -> None:
    """A regime change the 1992 file dates only to 1992 does not make a 1992 attempt the 1993
    file records certain to fall in the spell; a 1993 attempt does."""
    project = events_project(tmp_path)
    yes = {"coup_recent": "yes", "coup_ever": "yes", "regime_coup": "yes"}
    write(project, yes, [event("r", "1992", "regime_change"), event("c", "1990")], year=1992)
    recent = {"coup_recent": "yes", "coup_ever": "yes"}
    write(project, recent, [event("c", "1990"), event("a", "1992-08", "coup_attempt")], year=1993)
    assert "regime-no-but-attempt" not in codes(cmr_run(project, "check").stdout)
    write(project, recent, [event("c", "1990"), event("a", "1993-02", "coup_attempt")], year=1993)
    assert "regime-no-but-attempt" in codes(cmr_run(project, "check").stdout)
