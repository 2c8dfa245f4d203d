"""Event rules: answers checked against the dated events of the observation, by `cmr check`."""

from __future__ import annotations

from pathlib import Path

import pytest
from events_support import codes, event, events_project, write
from support import cmr_run


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A dataset with the made-up events codebook."""
    return events_project(tmp_path)


def test_windowed_no_with_event_inside_is_an_error_naming_the_event(project: Path) -> None:
    """A "no" for a windowed question while a listed event lies in the window fails the
    check, and the message names the event's id, type and date and the answer."""
    write(project, {"coup_ever": "yes"}, [event("putsch-91", "1991-05-15")])
    done = cmr_run(project, "check")
    assert done.returncode == 1
    line = next(ln for ln in done.stdout.splitlines() if "recent-no-but-coup" in ln)
    assert " error " in line and ":10:" in line
    for part in ("putsch-91", "coup_success", "1991-05-15", "'no'", "1988-12-31", "1993-12-31"):
        assert part in line


@pytest.mark.parametrize(
    ("date", "fires"),
    [
        ("1988-12-30", False),  # a day before the window opens
        ("1988-12-31", True),  # the window's first day
        ("1993-12-31", True),  # the reference moment itself
        ("1988", False),  # a year that only partly lies in the window
        ("1989", True),
        ("1988-12", False),
    ],
)
def test_window_edges(project: Path, date: str, fires: bool) -> None:
    """An event counts against "no" only when its whole date lies inside the window."""
    write(project, {"coup_ever": "yes"}, [event("c", date)])
    found = codes(cmr_run(project, "check").stdout)
    assert ("recent-no-but-coup" in found) is fires


def test_yes_without_any_event_is_a_warning(project: Path) -> None:
    """A "yes" with no listed event to support it is a warning, and the check still passes."""
    write(project, {"coup_recent": "yes", "coup_ever": "yes"}, [])
    done = cmr_run(project, "check")
    assert codes(done.stdout) == ["recent-yes-without-coup"]
    assert " warning " in done.stdout and "coup_success" in done.stdout
    assert done.returncode == 0


@pytest.mark.parametrize(
    ("events", "warned"),
    [
        ([event("old", "1980-02-02")], True),  # only before the window
        ([event("p", "1991-03-03", "purge")], True),  # an event of another type
        ([event("c", "1988", "coup_success")], False),  # may lie in the window: support
        ([event("c", "1992-07", "coup_success")], False),
    ],
)
def test_yes_needs_a_listed_event_that_can_lie_in_the_window(
    project: Path, events: list[dict[str, object]], warned: bool
) -> None:
    """Only a listed event type whose date overlaps the window supports a "yes"."""
    write(project, {"coup_recent": "yes", "coup_ever": "yes"}, events)
    found = codes(cmr_run(project, "check").stdout)
    assert ("recent-yes-without-coup" in found) is warned


def test_event_after_the_reference_moment_is_reported_and_does_not_count(project: Path) -> None:
    """An event dated after the reference moment is an error of its own and contradicts no
    answer: it belongs to a later year."""
    write(project, {}, [event("late", "1994-01-05")])
    done = cmr_run(project, "check")
    assert codes(done.stdout) == ["event-after-reference"]
    assert "late" in done.stdout and "1993-12-31" in done.stdout


def test_ever_window_reaches_back_without_limit(project: Path) -> None:
    """With `window: ever` an event decades earlier contradicts "no"; the windowed question
    is not affected."""
    write(project, {"regime_coup": "yes"}, [event("c58", "1958")])
    found = codes(cmr_run(project, "check").stdout)
    assert found == ["ever-no-but-coup"]


@pytest.mark.parametrize(
    ("attempt", "fires"),
    [("1991-02", False), ("1992-06-01", True), ("1993-02", True)],
)
def test_regime_window_starts_at_the_latest_regime_change(
    project: Path, attempt: str, fires: bool
) -> None:
    """With `window: regime` only events since the latest regime change count."""
    events = [
        event("new-regime", "1992-06-01", "regime_change"),
        event("a", attempt, "coup_attempt"),
    ]
    write(project, {}, events)
    found = codes(cmr_run(project, "check").stdout)
    assert ("regime-no-but-attempt" in found) is fires


def test_regime_window_without_a_regime_change_is_open(project: Path) -> None:
    """With no regime change recorded, every earlier attempt lies in the regime spell."""
    write(project, {}, [event("a", "1975", "coup_attempt")])
    assert codes(cmr_run(project, "check").stdout) == ["regime-no-but-attempt"]


def test_answers_the_rule_does_not_name_are_not_checked(project: Path) -> None:
    """A missing code is neither contradicted by an event nor in need of one."""
    write(
        project,
        {"coup_recent": "not_searched", "coup_ever": "yes", "regime_coup": "yes"},
        [event("c", "1990-01-01")],
    )
    assert codes(cmr_run(project, "check").stdout) == []


