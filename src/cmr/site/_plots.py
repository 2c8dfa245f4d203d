"""Per-question plots: the share of each answer by year, as inline SVG with a text alternative.

A question's answers are pooled by variable over the final, adjudicated codings (the panel's
observations). Each year is one bar, stacked by the scale's values (a yes/no scale gives the
share of yes over no); answers with a missing code are counted in the table, not the bar.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

from cmr.codebook import Question
from cmr.observation import Observation
from cmr.site._anchors import anchor

Years = tuple[tuple[int, dict[str, int]], ...]

PALETTE = ("#1f4e79", "#b34700", "#3b6e22", "#6b2e91", "#7a5c00", "#005f73", "#9b2226", "#444")
WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 640, 180, 40, 22, 8
MAX_STEP = 56  # a bar is at most 39 px wide, however few the years


@dataclass(frozen=True)
class Plot:
    """One question's yearly counts, its SVG and the sentence that says what it shows."""

    question: Question
    values: tuple[tuple[str, str, str], ...]  # (code, label, colour)
    missing: tuple[tuple[str, str], ...]  # (code, label)
    years: Years
    svg: str
    alt: str


def plots(questions: Iterable[Question], observations: list[Observation]) -> list[Plot]:
    """A plot for each of `questions` over `observations` (answers matched by variable)."""
    return [_plot(q, observations) for q in questions]


def _plot(q: Question, observations: list[Observation]) -> Plot:
    per_year: dict[int, Counter[str]] = {}
    for obs in observations:
        answer = obs.answer(q.variable)
        if answer is not None:
            per_year.setdefault(obs.year, Counter())[answer] += 1
    values = tuple(
        (v.code, v.label, PALETTE[i % len(PALETTE)]) for i, v in enumerate(q.scale.values)
    )
    span = range(min(per_year), max(per_year) + 1) if per_year else range(0)
    years = tuple((y, dict(per_year.get(y, {}))) for y in span)  # a gap stays a gap
    known = set(q.scale.codes)  # codes of older versions' scales still get a column
    other = sorted({c for _, counts in years for c in counts if c not in known})
    missing = tuple((m.code, m.label) for m in q.scale.missing) + tuple((c, c) for c in other)
    return Plot(
        q, values, missing, years,
        _svg(q, values, years), _alt(q, values, years),
    )  # fmt: skip


def share(counts: dict[str, int], code: str, codes: Iterable[str]) -> tuple[int, int]:
    """(answers with `code`, answers with any of `codes`) in one year."""
    return counts.get(code, 0), sum(counts.get(c, 0) for c in codes)


def _alt(q: Question, values: tuple[tuple[str, str, str], ...], years: Years) -> str:
    if not years:
        return f"{q.id}: no final answers yet."
    codes = [c for c, _, _ in values]
    parts = []
    for year, counts in years:
        if not counts:  # a year without answers is a gap in the bars, not a word of the text
            continue
        shown = [f"{label} {share(counts, c, codes)[0]}" for c, label, _ in values]
        parts.append(f"{year}: {', '.join(shown)} of {share(counts, '', codes)[1]}")
    return f"{q.id}, answers by year: " + "; ".join(parts) + "."


def _svg(q: Question, values: tuple[tuple[str, str, str], ...], years: Years) -> str:
    codes = [c for c, _, _ in values]
    inner_w, inner_h = WIDTH - LEFT - 8, HEIGHT - BOTTOM - TOP
    step = min(inner_w / max(len(years), 1), MAX_STEP)
    out = [_axes(inner_w, inner_h)]
    every = max(1, len(years) // 12)  # year labels that do not overlap
    for i, (year, counts) in enumerate(years):
        x, base = LEFT + i * step, float(TOP + inner_h)
        total = share(counts, "", codes)[1]
        for code, label, colour in values:
            n = counts.get(code, 0)
            if total and n:
                h = inner_h * n / total
                base -= h
                out.append(
                    f'<rect x="{x + step * 0.15:.1f}" y="{base:.1f}" width="{step * 0.7:.1f}" '
                    f'height="{h:.1f}" fill="{colour}"><title>{year}: {escape(label)} {n} of '
                    f"{total}</title></rect>"
                )
        if i % every == 0:
            out.append(
                f'<text x="{x + step / 2:.1f}" y="{HEIGHT - 6}" text-anchor="middle">{year}</text>'
            )
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{anchor(q.variable, "plot")}-alt" class="plot">'
    )
    return head + "".join(out) + "</svg>"


def _axes(inner_w: float, inner_h: float) -> str:
    lines = []
    for pct in (0, 50, 100):
        y = TOP + inner_h * (1 - pct / 100)
        lines.append(
            f'<line x1="{LEFT}" x2="{LEFT + inner_w:.1f}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="#767676" stroke-width="0.5"/><text x="{LEFT - 4}" y="{y + 4:.1f}" '
            f'text-anchor="end">{pct}%</text>'
        )
    return "".join(lines)
