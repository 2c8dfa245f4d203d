"""The `external_checks` entries of an observation, read and checked.

Each entry names a source `cmr crosscheck` reads, the date of the source's row (`YYYY`,
`YYYY-MM` or `YYYY-MM-DD`, a calendar date) or the question it concerns, and a reason. An
entry that does not is a finding (`crosscheck-acknowledgement-invalid`) at its place, and
explains nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
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


def span_of(text: Any) -> tuple[dt.date, dt.date] | None:
    if not isinstance(text, str):
        return None
    precision = PRECISION.get(len(text))
    return units.span(text, precision) if precision else None


def read_entries(s: Subject) -> tuple[list[Ack], list[Finding]]:
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
    source, date, reason = entry.get("source"), entry.get("date"), entry.get("reason")
    if not isinstance(source, str) or source not in SOURCES:
        return _bad(s, (FIELD, i, "source"), f"source must be one of: {', '.join(SOURCES)}")
    if not isinstance(reason, str) or not reason.strip():
        return _bad(s, (FIELD, i, "reason"), "needs a reason saying why the coding differs")
    span = span_of(date)
    if date is not None and span is None:
        return _bad(
            s, (FIELD, i, "date"), f"date {date!r} is not a date YYYY, YYYY-MM or YYYY-MM-DD"
        )
    question = _question(s, entry.get("question"))
    if question is None:
        return _bad(s, (FIELD, i, "question"), _no_question(s, entry.get("question")))
    if date is None and not question:
        return _bad(s, (FIELD, i), "needs the row's date or the question it concerns")
    return Ack(i, source, span, question, " ".join(reason.split()))


def _question(s: Subject, value: Any) -> str | None:
    """The entry's question as written ("" when it names none); None when it names one the
    observation's codebook does not have (by id or variable, in any case)."""
    if value is None:
        return ""
    names = {n.lower() for n in (*s.book.by_id, *s.book.by_variable)}
    return value if isinstance(value, str) and value.lower() in names else None


def _no_question(s: Subject, value: Any) -> str:
    return f"question {value!r} is not a question id or variable of codebook {s.book.version}"


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
