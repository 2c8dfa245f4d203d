"""Values of published rows: whole numbers and dates, or a located finding saying why not.

Each helper takes a `Row` and a column name and returns the value, or a finding
(`external-value-invalid`) at the field's line and column. Whitespace around a value, a `+`
sign and a `.0` that a spreadsheet adds to whole numbers are accepted; digits are ASCII
digits only (Python's `int` also reads `٣٧٣` and fullwidth `３７３`, which no published list
writes and which would otherwise pass as state numbers).

>>> from cmr.external._split import Field
>>> row = Row("gw.tsv", 3, {"start": Field("01:01:1816", 9, 3), "ccode": Field("2", 1, 3)})
>>> gw_date(row, "start"), integer(row, "ccode")
(datetime.date(1816, 1, 1), 2)
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from cmr.catalogue import finding
from cmr.external._rows import Row
from cmr.findings import Finding

_INTEGER = re.compile(r"[+-]?[0-9]{1,18}(\.0*)?")
_GW_DATE = re.compile(r"([0-9]{1,2}):([0-9]{1,2}):([0-9]{4})")
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")


def invalid(row: Row, name: str, expected: str) -> Finding:
    """The finding for a field of `row` that is not `expected` (`a whole number`)."""
    cell = row.fields[name]
    return finding(
        "external-value-invalid",
        row.file,
        cell.line,
        cell.column,
        source=row.source,
        field=name,
        value=cell.value[:60],
        expected=expected,
    )


def text(row: Row, name: str) -> str | Finding:
    """The text in field `name`, which may not hold control characters (a line break inside
    quotes, an escape sequence that would recolour a terminal, a bell)."""
    value = row[name]
    if any(unicodedata.category(ch) == "Cc" for ch in value):
        return invalid(row, name, "text without control characters")
    return value


def integer(
    row: Row, name: str, *, low: int | None = None, high: int | None = None
) -> int | Finding:
    """The whole number in field `name` (between `low` and `high` when given)."""
    text = row[name]
    if not _INTEGER.fullmatch(text):
        return invalid(row, name, "a whole number")
    value = int(text.split(".")[0])
    if (low is not None and value < low) or (high is not None and value > high):
        return invalid(row, name, f"a whole number from {low} to {high}")
    return value


def calendar_date(
    row: Row, year: str, month: str, day: str, *, years: tuple[int, int] = (1, 9999)
) -> date | Finding:
    """The date in the three fields `year`, `month`, `day` (COW's `styear, stmonth, stday`),
    its year within `years` (both included)."""
    parts = []
    for name, low, high in ((year, *years), (month, 1, 12), (day, 1, 31)):
        part = integer(row, name, low=low, high=high)
        if isinstance(part, Finding):
            return part
        parts.append(part)
    try:
        return date(parts[0], parts[1], parts[2])
    except ValueError:
        return invalid(row, day, f"a day of {parts[0]}-{parts[1]:02d}")


def _parts(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) of `dd:mm:yyyy` or `yyyy-mm-dd`; None for anything else."""
    match = _GW_DATE.fullmatch(text)
    if match:
        return int(match[3]), int(match[2]), int(match[1])
    match = _ISO_DATE.fullmatch(text)
    return (int(match[1]), int(match[2]), int(match[3])) if match else None


def gw_date(row: Row, name: str, *, years: tuple[int, int] = (1, 9999)) -> date | Finding:
    """The date in field `name` written `dd:mm:yyyy`, as the Gleditsch & Ward lists write it
    (`yyyy-mm-dd`, as copies saved by R or pandas write it, is read too), in `years`."""
    parts = _parts(row[name])
    if parts is None:
        return invalid(row, name, "a date written dd:mm:yyyy")
    if not years[0] <= parts[0] <= years[1]:
        return invalid(row, name, f"a date of a year from {years[0]} to {years[1]}")
    try:
        return date(*parts)
    except ValueError:
        return invalid(row, name, "a calendar date (dd:mm:yyyy)")
