"""File checks on what codebook 1.2.0's sections add to an observation and the generated
schema cannot express: `as_of` against the unit of observation, the dated events (a date
written to its precision, not after the reference moment, ids used once, cited keys in the
bibliography) and legacy answers that record a change.

They are registered in `cmr.registry` and run, after the observation module's own checks,
by `cmr.observation.read_observation` (registered with its `file_scope_check`).
"""

from __future__ import annotations

from typing import Any

from cmr import units
from cmr.observation import Subject
from cmr.observation import file_scope_check as _registered


@_registered("unit", ("as-of-not-allowed", "as-of-required"))
def check_unit(s: Subject) -> None:
    """`as_of` is given exactly when the observation's unit says `as_of: required`."""
    unit = units.unit_of(s.book, s.data)
    if unit is None:
        return  # a codebook without units, or an unknown unit the schema reports
    if unit.as_of_required and "as_of" not in s.data:
        where = ("unit",) if "unit" in s.data else ()
        s.out.add("as-of-required", where, unit=unit.id)
    elif not unit.as_of_required and "as_of" in s.data:
        allowed = [u.id for u in s.book.units.values() if u.as_of_required]
        s.out.add(
            "as-of-not-allowed",
            ("as_of",),
            at_key=True,
            unit=unit.id,
            month_day=unit.reference_date,
            allowed=", ".join(allowed) or "none in this codebook",
        )


@_registered(
    "events",
    (
        "event-date-precision",
        "event-after-reference",
        "event-id-duplicate",
        "event-citation-unknown-key",
    ),
)
def check_events(s: Subject) -> None:
    """Each event's date matches its precision and does not follow the reference moment; ids
    are used once in the file; cited keys are in the bibliography."""
    events = s.data.get("events")
    if not s.book.events or not isinstance(events, list):
        return
    moment = units.reference_moment(s.book, s.data)
    first: dict[str, int] = {}
    for i, event in enumerate(events):
        if not isinstance(event, dict):
            continue  # the schema reports it
        name = event.get("id")
        if isinstance(name, str):
            if name in first:
                s.out.add("event-id-duplicate", ("events", i, "id"), event=name, first=first[name])
            first.setdefault(name, i)
        _date(s, event, i, moment)
        _citations(s, event, i)


def _date(s: Subject, event: dict[str, Any], i: int, moment: Any) -> None:
    date, precision = event.get("date"), event.get("precision")
    if not isinstance(date, str) or precision not in s.book.events.precision:
        return  # the schema reports a missing date or an unknown precision
    found = units.span(date, precision)
    where = ("events", i, "date")
    if found is None:
        shape = units.shape_of(precision)
        s.out.add(
            "event-date-precision",
            where,
            event=event.get("id"),
            date=date,
            precision=precision,
            shape=shape,
        )
    elif found[0] > moment:
        s.out.add(
            "event-after-reference",
            where,
            event=event.get("id"),
            type=event.get("type"),
            date=date,
            moment=moment.isoformat(),
        )


def _citations(s: Subject, event: dict[str, Any], i: int) -> None:
    citations = event.get("citations")
    if s.citation_keys is None or not isinstance(citations, list):
        return
    for j, citation in enumerate(citations):
        key = citation.get("key") if isinstance(citation, dict) else None
        if isinstance(key, str) and key not in s.citation_keys:
            s.out.add(
                "event-citation-unknown-key",
                ("events", i, "citations", j, "key"),
                event=event.get("id"),
                key=key,
                bibliography=s.bibliography,
            )


@_registered("legacy-answers", ("legacy-answer-unchanged",))
def check_legacy_answers(s: Subject) -> None:
    """A `legacy_answer` records a change: it differs from the answer it sits beside."""
    if s.book.lineage is None:
        return
    answers = s.data.get("answers")
    for variable, entry in answers.items() if isinstance(answers, dict) else ():
        if not isinstance(entry, dict) or "legacy_answer" not in entry:
            continue
        if entry["legacy_answer"] == entry.get("answer") and variable in s.book.by_variable:
            s.out.add(
                "legacy-answer-unchanged",
                ("answers", variable, "legacy_answer"),
                id=s.book.by_variable[variable].id,
                variable=variable,
                legacy=entry["legacy_answer"],
            )
