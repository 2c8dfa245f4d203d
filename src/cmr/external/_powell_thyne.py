"""The Powell & Thyne list of coups, read with every mistake located.

Source: Jonathan M. Powell and Clayton L. Thyne, "Global instances of coups from 1950 to
2010: A new dataset", *Journal of Peace Research* 48(2), 2011, 249–259,
doi:10.1177/0022343310397436 (`powell2011` in the repository's bibliography). The authors
publish the list, kept up to date, as a tab-separated text file (`powell_thyne_coups_final.txt`)
with the columns `country, ccode, year, month, day, coup, version`: one row per coup attempt,
`ccode` a Gleditsch & Ward country code, `coup` 2 for a successful coup (its perpetrators held
power for at least seven days) and 1 for a failed attempt. A comma-separated copy, a file
without the header and a day of 0 or blank (unknown) are read too.

>>> events, findings = read_powell_thyne(Path("powell_thyne_coups_final.txt"))  # doctest: +SKIP
>>> events[0].category, events[0].date_text
('successful', '1993-06-04')
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from cmr.external._coups import CoupEvent, event_date, events_of
from cmr.external._rows import Layout, Row, read_rows
from cmr.external._values import integer, invalid
from cmr.findings import Finding

SOURCE = "powell-thyne"
LABEL = "Powell & Thyne"
COLUMNS = ("country", "ccode", "year", "month", "day", "coup", "version")
CATEGORIES = {"2": "successful", "1": "failed"}
SUCCESS, FAILURE = "successful", "failed"


def _first_line(path: Path) -> str:
    """The file's first line, enough to tell a header: NUL bytes are dropped, so that
    UTF-16 (with a mark or without) reads as its ASCII letters, digits and delimiters. Only
    a regular file is read (opened without blocking, so a FIFO cannot hold it up); anything
    else is left to `read_rows`, which says what it is."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return ""
    try:
        head = os.read(fd, 4096) if stat.S_ISREG(os.fstat(fd).st_mode) else b""
    except OSError:
        head = b""
    finally:
        os.close(fd)
    text = head.replace(b"\x00", b"").decode("utf-8", errors="replace")
    return text.replace("\r", "\n").split("\n")[0]


def _layout(first: str) -> Layout:
    """Tab-separated as published (comma-separated when the first line has commas and no
    tab). A first line naming `country` or `ccode` is the header, under which only the columns
    read are required (`version` may be missing); without one, the seven published columns
    are taken by position."""
    delimiter = "," if "\t" not in first and "," in first else "\t"
    low = first.lower()
    if "ccode" in low or "country" in low:
        return Layout(LABEL, COLUMNS[:-1], delimiter, header="required")
    return Layout(LABEL, COLUMNS, delimiter, header="none")


def read_powell_thyne(
    path: Path, *, name: str | None = None
) -> tuple[list[CoupEvent], list[Finding]]:
    """The coup events of a Powell & Thyne file, and a finding for each row left out."""
    table = read_rows(path, _layout(_first_line(path)), name=name)
    return events_of(table, _event)


def _event(row: Row) -> CoupEvent | Finding:
    code = integer(row, "ccode", low=1, high=9999)
    if isinstance(code, Finding):
        return code
    category = CATEGORIES.get(row["coup"].strip().split(".")[0])
    if category is None:
        return invalid(row, "coup", "1 (failed) or 2 (successful)")
    when = event_date(row)
    if isinstance(when, Finding):
        return when
    return CoupEvent(SOURCE, row.file, row.line, code, row["country"], *when, category)
