"""The event table (one row per dated event of a panel observation) and what the export
keeps of each panel observation's unit, reference date and events (`Facts`).

The table is written only when a codebook version of the panel declares `events`, so a panel
coded under codebooks without them keeps its files and its bytes. Rows follow the panel's
order, events within an observation their order in the file.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from cmr import units
from cmr.export._arrow import field as column
from cmr.export._arrow import labels, table
from cmr.export._tables import table_metadata
from cmr.records import cite_text

if TYPE_CHECKING:
    from cmr.export._spec import PanelSpec
    from cmr.observation import Observation


@dataclass
class Facts:
    """Per panel observation: its unit, its reference date and its events (as in the file)."""

    unit: list[str | None] = field(default_factory=list)
    reference_date: list[dt.date] = field(default_factory=list)
    events: list[list[dict[str, Any]]] = field(default_factory=list)

    @classmethod
    def of(cls, observations: list[Observation]) -> Facts:
        """The facts of parsed observations."""
        out = cls()
        for obs in observations:
            unit = units.unit_of(obs.codebook, obs.data)
            out.unit.append(unit.id if unit is not None else None)
            out.reference_date.append(units.reference_moment(obs.codebook, obs.data))
            raw = obs.data.get("events")
            out.events.append(
                [e for e in raw if isinstance(e, dict)] if isinstance(raw, list) else []
            )
        return out

    @classmethod
    def from_records(cls, obs: pa.Table) -> Facts:
        """The facts of the check's records (`cmr.records`), rows already in panel order."""
        events = [json.loads(e) if e else [] for e in obs["events"].to_pylist()]
        return cls(obs["unit"].to_pylist(), obs["reference_date"].to_pylist(), events)


def has_events(layout: PanelSpec) -> bool:
    """True when a codebook version of the panel declares `events`."""
    return any(book.events for book in layout.books)


def events_table(
    facts: Facts, iso3c: list[str], year: list[int], coder: list[str], layout: PanelSpec
) -> pa.Table | None:
    """One row per event of the panel's observations; None when no codebook has events."""
    if not has_events(layout):
        return None
    rows = [(i, e) for i, events in enumerate(facts.events) for e in events]
    precisions = list(dict.fromkeys(p for b in reversed(layout.books) for p in b.events.precision))
    types = list(dict.fromkeys(t for b in reversed(layout.books) for t in b.events.codes))
    obs = [i for i, _ in rows]
    isos, coders = sorted(set(iso3c)), sorted(set(coder))
    iso_at, coder_at = {c: i for i, c in enumerate(isos)}, {c: i for i, c in enumerate(coders)}
    fields = [
        column(
            "iso3c",
            labels([iso_at[iso3c[i]] for i in obs], isos),
            "ISO 3166-1 alpha-3 country code.",
            False,
            categories=isos,
        ),
        column(
            "year", pa.array([year[i] for i in obs], pa.int16()), "Year of the observation.", False
        ),
        column(
            "coder",
            labels([coder_at[coder[i]] for i in obs], coders),
            "Who coded the observation.",
            False,
            categories=coders,
        ),
        column(
            "event_id",
            _text([e.get("id") for _, e in rows]),
            "Event id, unique within its observation.",
            False,
        ),
        column(
            "date",
            _text([e.get("date") for _, e in rows]),
            "Date of the event: YYYY, YYYY-MM or YYYY-MM-DD, as its precision says.",
            False,
        ),
        column(
            "precision",
            _labelled([e.get("precision") for _, e in rows], precisions),
            "How precisely the date is known.",
            False,
            categories=precisions,
        ),
        column(
            "type",
            _labelled([e.get("type") for _, e in rows], types),
            "Event type (the codebook's `events.types`).",
            False,
            categories=types,
        ),
        column(
            "actors",
            _text(["; ".join(map(str, e.get("actors") or [])) or None for _, e in rows]),
            "Who acted, separated by '; '.",
        ),
        column("outcome", _text([e.get("outcome") for _, e in rows]), "What came of it."),
        column(
            "citations",
            _text([cite_text(e.get("citations") or []) for _, e in rows]),
            "Cited sources: bibliography keys with pages, separated by '; '.",
        ),
    ]
    return table(fields, table_metadata(layout, "events"))


def cited_by(answers: dict[str, list[int]], facts: Facts) -> dict[str, list[int]]:
    """`answers` (each cited key's observations) with the keys the events cite added, so the
    sources table lists a source an observation cites only for an event."""
    if not any(facts.events):
        return answers
    out = {k: set(v) for k, v in answers.items()}
    for i, events in enumerate(facts.events):
        for e in events:
            for c in e.get("citations") or []:
                if isinstance(c, dict) and isinstance(c.get("key"), str):
                    out.setdefault(c["key"], set()).add(i)
    return {k: sorted(v) for k, v in out.items()}


def _text(values: list[Any]) -> pa.Array:
    return pa.array([v if isinstance(v, str) else None for v in values], pa.string())


def _labelled(values: list[Any], categories: list[str]) -> pa.Array:
    index = {c: i for i, c in enumerate(categories)}
    return labels([index.get(v, -1) for v in values], categories)
