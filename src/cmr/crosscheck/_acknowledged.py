"""Acknowledged disagreements: the observation's `external_checks` entries.

A coder who has weighed a source's row and kept a different coding says so in the
observation, so that the next run reports the disagreement as explained, not as an error:

    external_checks:
      - source: powell-thyne        # a source `cmr crosscheck` reads
        date: "1993-06"             # the row's date, as precise as you like (YYYY[-MM[-DD]])
        question: Q2                # optional: the question (id or variable) it concerns
        reason: Why the coding differs from the source, with the sources that say so.

An entry explains each disagreement or unmentioned row of its source whose dates overlap its
`date` (the row's, or the observation's event's) and that concerns its `question`; a "yes"
that no row supports has no date, so its entry names the question alone. An entry that
explains nothing is reported as `stale`; one that cannot be read is a finding.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from cmr import units
from cmr.catalogue import finding
from cmr.crosscheck._report import Item
from cmr.crosscheck._sources import SOURCES
from cmr.crosscheck._subject import Subject
from cmr.findings import Finding

FIELD = "external_checks"
PRECISION = {4: "year", 7: "month", 10: "day"}
OPEN = ("disagree", "unmentioned")


@dataclass(frozen=True)
class Ack:
    """One readable entry of `external_checks`."""

    index: int
    source: str
    span: tuple[dt.date, dt.date] | None
    question: str
    reason: str

    def explains(self, item: Item, dates: list[tuple[dt.date, dt.date]]) -> bool:
        if item.kind not in OPEN:
            return False
        if self.question and self.question.lower() not in (
            item.question.lower(),
            item.variable.lower(),
        ):
            return False
        if self.span is None:
            return bool(self.question)
        return any(a <= self.span[1] and b >= self.span[0] for a, b in dates)


def settle(s: Subject, items: list[Item], source: str) -> tuple[list[Item], list[Finding]]:
    """`items` with the acknowledged ones explained, plus a `stale` item for each entry of
    `source` that explains nothing; findings for entries that cannot be read."""
    acks, findings = _read(s)
    mine = [a for a in acks if a.source == source]
    used: set[int] = set()
    out = []
    for item in items:
        ack = next((a for a in mine if a.explains(item, _dates(s, item))), None)
        if ack is not None:
            used.add(ack.index)
            item = replace(item, kind="explained", reason=ack.reason)
        out.append(item)
    for a in mine:
        if a.index not in used:
            said = f"{FIELD} entry {a.index + 1} ({source}) explains no disagreement"
            out.append(s.item("stale", (FIELD, a.index), said, reason=a.reason))
    return out, findings


def _dates(s: Subject, item: Item) -> list[tuple[dt.date, dt.date]]:
    """The days an item is about: its rows' dates and the observation event's."""
    texts = [r.date for r in item.external]
    parts = item.pointer.split(".")
    events = s.data.get("events")
    if parts[0] == "events" and len(parts) > 1 and isinstance(events, list):
        texts.append(str(events[int(parts[1])].get("date", "")))
    return [d for d in (_span(t) for t in texts) if d is not None]


def _span(text: Any) -> tuple[dt.date, dt.date] | None:
    if not isinstance(text, str):
        return None
    precision = PRECISION.get(len(text))
    return units.span(text, precision) if precision else None


def _read(s: Subject) -> tuple[list[Ack], list[Finding]]:
    raw = s.data.get(FIELD)
    if raw is None:
        return [], []
    if not isinstance(raw, list):
        return [], [_bad(s, (FIELD,), "must be a list of entries")]
    acks, findings = [], []
    for i, entry in enumerate(raw):
        made = _entry(s, i, entry)
        if isinstance(made, Finding):
            findings.append(made)
        else:
            acks.append(made)
    return acks, findings


def _entry(s: Subject, i: int, entry: Any) -> Ack | Finding:
    if not isinstance(entry, dict):
        return _bad(s, (FIELD, i), "must be a mapping with source, date or question, and reason")
    source, date, question = entry.get("source"), entry.get("date"), entry.get("question")
    reason = entry.get("reason")
    if source not in SOURCES:
        return _bad(s, (FIELD, i, "source"), f"source must be one of: {', '.join(SOURCES)}")
    if not isinstance(reason, str) or not reason.strip():
        return _bad(s, (FIELD, i, "reason"), "needs a reason saying why the coding differs")
    span = _span(date)
    if date is not None and span is None:
        return _bad(
            s, (FIELD, i, "date"), f"date {date!r} is not a date YYYY, YYYY-MM or YYYY-MM-DD"
        )
    if date is None and not (isinstance(question, str) and question):
        return _bad(s, (FIELD, i), "needs the row's date or the question it concerns")
    named = question if isinstance(question, str) else ""
    return Ack(i, str(source), span, named, " ".join(reason.split()))


def _bad(s: Subject, path: tuple[str | int, ...], problem: str) -> Finding:
    item = s.item("stale", path, "")
    return finding(
        "crosscheck-acknowledgement-invalid",
        s.file,
        item.line,
        item.column,
        pointer=item.pointer,
        problem=problem,
    )
