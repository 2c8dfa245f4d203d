"""The board as a table (text), a countries × years grid, JSON or CSV; one renderer per name."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

from cmr.status._board import DRAFT, FINAL, INDEPENDENT, Board, Row

COLUMNS = (
    "iso3c",
    "year",
    "status",
    "coders",
    "codebooks",
    "unanswered",
    "carried",
    "errors",
    "warnings",
    "independent",
    "agreement",
)
# grid cells: what a country-year holds
CELLS = {FINAL: "#", DRAFT: "d", INDEPENDENT: "i"}
MISSING, UNREADABLE_CELL = ".", "!"
LEGEND = "# final  d draft  i independent codings only  ! unreadable  . not coded"


def _cells(row: Row) -> list[str]:
    agreement = "" if row.agreement is None else f"{row.agreement:.0%}"
    return [
        row.iso3c,
        str(row.year),
        row.status,
        " ".join(row.coders),
        " ".join(row.codebooks),
        str(row.unanswered),
        str(row.carried),
        str(row.errors),
        str(row.warnings),
        str(row.independent),
        agreement,
    ]


def table(board: Board) -> str:
    """Aligned columns, a header line and a totals line."""
    rows = [list(COLUMNS), *(_cells(r) for r in board.rows)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(COLUMNS))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join([*lines, _totals(board)]) + "\n"


def _totals(board: Board) -> str:
    counts = board.to_dict()["by_status"]
    parts = ", ".join(f"{n} {status}" for status, n in counts.items()) or "nothing coded yet"
    more = f"; {len(board.findings)} finding(s) outside the observations (run cmr check)"
    return f"{len(board.rows)} country-year(s): {parts}" + (more if board.findings else "")


def matrix(board: Board) -> str:
    """Countries down, years across, one character per country-year, with a legend."""
    if not board.rows:
        return "nothing coded yet\n"
    first = min(r.year for r in board.rows)
    last = max(r.year for r in board.rows)
    cells: dict[tuple[str, int], str] = {
        (r.iso3c, r.year): CELLS.get(r.status, UNREADABLE_CELL) for r in board.rows
    }
    countries = sorted({r.iso3c for r in board.rows})
    years = range(first, last + 1)
    ruler = "".join("|" if y % 10 == 0 or y == first else " " for y in years)
    lines = [f"      {_decades(years)}", f"      {ruler}".rstrip()]
    lines += [f"{c:<6}" + "".join(cells.get((c, y), MISSING) for y in years) for c in countries]
    return "\n".join([f"years {first}-{last}", *lines, LEGEND]) + "\n"


def _decades(years: range) -> str:
    """Year labels placed over the first column of each decade (and of the range)."""
    out = [" "] * len(years)
    for i, y in enumerate(years):
        if y % 10 == 0 or i == 0:
            label = str(y)
            if all(c == " " for c in out[i : i + len(label)]):
                out[i : i + len(label)] = label[: len(years) - i]
    return "".join(out).rstrip()


def as_json(board: Board) -> str:
    return json.dumps(board.to_dict(), indent=2, ensure_ascii=False) + "\n"


def as_csv(board: Board) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in board.rows:
        writer.writerow([*_cells(row)[:-1], "" if row.agreement is None else row.agreement])
    return buffer.getvalue()


RENDERERS: dict[str, Callable[[Board], str]] = {"text": table, "json": as_json, "csv": as_csv}
