"""Places found by indentation are the places the YAML locator gives, without composing."""

from __future__ import annotations

from pathlib import Path

import pytest
from events_support import event, events_project, write
from support import REPO

from cmr import _yaml
from cmr.crosscheck._places import Places


def _paths(data: dict) -> list[tuple]:
    paths: list[tuple] = [("iso3c",), ("events",), ("external_checks",), ("nothing",)]
    for v in data.get("answers", {}):
        paths += [("answers", v, "answer"), ("answers", v, "evidence"), ("answers", v, "x")]
    for i, _ in enumerate(data.get("events") or []):
        paths += [("events", i, "type"), ("events", i, "actors"), ("events", i, "citations", 0)]
    for i, _ in enumerate(data.get("external_checks") or []):
        paths += [("external_checks", i), ("external_checks", i, "date")]
    return paths


def _files(tmp_path: Path) -> list[Path]:
    project = events_project(tmp_path)
    dumped = write(
        project,
        events=[event("a", "1990-03", "regime_change"), event("b", "1991")],
        external_checks=[
            {"source": "cline", "date": "1993-06", "reason": "One line."},
            {"source": "cline", "question": "T1", "reason": "Two\nlines."},
        ],
    )
    return [dumped, *sorted((REPO / "observations" / "AZE").glob("*.yaml"))]


@pytest.mark.parametrize("which", [0, 1, 2])
def test_places_equal_the_locator(tmp_path: Path, which: int) -> None:
    """Every path, found or not, block or flow, lands where the YAML locator puts it."""
    text = _files(tmp_path)[which].read_text(encoding="utf-8-sig")
    locator = _yaml.Locator.try_compose(text)
    assert locator is not None
    for path in _paths(_yaml.loads(text)):
        at = locator.position(path)
        assert Places(text).position(path) == (at.line, at.column), path


def test_answers_and_events_are_found_without_composing(tmp_path: Path) -> None:
    """The paths items point at are found by the scan alone (the locator is never built)."""
    text = (REPO / "observations" / "AZE" / "1993.yaml").read_text(encoding="utf-8")
    places = Places(text)
    for path in [("answers", "coup_history", "answer"), ("events", 6, "type"), ("events",)]:
        places.position(path)
    assert "_locator" not in places.__dict__
