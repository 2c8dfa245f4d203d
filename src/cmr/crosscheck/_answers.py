"""Answers held against a source's rows: the codebook's event rules, applied to the rows.

For a rule with `expect: present` (an answer a listed event contradicts), each row of a
listed type wholly inside the window is a disagreement; none is an agreement over the years
the source covers (undecided when it covers none of the window). For `expect: absent` (an
answer that needs such an event), a row inside the window is an agreement; none is a
disagreement when the source covers the whole window, and undecided when the window reaches
before the source's first year (an open window such as `ever` always does). A row whose
date may fall on either side of a window's edge, or a success fewer than seven days old at
the reference moment, makes the comparison undecided.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from cmr.crosscheck._report import Item
from cmr.crosscheck._subject import Known, Subject
from cmr.crosscheck._tests import AnswerTest


def answer_items(s: Subject, tests: list[AnswerTest]) -> Iterator[Item]:
    """One or more items for each answer a test applies to."""
    for test in tests:
        entry = _entry(s.data, test.variable)
        answer = entry.get("answer")
        if not isinstance(answer, str) or answer not in test.when:
            continue
        low = test.low(s.data, s.high)
        relevant = [k for k in s.known if k.possible & test.types and k.touches(low, s.high)]
        check = _contradicted if test.present else _supported
        for kind, message, rows in check(s, test, answer, low, relevant):
            yield s.item(
                kind,
                ("answers", test.variable, "answer"),
                message,
                question=test.qid,
                variable=test.variable,
                answer=answer,
                observed=_said(entry),
                external=[k.row for k in rows],
            )


Found = Iterator[tuple[str, str, list[Known]]]


def _contradicted(
    s: Subject, test: AnswerTest, answer: str, low: dt.date | None, relevant: list[Known]
) -> Found:
    head = f"{test.qid} {test.variable} is {answer!r}"
    window = test.window_text(low, s.high)
    for k in relevant:
        row = f"{k.event.category} ({k.definite}) on {k.event.date_text}"
        if not k.inside(low, s.high):
            yield "undecided", f"{head}; the source's {row} may lie outside the window", [k]
        elif not k.settled:
            yield "undecided", f"{head}; the source's {row} was under seven days old", [k]
        else:
            yield "disagree", f"{head} but the source lists a {row} in the window {window}", [k]
    if not relevant:
        types = ", ".join(sorted(test.types))
        said = f"{head}; the source lists no {types} in the window {window}; {s.coverage_text()}"
        yield ("agree" if s.overlaps(low, s.high) else "undecided"), said, []


def _supported(
    s: Subject, test: AnswerTest, answer: str, low: dt.date | None, relevant: list[Known]
) -> Found:
    head = f"{test.qid} {test.variable} is {answer!r}"
    window = test.window_text(low, s.high)
    types = ", ".join(sorted(test.types))
    support = [
        k for k in relevant if k.inside(low, s.high) and k.settled and k.definite in test.types
    ]
    if support:
        dates = ", ".join(k.event.date_text for k in support)
        yield "agree", f"{head} and the source lists {types} in the window ({dates})", support
    elif relevant:
        said = f"{head}; the source's rows may lie outside the window or be under seven days old"
        yield "undecided", said, relevant
    elif not s.covers(low, s.high):
        said = f"{head}; the source lists no {types} in the window {window}, but "
        yield "undecided", said + s.coverage_text(), []
    else:
        yield "disagree", f"{head} but the source lists no {types} in the window {window}", []


def _entry(data: dict[str, Any], variable: str) -> dict[str, Any]:
    answers = data.get("answers")
    entry = answers.get(variable) if isinstance(answers, dict) else None
    return entry if isinstance(entry, dict) else {}


def _said(entry: dict[str, Any]) -> str:
    evidence = entry.get("evidence")
    return " ".join(evidence.split()) if isinstance(evidence, str) else ""
