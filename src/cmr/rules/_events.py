"""Event rules: an answer checked against the dated `events`.

`expect: present` fires when a listed event lies wholly inside the window (an answer such as
"no" that a dated event contradicts): the observation's own events, and at country scope the
events the country's other adjudicated years record. `expect: absent` fires when no listed
event of the observation's own can lie in the window (a "yes" its events do not support).
The window ends at the reference moment; see `params/event.json` for the parameters and
`cmr.units` for dates and moments.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from cmr import units
from cmr.layout import is_independent
from cmr.rules._base import Hit, Rule, answer_path, as_set, register

if TYPE_CHECKING:
    from cmr.codebook import Codebook
    from cmr.observation import Observation
    from cmr.settings import Settings
    from cmr.summary import Summary

Dated = tuple[dict[str, Any], dt.date, dt.date]
PRESENT = (
    "{id} {variable} is {answer!r} but event {event} ({type}, {date}) lies in the window "
    "{window} ({low} to {high})"
)
ABSENT = (
    "{id} {variable} is {answer!r} but no {types} event lies in the window {window} "
    "({low} to {high}) to support it"
)


def summary_events(obs: Observation) -> dict[str, Any]:
    """What a summary keeps of an observation's events for the country-scope part of the
    event rules: each readable event's (id, date, precision, type) and the reference moment;
    nothing for a codebook without events."""
    if not obs.codebook.events:
        return {}
    dated = units.dated_events(obs.data)
    return {
        "events": tuple(
            (str(e.get("id")), str(e["date"]), str(e["precision"]), str(e["type"]))
            for e, _, _ in dated
        ),
        "moment": units.reference_moment(obs.codebook, obs.data).isoformat(),
    }


def _from_summary(s: Summary) -> list[Dated]:
    out: list[Dated] = []
    for name, date, precision, kind in s.events:
        found = units.span(date, precision)
        if found is not None:
            out.append(({"id": name, "date": date, "type": kind, "file": s.path}, *found))
    return out


@register
class EventRule(Rule):
    """An answer in `when` while a listed event type lies (`expect: present`) or cannot lie
    (`expect: absent`) in the window: a window id, `ever` or `regime`."""

    kind = "event"
    scope = "file"
    spans_years = True
    placeholders = (
        "{id} {variable} {answer} {event} {date} {type} {types} {events} {window} {low} {high}"
    )

    def __init__(self, spec: dict[str, Any], book: Codebook, settings: Settings):
        default = PRESENT if spec["expect"] == "present" else ABSENT
        super().__init__({"message": default, **spec}, book, settings)
        question = book.by_variable[spec["variable"]]
        self.book = book
        self.variable, self.qid = question.variable, question.id
        self.types = frozenset(spec["events"])
        self.when = as_set(spec["when"])
        self.present = spec["expect"] == "present"
        own = question.window.name if question.window is not None else "ever"
        self.window = str(spec.get("window") or own)
        self.years = book.windows[self.window].years if self.window in book.windows else None
        self.regime = frozenset(spec.get("regime_events", ()))
        self._memo: tuple[Sequence[Summary], dict[int, list[Dated]]] | None = None

    def check(self, obs: Observation) -> Iterator[Hit]:
        answer = obs.answer(self.variable)
        if answer is None or answer not in self.when:
            return
        high = units.reference_moment(self.book, obs.data)
        dated = units.dated_events(obs.data)
        low = self._low(dated, high)
        if self.present:
            if self.window == "regime" and not is_independent(obs.path):
                return  # the spell may start in another year's file: the country scope's
            inside = self._inside(dated, low, high)
            if inside:
                yield self._hit(obs.path, answer, inside, low, high)
        elif not any(
            d[0].get("type") in self.types and (low is None or d[2] >= low) and d[1] <= high
            for d in dated
        ):
            yield self._hit(obs.path, answer, [], low, high)

    def spans(self) -> bool:
        """Only `expect: present` looks at other years (their events contradict a "no");
        a "yes" must be supported by the file's own events."""
        return bool(self.present)

    def check_series(self, series: Sequence[Summary], i: int) -> Iterator[Hit]:
        """`expect: present` across the country's years: an event another adjudicated year's
        file records contradicts this year's answer too (its own events are the file scope's)."""
        s = series[i]
        answer = s.answers.get(self.variable)
        if not self.present or answer is None or answer not in self.when or not s.moment:
            return
        everyone = self._series_events(series)
        if not everyone:
            return
        high = dt.date.fromisoformat(s.moment)
        own = everyone.get(i, [])
        known = own + [d for j, dated in everyone.items() if j != i for d in dated]
        low = self._low(sorted(known, key=lambda d: (d[1], d[2])), high)
        if self.window != "regime" and self._inside(own, low, high):
            return  # reported by the file scope
        inside = self._inside(sorted(known, key=lambda d: (d[1], d[2], d[0]["id"])), low, high)
        if inside:
            hit = self._hit(s.path, answer, inside, low, high)
            files = tuple(f for f in dict.fromkeys(d[0]["file"] for d in inside) if f != s.path)
            if files and inside[0][0]["file"] != s.path:
                hit = replace(hit, message=f"{hit.message} (recorded in {files[0]})")
            yield replace(hit, related=files)

    def _series_events(self, series: Sequence[Summary]) -> dict[int, list[Dated]]:
        """{position: its events} for the years of `series` that record any, read once per
        series: the engine asks for each year in turn, and re-reading every year's events
        for each would be quadratic in a country's years."""
        if self._memo is None or self._memo[0] is not series:
            found = {j: _from_summary(o) for j, o in enumerate(series) if o.events}
            self._memo = (series, {j: d for j, d in found.items() if d})
        return self._memo[1]

    def _inside(self, dated: list[Dated], low: dt.date | None, high: dt.date) -> list[Dated]:
        """The listed events that lie wholly in [low, high]; with `window: regime`, none of
        whose days may precede the regime change that starts the spell (a change dated to a
        year starts it, for certain, only on 31 December: an event earlier that year may
        have preceded it)."""
        change = self._regime_change(dated, high) if self.window == "regime" else None
        after = min(change[2], high) if change is not None else None
        return [
            d
            for d in dated
            if d[0].get("type") in self.types
            and (low is None or d[1] >= low)
            and (after is None or d[1] >= after)
            and d[2] <= high
        ]

    def _low(self, dated: list[Dated], high: dt.date) -> dt.date | None:
        """The window's first day; None when it is open (`ever`, or `regime` with no start)."""
        if self.years is not None:
            return units.years_before(high, self.years)
        if self.window == "regime":
            change = self._regime_change(dated, high)
            return change[1] if change is not None else None
        return None

    def _regime_change(self, dated: list[Dated], high: dt.date) -> Dated | None:
        """The latest `regime_events` event that may lie at or before the reference moment."""
        changes = [d for d in dated if d[0].get("type") in self.regime and d[1] <= high]
        return max(changes, key=lambda d: (d[1], d[2]), default=None)

    def _hit(
        self, path: str, answer: str, inside: list[Dated], low: dt.date | None, high: dt.date
    ) -> Hit:
        first = inside[0][0] if inside else {}
        return self.hit(
            path,
            answer_path(self.variable),
            id=self.qid,
            variable=self.variable,
            answer=answer,
            event=str(first.get("id", "")),
            date=str(first.get("date", "")),
            type=str(first.get("type", "")),
            types=", ".join(sorted(self.types)),
            events=", ".join(str(d[0].get("id")) for d in inside) or "none",
            window=self.window,
            low=low.isoformat() if low is not None else "any earlier date",
            high=high.isoformat(),
        )
