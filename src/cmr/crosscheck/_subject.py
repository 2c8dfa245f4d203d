"""What a comparison works on: one observation (with places in its file) and the source's rows
for its country, each with the event types it may stand for at the reference moment.

The seven-day rule: a coup is successful when its perpetrators held power for at least seven
days (the codebook's and Powell & Thyne's definition). A success dated fewer than seven days
before the reference moment had not yet met it at that moment, so it may stand for the
source's success type or its failure type (`Known.possible`), and a comparison that turns on
the difference is undecided rather than a disagreement.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from cmr import units
from cmr.codebook import Codebook
from cmr.crosscheck._places import Places
from cmr.crosscheck._report import ExternalRow, Item
from cmr.crosscheck._settings import Mapping
from cmr.external import CoupEvent

SEVEN_DAYS = 7


@dataclass(frozen=True)
class Known:
    """A source's row, its span of days and the event types it may stand for."""

    event: CoupEvent
    first: dt.date
    last: dt.date
    definite: str
    possible: frozenset[str]
    recent: bool = False
    """A success fewer than seven days before the reference moment (not yet one then)."""

    @property
    def row(self) -> ExternalRow:
        e = self.event
        return ExternalRow(
            e.where, e.date_text, e.category, self.definite, e.country, e.code, e.ident
        )

    @property
    def settled(self) -> bool:
        """False for a success under seven days old at the reference moment: it may still
        stand for a failure, whether or not the dataset compares failures."""
        return not self.recent

    def inside(self, low: dt.date | None, high: dt.date) -> bool:
        """Wholly inside [low, high]."""
        return (low is None or self.first >= low) and self.last <= high

    def touches(self, low: dt.date | None, high: dt.date) -> bool:
        """Some of its days fall in [low, high]."""
        return (low is None or self.last >= low) and self.first <= high


def known_at(events: list[CoupEvent], mapping: Mapping, high: dt.date) -> list[Known]:
    """The rows of mapped categories, with the types each may stand for at `high`."""
    source, types = mapping.source, mapping.types
    out = []
    for e in events:
        definite = types.get(e.category)
        if definite is None:
            continue
        first, last = e.span()
        possible = {definite}
        recent = e.category == source.success and (high - last).days < SEVEN_DAYS
        if recent and source.failure in types:
            possible.add(types[source.failure])
        out.append(Known(e, first, last, definite, frozenset(possible), recent))
    return sorted(out, key=lambda k: (k.first, k.last, k.event.line))


@dataclass
class Subject:
    """One observation: its file as shown, data, codebook, text and reference moment."""

    file: str
    data: dict[str, Any]
    book: Codebook
    text: str
    coverage: tuple[int, int] | None
    """First and last year of the source's rows (all countries), None for an empty list."""
    known: list[Known] = field(default_factory=list)

    @cached_property
    def high(self) -> dt.date:
        return units.reference_moment(self.book, self.data)

    @cached_property
    def _places(self) -> Places:
        return Places(self.text)

    def item(self, kind: str, path: tuple[str | int, ...], message: str, **more: Any) -> Item:
        """An item at `path` in the observation's file."""
        line, column = self._places.position(path)
        pointer = ".".join(str(p) for p in path)
        return Item(kind, self.file, line, column, pointer, message, **more)

    def covers(self, low: dt.date | None, high: dt.date) -> bool:
        """True when the source's years cover all of [low, high]."""
        if self.coverage is None or low is None:
            return False
        return low.year >= self.coverage[0] and high.year <= self.coverage[1]

    def overlaps(self, low: dt.date | None, high: dt.date) -> bool:
        """True when the source's years cover some of [low, high]."""
        if self.coverage is None:
            return False
        return (low is None or low.year <= self.coverage[1]) and high.year >= self.coverage[0]

    def coverage_text(self) -> str:
        if self.coverage is None:
            return "the source lists no rows"
        return f"the source covers {self.coverage[0]}–{self.coverage[1]}"
