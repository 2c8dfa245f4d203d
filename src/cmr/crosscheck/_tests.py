"""Which answers a coup list can confirm or contradict, read from the codebook's event rules.

A rule of kind `event` ties a question's answers to dated events: `expect: present` says an
answer in `when` is contradicted by a listed event inside the window (a "no" while a coup
lies in it); `expect: absent` says such an answer needs one (a "yes"). Every such rule whose
`events` include an event type the source's categories map to is an `AnswerTest`; nothing
about the questions is written here, so another codebook's rules work unchanged. The window
is the rule's own (`ever`, `regime` or a window id) or, without one, the question's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from cmr import units
from cmr.codebook import Codebook


@dataclass(frozen=True)
class AnswerTest:
    """One event rule of the codebook, as far as the source's event types go."""

    rule: str
    qid: str
    variable: str
    types: frozenset[str]
    when: frozenset[str]
    present: bool
    window: str
    years: int | None
    regime: frozenset[str]

    def low(self, data: dict[str, Any], high: dt.date) -> dt.date | None:
        """The window's first day for an observation whose reference moment is `high`;
        None when it is open (`ever`, or `regime` without a recorded regime change)."""
        if self.years is not None:
            return units.years_before(high, self.years)
        if self.window != "regime":
            return None
        changes = [d for d in units.dated_events(data) if d[0]["type"] in self.regime]
        starts = [first for _, first, _ in changes if first <= high]
        return max(starts, default=None)

    def window_text(self, low: dt.date | None, high: dt.date) -> str:
        start = low.isoformat() if low is not None else "any earlier date"
        return f"{self.window} ({start} to {high.isoformat()})"


def answer_tests(book: Codebook, types: frozenset[str]) -> list[AnswerTest]:
    """The event rules of `book` that rest on any of `types`, in the codebook's order."""
    out = []
    for spec in book.rules:
        if spec.get("kind") != "event" or spec.get("variable") not in book.by_variable:
            continue
        wanted = frozenset(spec.get("events", ())) & types
        if wanted:
            out.append(_test(spec, book, wanted))
    return out


def _test(spec: dict[str, Any], book: Codebook, wanted: frozenset[str]) -> AnswerTest:
    question = book.by_variable[spec["variable"]]
    own = question.window.name if question.window is not None else "ever"
    window = str(spec.get("window") or own)
    when = spec.get("when", ())
    return AnswerTest(
        rule=str(spec.get("code", "")),
        qid=question.id,
        variable=question.variable,
        types=wanted,
        when=frozenset([when] if isinstance(when, str) else when),
        present=spec.get("expect") == "present",
        window=window,
        years=book.windows[window].years if window in book.windows else None,
        regime=frozenset(spec.get("regime_events", ())),
    )
