"""Observation fields driven by the codebook's sections: unit and `as_of`, citation tiers and
quotes, dated events, legacy answers; checked by `cmr check`."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from events_support import CITE, CODEBOOK, codes, event, events_project, write
from support import cmr_run


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A dataset with the made-up events codebook."""
    return events_project(tmp_path)


def _line(path: Path, needle: str) -> int:
    return next(i for i, ln in enumerate(path.read_text().splitlines(), 1) if needle in ln)


def test_a_complete_observation_is_clean(project: Path) -> None:
    """Unit, events with tiers and a quote, and a legacy answer pass the check."""
    cite = [{**CITE[0], "quote": "The army seized the capital."}]
    path = write(
        project,
        {"coup_recent": "yes", "coup_ever": "yes", "regime_coup": "yes"},
        [event("c", "1992-05", citations=cite)],
        unit="country_year",
    )
    data = yaml.safe_load(path.read_text())
    data["answers"]["coup_recent"]["legacy_answer"] = "no"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    done = cmr_run(project, "check")
    assert done.returncode == 0, done.stdout
    assert codes(done.stdout) == []


def test_as_of_for_a_fixed_date_unit_is_refused(project: Path) -> None:
    """`as_of` with the default unit (reference date 12-31) is an error at `as_of`."""
    path = write(project, {}, [], as_of="1993-06-01")
    done = cmr_run(project, "check")
    assert codes(done.stdout) == ["as-of-not-allowed"]
    assert f"1993.yaml:{_line(path, 'as_of:')}:1:" in done.stdout
    assert "war_outbreak" in done.stdout


def test_event_anchored_unit_requires_as_of(project: Path) -> None:
    """A unit that says `as_of: required` without `as_of` is an error at `unit`."""
    path = write(project, {}, [], unit="war_outbreak")
    done = cmr_run(project, "check")
    assert codes(done.stdout) == ["as-of-required"]
    assert f"1993.yaml:{_line(path, 'unit:')}:" in done.stdout


@pytest.mark.parametrize(
    ("citation", "field"),
    [
        ({"key": "curtis1995", "pages": "1"}, "tier"),
        ({"key": "curtis1995", "pages": "1", "tier": "rumour"}, "tier"),
        ({"key": "curtis1995", "tier": "primary", "quote": "Verbatim."}, "pages"),
    ],
)
def test_citation_tier_and_quote(project: Path, citation: dict[str, str], field: str) -> None:
    """A citation without a known tier, or with a quote but no pages, fails the schema."""
    answers = {"coup_ever": "yes", "regime_coup": "yes"}
    write(project, answers, [event("c", "1985", citations=[citation])])
    done = cmr_run(project, "check")
    assert done.returncode == 1
    assert len(codes(done.stdout)) == 1
    assert field in done.stdout


def test_unknown_unit_and_legacy_answer_off_the_scale(project: Path) -> None:
    """`unit` must be a unit of the codebook and `legacy_answer` a code of the scale."""
    path = write(project, {}, [], unit="decade")
    data = yaml.safe_load(path.read_text())
    data["answers"]["coup_ever"]["legacy_answer"] = "perhaps"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    done = cmr_run(project, "check")
    assert done.returncode == 1
    assert "decade" in done.stdout and "perhaps" in done.stdout


@pytest.mark.parametrize(
    ("date", "precision"),
    [
        ("1992-05", "day"),
        ("1992", "month"),
        ("1992-02-30", "day"),
        ("1992-13", "month"),
        ("0000", "year"),
    ],
)
def test_event_date_must_match_its_precision(project: Path, date: str, precision: str) -> None:
    """A date not written to its precision, or no calendar date, is an error at the date."""
    path = write(project, {}, [event("c", date, precision=precision)])
    done = cmr_run(project, "check")
    assert codes(done.stdout) == ["event-date-precision"]
    assert f"1993.yaml:{_line(path, 'date: ')}:" in done.stdout


def test_event_ids_unique_and_citations_known(project: Path) -> None:
    """An event id used twice and an event citing an unknown key are errors at their lines."""
    unknown = [{"key": "nobody1900", "pages": "2", "tier": "primary"}]
    write(project, {}, [event("c", "1950"), event("c", "1951", citations=unknown)])
    found = codes(cmr_run(project, "check").stdout)
    assert sorted(found) == sorted(
        [
            "event-id-duplicate",
            "event-citation-unknown-key",
            "ever-no-but-coup",
            "regime-no-but-attempt",
        ]
    )


def test_unknown_event_type_and_events_without_vocabulary(tmp_path: Path) -> None:
    """An event type the codebook does not list is refused; a codebook without `events`
    takes no `events` field."""
    project = events_project(tmp_path)
    write(project, {}, [event("c", "1950", "revolution")])
    assert "revolution" in cmr_run(project, "check").stdout
    bare = CODEBOOK.split("events:\n  precision")[0] + "windows:" + CODEBOOK.split("\nwindows:")[1]
    bare = bare.split("rules:\n")[0] + "changes:" + bare.split("\nchanges:")[1]
    other = events_project(tmp_path / "bare", bare)
    write(other, {}, [event("c", "1950")])
    done = cmr_run(other, "check")
    assert done.returncode == 1 and "events" in done.stdout


@pytest.mark.parametrize(
    "bad",
    [
        {"id": ["x"], "date": 1992, "precision": ["day"], "type": {"a": 1}, "citations": "none"},
        {"id": "x", "date": "1992", "precision": "year", "type": ["coup_success"]},
        "a coup",
        None,
    ],
)
def test_malformed_events_are_findings_not_crashes(project: Path, bad: object) -> None:
    """Events of the wrong shape are schema findings; the rules and checks skip them."""
    write(project, {}, [bad, event("c", "1990")])  # type: ignore[list-item]
    done = cmr_run(project, "check")
    assert done.returncode == 1
    assert "ever-no-but-coup" in codes(done.stdout)
    assert any(c in ("value-invalid", "field-type", "field-missing") for c in codes(done.stdout))


def test_legacy_answer_equal_to_the_answer_is_a_warning(project: Path) -> None:
    """A `legacy_answer` that repeats the answer records no change: a warning at its line."""
    path = write(project, {"coup_ever": "yes", "regime_coup": "yes"}, [event("c", "1950")])
    data = yaml.safe_load(path.read_text())
    data["answers"]["coup_ever"]["legacy_answer"] = "yes"
    data["answers"]["regime_coup"]["legacy_answer"] = "no"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    done = cmr_run(project, "check")
    assert codes(done.stdout) == ["legacy-answer-unchanged"]
    line = _line(path, "legacy_answer: 'yes'")
    assert f"1993.yaml:{line}:" in done.stdout
    assert done.returncode == 0


def test_event_at_the_end_of_the_calendar_is_after_the_moment(project: Path) -> None:
    """An event dated in December 9999 is reported as after the reference moment."""
    write(project, {}, [event("far", "9999-12")])
    assert codes(cmr_run(project, "check").stdout) == ["event-after-reference"]
