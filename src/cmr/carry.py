"""`cmr new --from-previous`: a draft that starts from the country's most recent earlier year.

Most answers hold from one year to the next, with the same evidence. The draft copies each
answer of the previous observation (answer, confidence, evidence, citations, note) and marks it
`carried_from: <year>` until the coder confirms it for the new year. Questions with a window
(the five-year questions) get `needs_review` as well, because their window moved with the year;
so does every answer when the previous year was coded under another codebook version. A
question the previous year did not answer, or that its codebook did not have, starts blank.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cmr.codebook import Codebook, Codebooks, Question
from cmr.findings import Finding
from cmr.layout import SUFFIXES, layout
from cmr.units import reference_moment

CARRIED_FIELDS = ("answer", "confidence", "evidence", "citations", "note")
HEADER_CARRIED = ("context",)


class NothingToCarry(Exception):
    """The earlier year cannot be carried forward: its findings say why."""

    def __init__(self, message: str, findings: list[Finding]):
        super().__init__(message)
        self.findings = findings


@dataclass(frozen=True)
class Previous:
    """The observation a draft is carried forward from, and the moment it describes."""

    path: Path
    year: int
    data: dict[str, Any]
    codebook: str
    moment: dt.date


def previous_year(folder: Path, year: int) -> Path | None:
    """The country's adjudicated observation (`<ISO3>/<year>.yaml`, or `.yml`) of the most
    recent year before `year`, or None (the first name in order when a year has two)."""
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return None
    found: dict[int, str] = {}
    for name in names:
        where = layout(os.path.join(folder, name)) if name.endswith(SUFFIXES) else None
        if where is not None and not where.independent and where.year < year:
            found.setdefault(where.year, name)
    return folder / found[max(found)] if found else None


def read_previous(path: Path, books: Codebooks, shown: str) -> Previous:
    """The earlier observation, read as `cmr check` reads it. Refused when it cannot be read
    or says another year than the one its name gives (carrying from it would mislabel every
    answer)."""
    from cmr.observation import read_observation

    where = layout(path)
    named = where.year if where is not None else None
    obs, findings = read_observation(path, books, display=shown)
    if obs is None:
        why = "it cannot be read"
    elif obs.year != named:
        why = f"it is at {path.name} but says year {obs.data.get('year')!r}"
        findings = [f for f in findings if f.code == "path-mismatch"]
    else:
        return Previous(path, obs.year, obs.data, obs.codebook.version, obs.reference_moment)
    raise NothingToCarry(f"cannot carry forward from {shown}: {why}; fix it first", findings)


def carried_answers(book: Codebook, previous: Previous, year: int) -> dict[str, Any]:
    """One entry per question of `book`: the previous answer marked as carried, or blank."""
    answers = previous.data.get("answers")
    old = answers if isinstance(answers, dict) else {}
    return {
        q.variable: _carried(q, old.get(q.variable), book, previous, year) for q in book.questions
    }


def _carried(
    question: Question, entry: Any, book: Codebook, previous: Previous, year: int
) -> dict[str, Any]:
    if not isinstance(entry, dict) or entry.get("answer") in (None, ""):
        return {"answer": None, "confidence": None, "evidence": "", "citations": []}
    out = {k: entry[k] for k in CARRIED_FIELDS if k in entry and entry[k] is not None}
    out.setdefault("citations", [])
    # an answer the previous year never confirmed keeps the year it was first carried from
    # and the reasons it was to be reviewed for: carrying it again must not launder it
    earlier = entry.get("carried_from")
    first = previous.year
    if isinstance(earlier, int) and not isinstance(earlier, bool) and earlier < first:
        first = earlier
    out["carried_from"] = first
    reasons = [entry.get("needs_review"), _review_reason(question, book, previous, year)]
    kept = [r.strip() for r in reasons if isinstance(r, str) and r.strip()]
    if kept:
        out["needs_review"] = "; ".join(dict.fromkeys(kept))
    return out


def _review_reason(question: Question, book: Codebook, previous: Previous, year: int) -> str:
    if previous.codebook != book.version:
        return (
            f"coded in {previous.year} under codebook {previous.codebook}; "
            f"check it against the question and guidance of {book.version}"
        )
    moment = reference_moment(book, {"year": year})
    if (previous.moment.month, previous.moment.day) != (moment.month, moment.day):
        return (
            f"{previous.year} describes {previous.moment.isoformat()}, this draft "
            f"{moment.isoformat()}: check it for the new reference moment"
        )
    window = question.window
    if window is None:
        return ""
    left = _span(previous.year - window.years + 1, year - window.years)
    entered = _span(previous.year + 1, year)
    return (
        f"its window ({window.label.lower()}) moved with the year: {left} left it and "
        f"{entered} entered it"
    )


def _span(first: int, last: int) -> str:
    return str(first) if first >= last else f"{first}-{last}"


def carried_header(previous: Previous) -> dict[str, Any]:
    """Header fields worth carrying (the context, e.g. the conflict)."""
    return {k: previous.data[k] for k in HEADER_CARRIED if isinstance(previous.data.get(k), str)}