def test_event_anchored_unit_moves_the_window_to_as_of(project: Path) -> None:
    """For a unit with `as_of` the window ends at `as_of`: an event later in the year is
    reported as after the reference moment and does not contradict "no"."""
    events = [event("c", "1993-06-01")]
    write(project, {}, events, unit="war_outbreak", as_of="1993-03-01")
    assert codes(cmr_run(project, "check").stdout) == ["event-after-reference"]
    write(project, {}, events, unit="war_outbreak", as_of="1993-07-01")
    found = codes(cmr_run(project, "check").stdout)
    assert found == ["recent-no-but-coup", "ever-no-but-coup", "regime-no-but-attempt"]


def test_fixed_reference_date_of_the_unit_is_the_moment(tmp_path: Path) -> None:
    """A unit whose reference date is 1 July ends the window there, not on 31 December."""
    from events_support import CODEBOOK

    project = events_project(
        tmp_path, CODEBOOK.replace('reference_date: "12-31"', 'reference_date: "07-01"')
    )
    write(
        project,
        {"coup_recent": "yes", "coup_ever": "yes", "regime_coup": "yes"},
        [event("c", "1993-09-09")],
    )
    found = codes(cmr_run(project, "check").stdout)
    assert sorted(found) == ["event-after-reference", "recent-yes-without-coup"]


def test_rule_without_message_names_event_answer_and_window(tmp_path: Path) -> None:
    """An event rule may leave out `message`: the default names the event's id, type and
    date, the answer and the window."""
    from events_support import CODEBOOK

    block = (
        "    message: >-\n      {id} {variable} is {answer!r} but event {event} ({type}, {date})"
        " lies in the window\n      {low} to {high}\n"
    )
    assert block in CODEBOOK
    project = events_project(tmp_path, CODEBOOK.replace(block, "", 1))
    write(project, {"coup_ever": "yes", "regime_coup": "yes"}, [event("putsch", "1990-03")])
    done = cmr_run(project, "check")
    line = next(ln for ln in done.stdout.splitlines() if "recent-no-but-coup" in ln)
    for part in ("'no'", "putsch", "coup_success", "1990-03", "last_5_years", "1988-12-31"):
        assert part in line


def test_event_recorded_in_another_year_contradicts_a_no(project: Path) -> None:
    """A coup the 1992 file records contradicts the 1993 file's "no" too, also when only the
    1993 file is checked; the finding is on the 1993 answer and names the event."""
    yes = {"coup_recent": "yes", "coup_ever": "yes", "regime_coup": "yes"}
    write(project, yes, [event("putsch-92", "1992-05-15")], year=1992)
    write(project, {"regime_coup": "yes"}, [], year=1993)
    for args in (("check",), ("check", "observations/AZE/1993.yaml")):
        done = cmr_run(project, *args)
        found = [ln for ln in done.stdout.splitlines() if "1993.yaml" in ln]
        assert [ln.split()[2] for ln in found] == ["recent-no-but-coup", "ever-no-but-coup"]
        assert all("putsch-92" in ln and "1992-05-15" in ln for ln in found)
        assert all("recorded in observations/AZE/1992.yaml" in ln for ln in found)
        assert done.returncode == 1


def test_events_of_other_years_count_only_up_to_the_reference_moment(project: Path) -> None:
    """An event a later year's file records after this year's reference moment does not
    contradict this year's answer; one it records before does."""
    yes = {"coup_recent": "yes", "coup_ever": "yes", "regime_coup": "yes"}
    write(project, yes, [event("later", "1994-02-02")], year=1994)
    write(project, {"regime_coup": "yes"}, [], year=1993)
    assert codes(cmr_run(project, "check").stdout) == []
    write(project, yes, [event("later", "1994-02-02"), event("earlier", "1993-03")], year=1994)
    found = codes(cmr_run(project, "check").stdout)
    assert found == ["recent-no-but-coup", "ever-no-but-coup"]


@pytest.mark.parametrize(("attempt", "fires"), [("1991-02", False), ("1992-08", True)])
def test_regime_spell_may_start_in_another_years_file(
    project: Path, attempt: str, fires: bool
) -> None:
    """A regime change the 1992 file records starts the spell for 1993 too: an attempt the
    1993 file records before it does not contradict 1993's "no", one after it does."""
    yes = {"coup_recent": "yes", "coup_ever": "yes", "regime_coup": "yes"}
    changed = [event("new-regime", "1992-06-01", "regime_change"), event("c", "1990")]
    write(project, yes, changed, year=1992)
    recent = {"coup_recent": "yes", "coup_ever": "yes"}
    write(project, recent, [event("c", "1990"), event("a", attempt, "coup_attempt")], year=1993)
    found = codes(cmr_run(project, "check").stdout)
    assert ("regime-no-but-attempt" in found) is fires
