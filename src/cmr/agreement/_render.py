"""The agreement report as text: a table of figures, notes, then disagreements side by side."""

from __future__ import annotations

import textwrap
from itertools import zip_longest

from cmr.agreement._report import Coding, Disagreement, Figures, Report

WIDTH = 100


def _num(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def _row(f: Figures) -> str:
    name = f"{f.id} {f.variable}".strip()
    return f"{name:32} {f.units:>6} {_num(f.percent):>7} {_num(f.alpha):>7} {_num(f.ac1):>7}"


def _cite(coding: Coding) -> str:
    parts = [
        str(c.get("key", "?")) + (f" p. {c['pages']}" if c.get("pages") else "")
        for c in coding.citations
    ]
    return "cites: " + ("; ".join(parts) or "nothing")


def _columns(codings: list[Coding]) -> list[str]:
    width = max(20, (WIDTH - 3 * (len(codings) - 1)) // len(codings))
    blocks = []
    for c in codings:
        lines = [f"{c.coder}: {c.answer}", f"({c.path})"]
        lines += textwrap.wrap(" ".join(c.evidence.split()), width) or ["(no evidence)"]
        lines += textwrap.wrap(_cite(c), width)
        blocks.append(lines)
    return [
        "  " + " | ".join(f"{cell:<{width}}" for cell in row).rstrip()
        for row in zip_longest(*blocks, fillvalue="")
    ]


def _disagreement(d: Disagreement) -> list[str]:
    return [f"{d.iso3c} {d.year} {d.id} {d.variable}", *_columns(d.codings), ""]


def why_not(report: Report) -> str:
    """Why a report has no figures, in one clause."""
    if report.country_years == 0 and any(f.code == "agreement-drafts" for f in report.findings):
        return (
            "no country-year has two final independent codings (drafts are left out until "
            "their status line goes)"
        )
    if report.country_years == 0:
        return (
            "no country-year has two independent codings (add them with "
            "`cmr new COUNTRY YEAR --coder NAME --independent`)"
        )
    return (
        "no question of a double-coded country-year has two answers on its scale "
        "(missing codes and answers off the scale are left out)"
    )


def _left_out(overall: Figures) -> str:
    return (
        f"Left out of the figures: {overall.missing} answer(s) with a missing code, "
        f"{overall.excluded} answer(s) off the scale or absent."
    )


def text(report: Report) -> str:
    """The report for the terminal."""
    lines = [
        f"Inter-coder agreement: {len(report.coders)} coder(s), "
        f"{report.country_years} country-year(s) coded independently more than once",
        "",
    ]
    if not report.computable:
        lines.append(f"No agreement could be computed: {why_not(report)}.")
        return "\n".join(lines) + "\n"
    lines.append(f"{'question':32} {'units':>6} {'agree':>7} {'alpha':>7} {'AC1':>7}")
    lines += [_row(q) for q in report.questions] + [_row(report.overall), ""]
    if report.overall.missing or report.overall.excluded:
        lines += [_left_out(report.overall), ""]
    notes = [
        f"  {q.id} {q.variable}: {q.note}" for q in [*report.questions, report.overall] if q.note
    ]
    if notes:
        lines += ["Notes:", *notes, ""]
    lines.append(f"Disagreements: {len(report.disagreements)}")
    lines.append("")
    for d in report.disagreements:
        lines += _disagreement(d)
    return "\n".join(lines).rstrip() + "\n"
