"""Codebook 1.2.0's optional sections: loaded as objects, checked where the meta-schema
cannot see, absent from 1.0.0 and 1.1.0."""

from __future__ import annotations

from pathlib import Path

import pytest
from events_support import CODEBOOK, events_project, write
from support import REPO, cmr_run

from cmr.codebook import Codebooks, load_codebook


def test_sections_are_read(tmp_path: Path) -> None:
    """Lineage, concepts, units, the default unit, source tiers and event types load."""
    book = load_codebook(events_project(tmp_path) / "codebook" / "0.3.0.yaml")
    assert book.lineage is not None and book.lineage.origin == "origin2018"
    assert book.concepts["coup"].sources == ("powell2011",)
    assert book.default_unit is not None and book.default_unit.reference_date == "12-31"
    assert book.units["war_outbreak"].as_of_required
    assert [t.code for t in book.source_tiers] == ["primary", "scholarly"]
    assert book.events.precision == ("day", "month", "year")
    assert book.events.types[0].concept == "coup"
    assert book.question("T3").concepts == ("coup", "regime")


@pytest.mark.parametrize("version", ["1.0.0", "1.1.0"])
def test_released_versions_declare_no_section(version: str) -> None:
    """The released codebooks load unchanged, with empty sections."""
    book = Codebooks(REPO / "codebook").get(version)
    assert book is not None
    assert (book.lineage, book.concepts, book.units, book.source_tiers) == (None, {}, {}, ())
    assert not book.events and book.default_unit is None


def _line_of(text: str, needle: str) -> int:
    return next(i for i, ln in enumerate(text.splitlines(), 1) if needle in ln)


def _edit(text: str, rule: str | None, old: str, new: str) -> str:
    """`text` with the first `old` after rule `rule`'s `code:` line (or anywhere) replaced."""
    at = text.index(f"- code: {rule}\n") if rule else 0
    assert old in text[at:]
    return text[:at] + text[at:].replace(old, new, 1)


@pytest.mark.parametrize(
    ("rule", "old", "new", "at", "words"),
    [
        (None, "concepts: [coup]\n", "concepts: [putsch]\n", "[putsch]", "concept 'putsch'"),
        (None, "concept: regime}", "concept: regimes}", "regimes}", "unknown concept 'regimes'"),
        (None, "default_unit: country_year", "default_unit: decade", "unit: decade", "not a unit"),
        (None, '"12-31"', '"02-29"', "02-29", "every year"),
        ("recent-no-but-coup", "[coup_success]", "[coup_win]", "[coup_win]", "not an event type"),
        ("ever-no-but-coup", "window: ever", "window: decade", "window: decade", "not `ever`"),
        ("regime-no-but-attempt", "    regime_events: [regime_change]\n", "", "regime-no", "needs"),
        ("ever-no-but-coup", 'when: "no"', 'when: "never"', '"never"', "not an answer to"),
        ("recent-yes-without-coup", "expect: absent", "expect: maybe", "maybe", "expect"),
    ],
)
def test_bad_section_is_a_located_codebook_finding(
    tmp_path: Path, rule: str | None, old: str, new: str, at: str, words: str
) -> None:
    """A name that does not exist, an impossible date or a bad rule parameter is a
    `codebook-invalid` finding on its line, and the check fails."""
    text = _edit(CODEBOOK, rule, old, new)
    project = events_project(tmp_path, text)
    write(project)
    done = cmr_run(project, "check")
    assert done.returncode == 1
    line = _line_of(text, at)
    hits = [ln for ln in done.stdout.splitlines() if "codebook-invalid" in ln]
    assert any(f"0.3.0.yaml:{line}:" in ln and words in ln for ln in hits), done.stdout


@pytest.mark.parametrize(
    ("old", "new", "at", "words"),
    [
        (
            "    as_of: required\n",
            '    as_of: required\n    reference_date: "01-01"\n',
            "  war_outbreak:",
            "not both or neither",
        ),
        ("    as_of: required\n", "", "  war_outbreak:", "not both or neither"),
        ("default_unit: country_year\n", "", "units:", "needs a `default_unit`"),
    ],
)
def test_units_say_their_reference_moment(
    tmp_path: Path, old: str, new: str, at: str, words: str
) -> None:
    """A unit with both or neither of a reference date and `as_of: required`, or units
    without a default, is a codebook finding on the unit's line that says what to write."""
    text = CODEBOOK.replace(old, new)
    project = events_project(tmp_path, text)
    write(project)
    done = cmr_run(project, "check")
    assert done.returncode == 1
    line = _line_of(text, at) + 1  # the finding points at the mapping's first key
    hits = [ln for ln in done.stdout.splitlines() if "codebook-invalid" in ln and words in ln]
    assert hits and f"0.3.0.yaml:{line}:" in hits[0], done.stdout


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("sources: [powell2011]", "sources: [powell2011, nobody1900]"),
        ("origin: origin2018", "origin: nobody1900"),
    ],
)
def test_codebook_citing_a_key_not_in_the_bibliography_fails(
    tmp_path: Path, old: str, new: str
) -> None:
    """A concept source or the lineage's origin missing from references.bib is an error on
    the codebook's line."""
    text = CODEBOOK.replace(old, new)
    project = events_project(tmp_path, text)
    write(project)
    done = cmr_run(project, "check")
    assert done.returncode == 1
    line = _line_of(text, "nobody1900")
    assert any(
        f"0.3.0.yaml:{line}:" in ln and "codebook-source-unknown" in ln and "nobody1900" in ln
        for ln in done.stdout.splitlines()
    ), done.stdout
