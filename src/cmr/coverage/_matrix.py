"""The coverage report as a grid: countries down, the universe's years across.

One character a country-year (`#` final, `d` draft, `i` independent codings only, `!`
unreadable, `.` missing, `x` coded but not a member, blank outside the universe). The years
are cut into blocks as wide as the terminal allows (whole decades, at least ten years), and a
block without any case is left out, so a universe of centuries before the list begins
prints nothing for them.

>>> print(matrix(report, width=30))      # doctest: +SKIP
years 1988-1995
      1988
AZE     x.#d..
"""

from __future__ import annotations

from cmr.coverage._report import CoverageReport

CELLS = {"final": "#", "draft": "d", "independent": "i", "unreadable": "!", "missing": "."}
WRONG, NONE = "x", " "
LEGEND = (
    "# final",
    "d draft",
    "i independent codings only",
    "! unreadable",
    ". missing",
    "x coded, not a member",
    "(blank) not in the universe",
)
LEFT = 6
DEFAULT_BLOCK = 50
"""Years a block holds when no width is given (a library caller's default)."""


def matrix(report: CoverageReport, width: int | None = None) -> str:
    """Countries down, the universe's years across, one character a country-year; `width`
    (the terminal's columns) sets how many years a block holds."""
    cells = _cells(report)
    years = report.universe.years
    size = _block_size(width)
    countries = sorted({c for c, _ in cells})
    lines = [f"years {years[0]}-{years[-1]}"]
    for block in _blocks(years, size):
        rows = [(c, "".join(cells.get((c, y), NONE) for y in block).rstrip()) for c in countries]
        if any(row for _, row in rows):
            lines.append(" " * LEFT + _labels(block))
            lines += [f"{c:<{LEFT}}{row}".rstrip() for c, row in rows]
    return "\n".join([*lines, *_legend(width)]) + "\n"


def _blocks(years: range, size: int) -> list[range]:
    """`years` cut into blocks of `size` that start on a decade (the first may be shorter)."""
    base = years[0] - years[0] % 10
    starts = [years[0], *range(base + size, years[-1] + 1, size)]
    ends = [*starts[1:], years[-1] + 1]
    return [range(a, b) for a, b in zip(starts, ends, strict=True)]


def _legend(width: int | None) -> list[str]:
    """The legend's items, as many a line as `width` holds (all on one line without it)."""
    lines = [""]
    for item in LEGEND:
        joined = f"{lines[-1]}  {item}" if lines[-1] else item
        if width is None or len(joined) <= width or not lines[-1]:
            lines[-1] = joined
        else:
            lines.append(item)
    return lines


def _cells(report: CoverageReport) -> dict[tuple[str, int], str]:
    cells = {(c.country, c.year): CELLS[c.status] for c in report.cases}
    years = report.universe.years
    for o in report.outside:
        if o.error and o.year in years:
            cells[(o.iso3c, o.year)] = WRONG
    return cells


def _block_size(width: int | None) -> int:
    """Whole decades that fit in `width` after the country column, at least one."""
    if width is None:
        return DEFAULT_BLOCK
    return max(10, (width - LEFT) // 10 * 10)


def _labels(years: range) -> str:
    """Year labels over each decade's first column (and over the first, if there is room)."""
    out = [" "] * (len(years) + 4)
    for i, year in enumerate(years):
        if (year % 10 == 0 or i == 0) and all(ch == " " for ch in out[max(0, i - 1) : i + 4]):
            out[i : i + 4] = str(year)
    return "".join(out).rstrip()
