"""The coverage report as a table (text), JSON, CSV, or a countries × years grid."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

from cmr.coverage._report import CoverageReport

HEADS = (
    "country",
    "codes",
    "name",
    "years",
    "cases",
    "final",
    "draft",
    "indep",
    "unread",
    "missing",
    "final%",
)
CELLS = {"final": "#", "draft": "d", "independent": "i", "unreadable": "!", "missing": "."}
WRONG, NONE = "x", " "
LEGEND = (
    "# final  d draft  i independent codings only  ! unreadable  . missing  "
    "x coded, not a member  (blank) not in the universe"
)
LEFT = 6


def _line(c: dict[str, object]) -> list[str]:
    years = f"{c['first']}-{c['last']}" if c["first"] != c["last"] else str(c["first"])
    codes = " ".join(str(n) for n in c["codes"])  # type: ignore[attr-defined]
    share = f"{c['share_final']:.0%}"
    counts = [
        str(c[k]) for k in ("cases", "final", "draft", "independent", "unreadable", "missing")
    ]
    return [str(c["country"]), codes, str(c["name"]), years, *counts, share]


def table(report: CoverageReport) -> str:
    """Per country: cases and their statuses; then the totals, the observations outside the
    universe, and the findings."""
    rows = [list(HEADS), *(_line(c) for c in report.countries())]
    widths = [max(len(r[i]) for r in rows) for i in range(len(HEADS))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    lines.append(_totals(report))
    lines += [f"outside: {o.file} ({o.iso3c} {o.year}): {o.reason}" for o in report.outside]
    lines += [f.render() for f in sorted(set(report.findings))]
    lines.append(f"{report.errors} error(s), {report.warnings} warning(s)")
    return "\n".join(lines) + "\n"


def _totals(report: CoverageReport) -> str:
    t, u = report.totals(), report.universe
    return (
        f"{t['cases']} case(s) in the {u.system.upper()} universe {u.first}-{u.last}: "
        f"{t['final']} final, {t['draft']} draft, {t['independent']} independent only, "
        f"{t['unreadable']} unreadable, {t['missing']} missing; "
        f"{t['outside']} observation file(s) outside the universe"
    )


def matrix(report: CoverageReport) -> str:
    """Countries down, the universe's years across, one character a country-year."""
    cells = {(c.country, c.year): CELLS[c.status] for c in report.cases}
    years = report.universe.years
    for o in report.outside:
        if o.error and o.year in years:
            cells[(o.iso3c, o.year)] = WRONG
    lines = [f"years {years[0]}-{years[-1]}"]
    for start in range(years[0], years[-1] + 1, 50):
        block = range(start, min(start + 50, years[-1] + 1))
        lines.append(" " * LEFT + _labels(block))
        lines += [
            f"{c:<{LEFT}}" + "".join(cells.get((c, y), NONE) for y in block).rstrip()
            for c in sorted({c for c, _ in cells})
        ]
    return "\n".join([*lines, LEGEND]) + "\n"


def _labels(years: range) -> str:
    """Year labels over each decade's first column (and over the first, if there is room)."""
    out = [" "] * (len(years) + 4)
    for i, year in enumerate(years):
        if (year % 10 == 0 or i == 0) and all(ch == " " for ch in out[max(0, i - 1) : i + 4]):
            out[i : i + 4] = str(year)
    return "".join(out).rstrip()


def as_json(report: CoverageReport) -> str:
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"


COLUMNS = ("iso3c", "codes", "name", "year", "status", "partial", "files", "reason")


def as_csv(report: CoverageReport) -> str:
    """One record per case, then one per observation outside the universe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for c in report.cases:
        writer.writerow(
            [
                c.iso3c or "",
                " ".join(str(n) for n in c.codes),
                c.name,
                c.year,
                c.status,
                int(c.partial),
                " ".join(c.files),
                "",
            ]
        )
    for o in report.outside:
        writer.writerow([o.iso3c, "", "", o.year, "outside", "", o.file, o.reason])
    return buffer.getvalue()


RENDERERS: dict[str, Callable[[CoverageReport], str]] = {
    "text": table,
    "json": as_json,
    "csv": as_csv,
}
