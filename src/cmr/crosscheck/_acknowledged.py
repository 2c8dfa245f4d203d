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
from dataclasses import replace

from cmr.crosscheck._entries import FIELD, OPEN, read_entries, span_of
from cmr.crosscheck._report import Item
from cmr.crosscheck._subject import Subject
from cmr.findings import Finding


def settle(s: Subject, items: list[Item], source: str) -> tuple[list[Item], list[Finding]]:
    """`items` with the acknowledged ones explained, plus a `stale` item for each entry of
    `source` that explains nothing; findings for entries that cannot be read."""
    acks, findings = read_entries(s)
    mine = [a for a in acks if a.source == source]
    used: set[int] = set()
    out = []
    for item in items:
        dates = _dates(s, item) if item.kind in OPEN else []
        ack = next((a for a in mine if a.explains(item, dates)), None)
        if ack is not None:
            used.add(ack.index)
            item = replace(item, kind="explained", reason=ack.reason)
        out.append(item)
    first: dict[tuple[object, str], int] = {}
    for a in mine:
        twin = first.setdefault((a.span, a.question.lower()), a.index)
        if a.index not in used:
            said = f"{FIELD} entry {a.index + 1} ({source}) "
            said += f"repeats entry {twin + 1}" if twin != a.index else "explains no disagreement"
            out.append(s.item("stale", (FIELD, a.index), said, reason=a.reason))
    return out, findings


def _dates(s: Subject, item: Item) -> list[tuple[dt.date, dt.date]]:
    """The days an item is about: its rows' dates and the observation event's."""
    texts = [r.date for r in item.external]
    parts = item.pointer.split(".")
    events = s.data.get("events")
    if parts[0] == "events" and len(parts) > 1 and isinstance(events, list):
        texts.append(str(events[int(parts[1])].get("date", "")))
    return [d for d in (span_of(t) for t in texts) if d is not None]
