"""Checked observations as compact Arrow records, built in the check's workers for the export.

Instead of sending each parsed observation (nested dicts, kilobytes of evidence) back to the
parent by pickle, a worker turns a batch of observations into three Arrow tables and sends
them as Arrow IPC bytes: `obs` (one row per observation), `answers` (one row per question of
its codebook, in codebook order) and `cites` (one row per citation). Codes stay strings here;
the export maps them onto its layout's categories. Only the export path imports this module
(and with it pyarrow): `cmr check` alone never does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from cmr import countries, units
from cmr.observation import Observation

OBS = pa.schema(
    [
        ("path", pa.string()),
        ("country", pa.string()),
        ("cown", pa.int64()),
        ("gwn", pa.int64()),
        ("as_of", pa.date32()),
        ("reconciles", pa.string()),
        ("unit", pa.string()),
        ("reference_date", pa.date32()),
        ("events", pa.large_string()),
    ]
)
ANSWERS = pa.schema(
    [
        ("obs", pa.int64()),
        ("question", pa.string()),
        ("variable", pa.string()),
        ("answer", pa.string()),
        ("confidence", pa.string()),
        ("evidence", pa.large_string()),
        ("note", pa.large_string()),
        ("citations", pa.string()),
        ("n_citations", pa.int64()),
    ]
)
CITES = pa.schema(
    [("row", pa.int64()), ("position", pa.int64()), ("key", pa.string()), ("pages", pa.string())]
)


def pages_text(pages: str | int | None) -> str | None:
    """The pages of a citation as text; None when not given."""
    return None if pages in (None, "") else str(pages)


def cite_text(citations: list[dict[str, Any]]) -> str | None:
    """`curtis1995 (120-121); other2001`: the keys, each with its pages when given."""
    parts = [
        f"{c.get('key')} ({c['pages']})" if c.get("pages") not in (None, "") else str(c.get("key"))
        for c in citations
    ]
    return "; ".join(parts) or None


def _sections(obs: Observation) -> dict[str, Any]:
    """The unit, reference date and events (as JSON) that codebook 1.2.0's sections add."""
    unit = units.unit_of(obs.codebook, obs.data)
    events = obs.data.get("events")
    return {
        "unit": unit.id if unit is not None else None,
        "reference_date": units.reference_moment(obs.codebook, obs.data),
        "events": json.dumps(events, ensure_ascii=False) if events else None,
    }


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


@dataclass
class Builder:
    """Collects the records of a batch of observations, column by column."""

    obs: dict[str, list[Any]] = field(default_factory=lambda: {n: [] for n in OBS.names})
    answers: dict[str, list[Any]] = field(default_factory=lambda: {n: [] for n in ANSWERS.names})
    cites: dict[str, list[Any]] = field(default_factory=lambda: {n: [] for n in CITES.names})

    def add(self, obs: Observation, display: str) -> None:
        """Append one checked observation."""
        self._identify(obs, display)
        i = len(self.obs["path"]) - 1
        for q in obs.codebook.questions:
            entry = obs.answers.get(q.variable)
            self._answer(i, q.id, q.variable, entry if isinstance(entry, dict) else {})

    def _identify(self, obs: Observation, display: str) -> None:
        country = countries.by_iso3(obs.iso3c)
        reconciles = "; ".join(str(c) for c in obs.data.get("reconciles", []) or [])
        row: dict[str, Any] = {
            "path": display,
            "country": country.name if country else str(obs.data.get("country", "")),
            "cown": country.cown if country else obs.data.get("cown"),
            "gwn": country.gwn if country else None,
            "as_of": obs.reference_moment,
            "reconciles": reconciles or None,
            **_sections(obs),
        }
        for name, value in row.items():
            self.obs[name].append(value)

    def _answer(self, i: int, question: str, variable: str, entry: dict[str, Any]) -> None:
        # A clean check guarantees a list of {key, pages?} mappings.
        raw = entry.get("citations")
        cited: list[dict[str, Any]] = raw if isinstance(raw, list) else []
        a = self.answers
        row = len(a["obs"])
        a["obs"].append(i)
        a["question"].append(question)
        a["variable"].append(variable)
        a["answer"].append(_text(entry.get("answer")))
        a["confidence"].append(_text(entry.get("confidence")))
        a["evidence"].append(entry.get("evidence"))
        a["note"].append(entry.get("note"))
        a["citations"].append(cite_text(cited) if cited else None)
        a["n_citations"].append(len(cited))
        for position, c in enumerate(cited, start=1):
            self.cites["row"].append(row)
            self.cites["position"].append(position)
            self.cites["key"].append(c["key"])
            self.cites["pages"].append(pages_text(c.get("pages")))

    def to_ipc(self) -> tuple[bytes, bytes, bytes]:
        """The three tables, each as an Arrow IPC stream."""
        return (
            _ipc(self.obs, OBS),
            _ipc(self.answers, ANSWERS),
            _ipc(self.cites, CITES),
        )


def _ipc(columns: dict[str, list[Any]], schema: pa.Schema) -> bytes:
    table = pa.Table.from_pydict(columns, schema=schema)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, schema) as writer:
        writer.write_table(table)
    return bytes(sink.getvalue())


@dataclass(frozen=True)
class Records:
    """The records of every observation of a check, in the order of its summaries; `answers`
    rows point at `obs` rows (`obs`), `cites` rows at `answers` rows (`row`)."""

    obs: pa.Table
    answers: pa.Table
    cites: pa.Table


def read(blobs: list[tuple[bytes, bytes, bytes]]) -> Records:
    """The batches' records as one set of tables, their row pointers made global."""
    parts: list[list[pa.Table]] = [[], [], []]
    n_obs = n_rows = 0
    for blob in blobs:
        obs, answers, cites = (pa.ipc.open_stream(pa.py_buffer(b)).read_all() for b in blob)
        answers = answers.set_column(0, "obs", pc.add(answers["obs"], n_obs))
        cites = cites.set_column(0, "row", pc.add(cites["row"], n_rows))
        for part, t in zip(parts, (obs, answers, cites), strict=True):
            part.append(t)
        n_obs, n_rows = n_obs + obs.num_rows, n_rows + answers.num_rows
    schemas = (OBS, ANSWERS, CITES)
    obs_t, ans_t, cites_t = (
        pa.concat_tables(p) if p else s.empty_table() for p, s in zip(parts, schemas, strict=True)
    )
    return Records(obs_t, ans_t, cites_t)
