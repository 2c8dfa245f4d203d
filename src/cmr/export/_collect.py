"""One pass over the observations, collecting every column the tables need.

Labels are collected as indices into the layout's categories, so that the tables can be
assembled with NumPy and Arrow instead of more Python loops.
"""

from __future__ import annotations

import datetime as dt
from array import array
from dataclasses import dataclass, field
from typing import Any

from cmr import countries
from cmr.export._spec import PanelSpec
from cmr.observation import Observation


def _ints() -> array[int]:
    # Compact 8-byte cells: a list would hold a pointer and, above 256, an int object per cell.
    return array("q")


@dataclass
class Collected:
    """Columns per observation (`obs_*`), per answer (long rows) and per citation (`cite_*`)."""

    obs_country: list[str] = field(default_factory=list)
    obs_iso3c: list[str] = field(default_factory=list)
    obs_cown: list[int | None] = field(default_factory=list)
    obs_gwn: list[int | None] = field(default_factory=list)
    obs_year: list[int] = field(default_factory=list)
    obs_as_of: list[dt.date] = field(default_factory=list)
    obs_coder: list[str] = field(default_factory=list)
    obs_version: list[str] = field(default_factory=list)
    row_obs: array[int] = field(default_factory=_ints)
    question: array[int] = field(default_factory=_ints)
    variable: array[int] = field(default_factory=_ints)
    answer: array[int] = field(default_factory=_ints)
    value: list[int | None] = field(default_factory=list)
    confidence: array[int] = field(default_factory=_ints)
    evidence: list[str | None] = field(default_factory=list)
    note: list[str | None] = field(default_factory=list)
    citations: list[list[dict[str, Any]]] = field(default_factory=list)
    n_citations: array[int] = field(default_factory=_ints)
    cite_row: array[int] = field(default_factory=_ints)
    cite_position: array[int] = field(default_factory=_ints)
    cite_key: list[str] = field(default_factory=list)
    cite_pages: list[str | int | None] = field(default_factory=list)
    cited_by: dict[str, list[int]] = field(default_factory=dict)

    @property
    def n_obs(self) -> int:
        return len(self.obs_iso3c)


def pages_text(pages: str | int | None) -> str | None:
    return None if pages in (None, "") else str(pages)


def cite_text(citations: list[dict[str, Any]]) -> str | None:
    """`curtis1995 (120-121); other2001`: the keys, each with its pages when given."""
    parts = [
        f"{c.get('key')} ({c['pages']})" if c.get("pages") not in (None, "") else str(c.get("key"))
        for c in citations
    ]
    return "; ".join(parts) or None


def _identify(out: Collected, obs: Observation) -> None:
    country = countries.by_iso3(obs.iso3c)
    out.obs_country.append(country.name if country else str(obs.data.get("country", "")))
    out.obs_iso3c.append(obs.iso3c)
    out.obs_cown.append(country.cown if country else obs.data.get("cown"))
    out.obs_gwn.append(country.gwn if country else None)
    out.obs_year.append(obs.year)
    out.obs_as_of.append(obs.reference_moment)
    out.obs_coder.append(obs.coder)
    out.obs_version.append(obs.codebook.version)


def collect(observations: list[Observation], layout: PanelSpec) -> Collected:
    """Everything the tables need, in one pass, rows in observation and question order."""
    out = Collected()
    q_index = {q: i for i, q in enumerate(layout.question_ids)}
    v_index = {v.name: i for i, v in enumerate(layout.variables)}
    a_index = {a: i for i, a in enumerate(layout.answer_codes)}
    c_index = {c: i for i, c in enumerate(layout.confidence)}
    values = {v.name: v.values for v in layout.variables}
    for i, obs in enumerate(observations):
        _identify(out, obs)
        answers = obs.answers
        keys: set[str] = set()
        for q in obs.codebook.questions:
            entry = answers.get(q.variable)
            if not isinstance(entry, dict):
                entry = {}
            # A clean check guarantees a list of {key, pages?} mappings.
            raw = entry.get("citations")
            cited: list[dict[str, Any]] = raw if isinstance(raw, list) else []
            answer: Any = entry.get("answer")
            confidence: Any = entry.get("confidence")
            row = len(out.row_obs)
            out.row_obs.append(i)
            out.question.append(q_index[q.id])
            out.variable.append(v_index[q.variable])
            out.answer.append(a_index.get(answer, -1))
            out.value.append(values[q.variable].get(answer))
            out.confidence.append(c_index.get(confidence, -1))
            out.evidence.append(entry.get("evidence"))
            out.note.append(entry.get("note"))
            out.citations.append(cited)
            out.n_citations.append(len(cited))
            for position, c in enumerate(cited, start=1):
                out.cite_row.append(row)
                out.cite_position.append(position)
                out.cite_key.append(c["key"])
                out.cite_pages.append(c.get("pages"))
                keys.add(c["key"])
        for key in keys:
            out.cited_by.setdefault(key, []).append(i)
    return out
