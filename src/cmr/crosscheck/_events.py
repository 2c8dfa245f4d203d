"""The observation's events set beside the source's rows of its year.

The year is the reference moment's calendar year, up to the moment. Each row of the source
dated in it is matched with an event of the observation of a mapped type whose dates overlap
the row's (widened by `tolerance_days`): of a type the row may stand for, an agreement; of
another mapped type, a disagreement (an attempt recorded where the source has a success, or
the reverse); no event at all, `unmentioned` (undecided when the row's date may fall outside
the year's part up to the moment). An event of a mapped type that no row matches is a
disagreement: the source does not list it. A year the source does not cover is undecided.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from cmr import units
from cmr.crosscheck._report import Item
from cmr.crosscheck._settings import Mapping
from cmr.crosscheck._subject import Known, Subject

Mine = tuple[int, dict[str, Any], dt.date, dt.date]


def event_items(s: Subject, mapping: Mapping) -> Iterator[Item]:
    """An item for each row of the source in the observation's year and each mapped event."""
    start = dt.date(s.high.year, 1, 1)
    if not s.covers(start, s.high):
        said = f"the events of {s.high.year} are not compared: {s.coverage_text()}"
        yield s.item("undecided", ("events",), said)
        return
    mine = [m for m in _mine(s.data, mapping) if m[3] >= start and m[2] <= s.high]
    used: set[int] = set()
    for k in (k for k in s.known if k.touches(start, s.high)):
        match = _match(k, mine, used, mapping.tolerance_days)
        if match is not None:
            used.add(match[0])
        yield _item(s, k, match, start)
    for m in mine:
        if m[0] not in used:
            said = f"event {_name(m)} ({m[1]['type']}, {m[1]['date']}) is not in the source"
            yield s.item("disagree", ("events", m[0], "type"), said, **_side(m))


def _mine(data: dict[str, Any], mapping: Mapping) -> list[Mine]:
    """The observation's readable events of mapped types, with their index in `events`."""
    raw = data.get("events")
    events = raw if isinstance(raw, list) else []
    index = {id(e): i for i, e in enumerate(events)}
    dated = units.dated_events(data)
    return [(index[id(e)], e, a, b) for e, a, b in dated if e["type"] in mapping.event_types]


def _match(k: Known, mine: list[Mine], used: set[int], tolerance: int) -> Mine | None:
    """The first unused event overlapping the row, one of a type it may stand for first."""
    slack = dt.timedelta(days=tolerance)
    near = [
        m for m in mine if m[0] not in used and m[2] <= k.last + slack and m[3] >= k.first - slack
    ]
    same = [m for m in near if m[1]["type"] in k.possible]
    found = same or near
    return found[0] if found else None


def _item(s: Subject, k: Known, match: Mine | None, start: dt.date) -> Item:
    row = f"{k.event.category} ({k.definite}) on {k.event.date_text}"
    if match is None:
        kind = "unmentioned" if k.inside(start, s.high) else "undecided"
        said = f"the source lists a {row} that the observation's events do not record"
        return s.item(kind, ("events",), said, external=[k.row])
    event = f"event {_name(match)} ({match[1]['type']}, {match[1]['date']})"
    if match[1]["type"] in k.possible:
        kind, said = "agree", f"{event} matches the source's {row}"
    else:
        kind, said = "disagree", f"{event} is classed otherwise than the source's {row}"
    return s.item(kind, ("events", match[0], "type"), said, external=[k.row], **_side(match))


def _name(m: Mine) -> str:
    return str(m[1].get("id", f"#{m[0] + 1}"))


def _side(m: Mine) -> dict[str, str]:
    e = m[1]
    outcome = " ".join(str(e.get("outcome", "")).split())
    said = f"{e.get('date')} {e.get('type')}: {outcome}".rstrip(": ")
    return {"event": _name(m), "observed": said}
