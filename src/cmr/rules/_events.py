"""Event rules: an answer checked against the observation's dated `events`.

`expect: present` fires when a listed event lies wholly inside the window (an answer such as
"no" that a dated event contradicts); `expect: absent` fires when no listed event can lie in
the window (a "yes" that no dated event supports). The window ends at the reference moment;
see `params/event.json` for the parameters and `cmr.units` for dates and moments.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from cmr import units
from cmr.rules._base import Hit, Rule, answer_path, as_set, register

if TYPE_CHECKING:
    from cmr.codebook import Codebook
    from cmr.observation import Observation
    from cmr.settings import Settings

Dated = tuple[dict[str, Any], dt.date, dt.date]
PRESENT = (
    "{id} {variable} is {answer!r} but event {event} ({type}, {date}) lies in the window "
    "{window} ({low} to {high})"
)
ABSENT = (
    "{id} {variable} is {answer!r} but no {types} event lies in the window {window} "
    "({low} to {high}) to support it"
)


@register
class EventRule(Rule):
    """An answer in `when` while a listed event type lies (`expect: present`) or cannot lie
    (`expect: absent`) in the window: a window id, `ever` or `regime`."""

    kind = "event"
    scope = "file"
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

    def check(self, obs: Observation) -> Iterator[Hit]:
        answer = obs.answer(self.variable)
        if answer is None or answer not in self.when:
            return
        high = units.reference_moment(self.book, obs.data)
        dated = units.dated_events(obs.data)
        low = self._low(dated, high)
        listed = [d for d in dated if d[0].get("type") in self.types]
        if self.present:
            inside = [d for d in listed if (low is None or d[1] >= low) and d[2] <= high]
            if inside:
                yield self._hit(obs, answer, inside, low, high)
        elif not any((low is None or d[2] >= low) and d[1] <= high for d in listed):
            yield self._hit(obs, answer, [], low, high)

    def _low(self, dated: list[Dated], high: dt.date) -> dt.date | None:
        """The window's first day; None when it is open (`ever`, or `regime` with no start)."""
        if self.years is not None:
            return units.years_before(high, self.years)
        if self.window == "regime":
            starts = [d[1] for d in dated if d[0].get("type") in self.regime and d[1] <= high]
            return max(starts, default=None)
        return None

    def _hit(
        self, obs: Observation, answer: str, inside: list[Dated], low: dt.date | None, high: dt.date
    ) -> Hit:
        first = inside[0][0] if inside else {}
        return self.hit(
            obs.path,
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
