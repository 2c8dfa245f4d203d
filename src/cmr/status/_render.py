"""The board as a table (text), a countries × years grid, JSON or CSV; one renderer per name."""

from __future__ import annotations

import csv
import io
import json
import shutil
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
    counts = board.by_status()
    parts = ", ".join(f"{n} {status}" for status, n in counts.items()) or "nothing coded yet"
    more = f"; {len(board.findings)} finding(s) outside the observations (run cmr check)"
    return f"{len(board.rows)} country-year(s): {parts}" + (more if board.findings else "")


def matrix(board: Board, width: int | None = None) -> str:
    """Countries down, years across, one character per country-year, with a legend; the years
    wrap into blocks of whole decades that fit `width` (default: the terminal's, or 80)."""
    if not board.rows:
        return "nothing coded yet\n"
    first = min(r.year for r in board.rows)
    last = max(r.year for r in board.rows)
    cells: dict[tuple[str, int], str] = {
        (r.iso3c, r.year): CELLS.get(r.status, UNREADABLE_CELL) for r in board.rows
    }
    countries = sorted({r.iso3c for r in board.rows})
    columns = width or shutil.get_terminal_size((80, 24)).columns
    per_block = max(10, (columns - LEFT) // 10 * 10)
    lines = [f"years {first}-{last}"]
    start = first
    while start <= last:
        end = min(last, (start // 10) * 10 + per_block - 1)
        years = range(start, end + 1)
        lines += [" " * LEFT + _labels(years), " " * LEFT + _ruler(years)]
        lines += [_cells_of(c, years, cells) for c in countries]
        start = end + 1
    return "\n".join([*lines, LEGEND]) + "\n"


LEFT = 6  # the country column


def _cells_of(country: str, years: range, cells: dict[tuple[str, int], str]) -> str:
    return f"{country:<{LEFT}}" + "".join(cells.get((country, y), MISSING) for y in years)


def _ruler(years: range) -> str:
    return "".join("|" if y % 10 == 0 or y == years[0] else " " for y in years).rstrip()


def _labels(years: range) -> str:
    """Year labels over the first column of each decade, and over the first column when
    there is room before the next label (never `18161820`)."""
    out = [" "] * len(years)
    starts = [i for i, y in enumerate(years) if y % 10 == 0]
    if not starts or starts[0] >= len(str(years[0])) + 1:
        starts.insert(0, 0)
    for i in starts:  # the last label may run past the last year's column (`1992-1993`)
        label = str(years[i])
        out[i : i + len(label)] = label
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
