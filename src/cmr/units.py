"""Units of observation and dated events: the moment an observation describes, and the span
of time an event's date stands for.

A codebook with `units` fixes each unit's reference date in the year (`reference_date:
"12-31"`) or anchors it on an event (`as_of: required`); an observation names its `unit`
(default: the codebook's `default_unit`). Without `units`, the reference moment is `as_of`
when given, else 31 December, as in codebooks 1.0.0 and 1.1.0.

>>> span("1992-05", "month")
(datetime.date(1992, 5, 1), datetime.date(1992, 5, 31))
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cmr.codebook import Codebook, Unit

_SHAPES = {
    "year": re.compile(r"([0-9]{4})"),
    "month": re.compile(r"([0-9]{4})-([0-9]{2})"),
    "day": re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})"),
}


def unit_of(book: Codebook, data: dict[str, Any]) -> Unit | None:
    """The observation's unit: its `unit`, else the codebook's default (None without units
    or for a unit the codebook does not define, which the schema reports)."""
    name = data.get("unit")
    if name is None:
        return book.default_unit
    return book.units.get(name) if isinstance(name, str) else None


def _as_of(data: dict[str, Any]) -> dt.date | None:
    value = data.get("as_of")
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _year(data: dict[str, Any]) -> int:
    year = data.get("year")
    if not isinstance(year, int) or isinstance(year, bool):
        return dt.MINYEAR  # no usable year: the schema reports it
    return min(max(year, dt.MINYEAR), dt.MAXYEAR)


def reference_moment(book: Codebook, data: dict[str, Any]) -> dt.date:
    """The moment the observation describes: `as_of` for an event-anchored unit (or a
    codebook without units), else the unit's reference date in the observation's year."""
    unit = unit_of(book, data)
    as_of = _as_of(data)
    if unit is None or unit.as_of_required:
        return as_of or dt.date(_year(data), 12, 31)
    return unit.moment(_year(data))


def span(date: str, precision: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day an event date written at `precision` stands for; None when
    the date is not written to its precision or is no calendar date."""
    shape = _SHAPES.get(precision) if isinstance(precision, str) else None
    m = shape.fullmatch(date) if shape is not None and isinstance(date, str) else None
    if m is None:
        return None
    parts = [int(p) for p in m.groups()]
    try:
        if precision == "year":
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
        if precision == "month":
            first = dt.date(parts[0], parts[1], 1)
            if parts[1] == 12:
                return first, first.replace(day=31)
            return first, first.replace(month=parts[1] + 1) - dt.timedelta(days=1)
        day = dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return None
    return day, day


def shape_of(precision: str) -> str:
    """How a date of `precision` is written: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`."""
    return {"year": "YYYY", "month": "YYYY-MM", "day": "YYYY-MM-DD"}.get(precision, precision)


def dated_events(data: dict[str, Any]) -> list[tuple[dict[str, Any], dt.date, dt.date]]:
    """The observation's events whose date can be read, with their first and last day, in
    date order (events with a bad date are reported by the events check, not used)."""
    raw = data.get("events")
    out = []
    for event in raw if isinstance(raw, list) else ():
        if not isinstance(event, dict) or not isinstance(event.get("type"), str):
            continue  # the schema reports it
        found = span(event.get("date"), event.get("precision"))  # type: ignore[arg-type]
        if found is not None:
            out.append((event, *found))
    return sorted(out, key=lambda e: (e[1], e[2], str(e[0].get("id"))))


def years_before(moment: dt.date, years: int) -> dt.date:
    """`moment` moved back `years` years (29 February to 28 February)."""
    year = max(moment.year - years, dt.MINYEAR)
    try:
        return moment.replace(year=year)
    except ValueError:
        return moment.replace(year=year, day=28)
