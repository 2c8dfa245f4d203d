"""The coverage report as a table (text), JSON or CSV (the grid is in `_matrix`)."""

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
