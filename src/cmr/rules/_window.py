"""Window rule: the evidence of a time-bound answer dates something inside the window."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from cmr import units
from cmr.rules._base import AnswerRule, Test, register

if TYPE_CHECKING:
    from cmr.codebook import Codebook
    from cmr.observation import Observation
    from cmr.settings import Settings

# 1992, 1980s (a decade), 1989-91 and 1989–1993 (ranges); not part of a longer number.
_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?:(s)\b|\s*[-–—]\s*(\d{4}|\d{2})\b)?(?!\d)")


def mentioned_years(text: str) -> list[tuple[int, int]]:
    """Spans of years mentioned in `text`, as (first, last).

    >>> mentioned_years("Between 1989 and 1991-92, and in the 1980s")
    [(1989, 1989), (1991, 1992), (1980, 1989)]
    """
    return list(_spans(text))


def _spans(text: str) -> Iterator[tuple[int, int]]:
    for m in _YEAR.finditer(text):
        first = int(m.group(1))
        if m.group(2):
            yield first, first + 9
        elif m.group(3):
            end = m.group(3)
            last = int(end) if len(end) == 4 else first // 100 * 100 + int(end)
            yield (first, last) if last >= first else (first, first)
        else:
            yield first, first


def _shown(spans: list[tuple[int, int]]) -> str:
    if not spans:
        return "none"
    names = sorted({str(a) if a == b else f"{a}–{b}" for a, b in spans})
    return ", ".join(names[:6]) + (", …" if len(names) > 6 else "")


@register
class WindowRule(AnswerRule):
    """Some year the evidence mentions lies in [reference year − window years, reference year].

    For answers in `require_year` evidence without any year fires too; for the other answers
    the rule fires only when years are mentioned and all lie outside the window.
    """

    kind = "window"
    scope = "file"
    placeholders = "{id} {variable} {answer} {low} {high} {mentioned}"

    def __init__(self, spec: dict[str, Any], book: Codebook, settings: Settings):
        super().__init__(spec, book, settings)
        variables = spec.get("variables") or [q.variable for q in book.questions if q.window]
        self.targets = []
        for v in variables:
            q = book.by_variable[v]
            if q.window is None:
                continue
            answers = frozenset(spec.get("answers") or [s.code for s in q.scale.values])
            self.targets.append((v, q.id, answers, q.window.years))
        self.require = frozenset(spec.get("require_year", spec.get("answers") or ()))

    def plan(self) -> Iterator[tuple[str, str, frozenset[str], Test]]:
        for variable, qid, answers, years in self.targets:
            yield variable, qid, answers, partial(self._test, years=years)

    def _test(self, entry: dict[str, Any], obs: Observation, years: int) -> dict[str, Any] | None:
        if obs.year <= 0:  # no usable year: the schema reports it; there is no window
            return None
        evidence = entry.get("evidence")
        text = evidence if isinstance(evidence, str) else ""
        high = units.reference_moment(obs.codebook, obs.data).year
        low = high - years
        if _dates_window(text, low, high):
            return None
        spans = mentioned_years(text)
        if spans or entry.get("answer") in self.require:
            return {"low": low, "high": high, "mentioned": _shown(spans)}
        return None


def _dates_window(text: str, low: int, high: int) -> bool:
    """True at the first mentioned year span that overlaps [low, high]."""
    return any(a <= high and b >= low for a, b in _spans(text))
