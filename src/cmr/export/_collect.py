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
from cmr.records import cite_text, pages_text

__all__ = ["Collected", "cite_text", "collect", "pages_text"]


def _ints() -> array[int]:
    # Compact 8-byte cells: a list would hold a pointer and, above 256, an int object per cell.
    return array("q")


@dataclass
class Collected:
    """Columns per observation (`obs_*`), per answer (long rows) and per citation (`cite_*`).

    `collect` fills them from observations; `cmr.export._stream` from the check's records,
    with NumPy arrays for the integer columns and Arrow arrays for the text columns (already
    made text: `citations` by `cite_text`, `cite_pages` by `pages_text`).
    """

    obs_country: list[str] = field(default_factory=list)
    obs_iso3c: list[str] = field(default_factory=list)
    obs_cown: list[int | None] = field(default_factory=list)
    obs_gwn: list[int | None] = field(default_factory=list)
    obs_year: list[int] = field(default_factory=list)
    obs_as_of: list[dt.date] = field(default_factory=list)
    obs_coder: list[str] = field(default_factory=list)
    obs_version: list[str] = field(default_factory=list)
    row_obs: Any = field(default_factory=_ints)
    question: Any = field(default_factory=_ints)
    variable: Any = field(default_factory=_ints)
    answer: Any = field(default_factory=_ints)
    value: Any = field(default_factory=list)
    confidence: Any = field(default_factory=_ints)
    evidence: Any = field(default_factory=list)
    note: Any = field(default_factory=list)
    citations: Any = field(default_factory=list)
    n_citations: Any = field(default_factory=_ints)
    cite_row: Any = field(default_factory=_ints)
    cite_position: Any = field(default_factory=_ints)
    cite_key: Any = field(default_factory=list)
    cite_pages: Any = field(default_factory=list)
    cited_by: dict[str, list[int]] = field(default_factory=dict)

    @property
    def n_obs(self) -> int:
        return len(self.obs_iso3c)


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
