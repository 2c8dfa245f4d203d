"""What the published coup lists share: a dated `CoupEvent` per row, the reading of a row's
year, month and day (an unknown month or day is None), and the loop that keeps the good rows and
a finding for each row left out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from cmr.external._rows import Row, Table
from cmr.external._values import integer, invalid
from cmr.findings import Finding

__all__ = ["UNKNOWN", "CoupEvent", "event_date", "events_of"]

UNKNOWN = frozenset({"", "0", "00", "-99", "-9", "na", ".", "nan"})
"""How published coup lists write an unknown month or day."""


@dataclass(frozen=True)
class CoupEvent:
    """One row of a published coup list: a coup event in one country on one date.

    `code` is the country in the source's system (Gleditsch & Ward for Powell & Thyne,
    Correlates of War for the Cline Center); `month` and `day` are None when unknown;
    `category` is the source's own word for the outcome.
    """

    source: str
    file: str
    line: int
    code: int
    country: str
    year: int
    month: int | None
    day: int | None
    category: str
    ident: str = ""

    @property
    def where(self) -> str:
        """`file:line` of the row."""
        return f"{self.file}:{self.line}"

    @property
    def date_text(self) -> str:
        """The date as precise as the source gives it: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        return text

    def span(self) -> tuple[dt.date, dt.date]:
        """The first and last day the date stands for."""
        if self.month is None:
            return dt.date(self.year, 1, 1), dt.date(self.year, 12, 31)
        if self.day is not None:
            day = dt.date(self.year, self.month, self.day)
            return day, day
        first = dt.date(self.year, self.month, 1)
        nxt = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
        return first, nxt - dt.timedelta(days=1)


def event_date(row: Row) -> tuple[int, int | None, int | None] | Finding:
    """Year, month and day of a row's `year`, `month`, `day` fields; an unknown month or day
    is None (a day without a month is not a date)."""
    year = integer(row, "year", low=1800, high=2200)
    if isinstance(year, Finding):
        return year
    parts: list[int | None] = []
    for name, high in (("month", 12), ("day", 31)):
        if row[name].strip().lower() in UNKNOWN:
            parts.append(None)
            continue
        value = integer(row, name, low=1, high=high)
        if isinstance(value, Finding):
            return value
        parts.append(value)
    month, day = parts
    if month is None and day is not None:
        return invalid(row, "month", "a month (the day is given)")
    if month is not None and day is not None:
        try:
            dt.date(year, month, day)
        except ValueError:
            return invalid(row, "day", f"a day of {year}-{month:02d}")
    return year, month, day


def events_of(
    table: Table, event: Callable[[Row], CoupEvent | Finding]
) -> tuple[list[CoupEvent], list[Finding]]:
    """The events `event` makes of the table's rows, and the table's findings with one for
    each row it refuses."""
    events, findings = [], list(table.findings)
    for row in table.rows:
        made = event(row)
        if isinstance(made, Finding):
            findings.append(made)
        else:
            events.append(made)
    return events, findings
