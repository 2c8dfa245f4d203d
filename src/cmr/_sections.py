"""The optional sections of a codebook (1.2.0+): lineage, concepts, units of observation,
source tiers and the vocabulary of dated events.

Each is read from the validated codebook data into a small frozen object; a codebook without
a section gets an empty one, so 1.0.0 and 1.1.0 load unchanged. `problems` says what the
meta-schema cannot: names that must exist elsewhere in the codebook, codes used twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Lineage:
    """Where the codebook comes from: the origin data set's key and how it differs."""

    origin: str
    summary: str
    differences: tuple[str, ...] = ()


@dataclass(frozen=True)
class Concept:
    """A defined concept with the keys of its sources and its defined terms."""

    id: str
    label: str
    definition: str
    sources: tuple[str, ...]
    terms: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Unit:
    """A unit of observation: a fixed `reference_date` (MM-DD) or `as_of` required."""

    id: str
    label: str
    description: str
    reference_date: str | None = None

    @property
    def as_of_required(self) -> bool:
        return self.reference_date is None

    def moment(self, year: int) -> dt.date:
        """The fixed reference date in `year` (a unit with `as_of` has none: 31 December)."""
        month, day = (12, 31) if self.reference_date is None else _month_day(self.reference_date)
        return dt.date(min(max(year, dt.MINYEAR), dt.MAXYEAR), month, day)


@dataclass(frozen=True)
class Tier:
    """A source-quality tier a citation carries."""

    code: str
    label: str
    description: str


@dataclass(frozen=True)
class EventType:
    """An event type of the vocabulary, with the concept that defines it."""

    code: str
    label: str
    description: str
    concept: str | None = None


@dataclass(frozen=True)
class Events:
    """The event vocabulary; empty when the codebook declares none."""

    precision: tuple[str, ...] = ()
    types: tuple[EventType, ...] = ()

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(t.code for t in self.types)

    def __bool__(self) -> bool:
        return bool(self.types)


def _month_day(text: str) -> tuple[int, int]:
    month, day = text.split("-")
    return int(month), int(day)


def lineage(data: dict[str, Any]) -> Lineage | None:
    """The codebook's `lineage`, or None."""
    raw = data.get("lineage")
    if raw is None:
        return None
    return Lineage(raw["origin"], raw["summary"], tuple(raw.get("differences", ())))


def concepts(data: dict[str, Any]) -> dict[str, Concept]:
    """The codebook's `concepts`, by id."""
    return {
        cid: Concept(
            cid, c["label"], c["definition"], tuple(c["sources"]), tuple(c.get("terms", {}).items())
        )
        for cid, c in data.get("concepts", {}).items()
    }


def units(data: dict[str, Any]) -> dict[str, Unit]:
    """The codebook's `units`, by id."""
    return {
        uid: Unit(uid, u["label"], u["description"], u.get("reference_date"))
        for uid, u in data.get("units", {}).items()
    }


def tiers(data: dict[str, Any]) -> tuple[Tier, ...]:
    """The codebook's `source_tiers`, in order."""
    return tuple(
        Tier(t["code"], t.get("label", t["code"]), t["description"])
        for t in data.get("source_tiers", ())
    )


def events(data: dict[str, Any]) -> Events:
    """The codebook's `events` vocabulary (empty without one)."""
    raw = data.get("events")
    if raw is None:
        return Events()
    types = tuple(
        EventType(t["code"], t["label"], t["description"], t.get("concept")) for t in raw["types"]
    )
    return Events(tuple(raw["precision"]), types)
