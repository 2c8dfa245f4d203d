"""The export's columns from the check's records (`cmr.records`), with NumPy and Arrow compute.

The check's workers send each observation as Arrow records, codes as strings; here the rows of
the chosen observations are taken in panel order and the codes mapped onto the layout's
categories (`pc.index_in`), which gives the same `Collected` columns as `collect` on parsed
observations, without a Python loop over the answers.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from cmr.bibliography import Bibliography
from cmr.export._build import Codings, Tables, assemble
from cmr.export._collect import Collected
from cmr.export._events import Facts
from cmr.export._spec import PanelSpec
from cmr.records import Records, read
from cmr.summary import Summary

TEXTS = ("evidence", "note", "citations")


def _index(values: pa.ChunkedArray, categories: Sequence[str]) -> np.ndarray:
    """Each value's index in `categories`, -1 where it is not one of them (or missing)."""
    found = pc.index_in(values, value_set=pa.array(list(categories), pa.string()))
    return np.asarray(found.fill_null(-1).to_numpy(zero_copy_only=False), dtype=np.int64)


def _rows(records: Records, order: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The answer rows of the observations `order`, in that order, and each one's position
    in `order`."""
    counts = np.bincount(records.answers["obs"].to_numpy(), minlength=records.obs.num_rows)
    starts = np.cumsum(counts) - counts
    taken = counts[order]
    row_obs = np.repeat(np.arange(len(order), dtype=np.int64), taken)
    first = np.cumsum(taken) - taken
    within = np.arange(len(row_obs), dtype=np.int64) - np.repeat(first, taken)
    return np.repeat(starts[order], taken).astype(np.int64) + within, row_obs


def _everything_in_order(rows: np.ndarray, n_rows: int) -> bool:
    """True when the rows taken are all the rows, in order: nothing to take, nor copy."""
    return len(rows) == n_rows and bool(np.all(rows == np.arange(n_rows)))


def _values(variable: np.ndarray, answer: np.ndarray, layout: PanelSpec) -> pa.Array:
    """Each answer's numeric value under its variable; null for missing codes."""
    codes = layout.answer_codes
    table = np.zeros((len(layout.variables), len(codes) + 1), dtype=np.int64)
    known = np.zeros(table.shape, dtype=bool)
    for j, var in enumerate(layout.variables):
        for k, code in enumerate(codes):
            if code in var.values:
                table[j, k], known[j, k] = var.values[code], True
    return pa.array(table[variable, answer], pa.int64(), mask=~known[variable, answer])


def columns(
    records: Records,
    chosen: Sequence[Summary],
    order: np.ndarray,
    layout: PanelSpec,
    *,
    texts: bool = True,
) -> Collected:
    """The columns of the observations `chosen`, whose records are the rows `order`."""
    obs = records.obs.take(pa.array(order))
    rows, row_obs = _rows(records, order)
    names = ["question", "variable", "answer", "confidence", "n_citations"]
    answers = records.answers.select([*names, *(TEXTS if texts else ())])
    if not _everything_in_order(rows, records.answers.num_rows):
        answers = answers.take(pa.array(rows))
    variable = _index(answers["variable"], [v.name for v in layout.variables])
    answer = _index(answers["answer"], layout.answer_codes)
    out = Collected(
        obs_country=obs["country"].to_pylist(),
        obs_iso3c=[s.iso3c for s in chosen],
        obs_cown=obs["cown"].to_pylist(),
        obs_gwn=obs["gwn"].to_pylist(),
        obs_year=[s.year for s in chosen],
        obs_as_of=obs["as_of"].to_pylist(),
        obs_coder=[s.coder for s in chosen],
        obs_version=[s.codebook for s in chosen],
        row_obs=row_obs,
        question=_index(answers["question"], layout.question_ids),
        variable=variable,
        answer=answer,
        value=_values(variable, answer, layout),
        confidence=_index(answers["confidence"], layout.confidence),
        n_citations=answers["n_citations"].to_numpy(),
    )
    if texts:
        out.evidence, out.note, out.citations = (answers[n] for n in TEXTS)
        _citations(out, records.cites, rows, records.answers.num_rows)
    return out


def _citations(out: Collected, cites: pa.Table, rows: np.ndarray, n_rows: int) -> None:
    """The citations of the taken answer rows, in row and position order, and which
    observations cite each key."""
    new_row = np.full(n_rows, -1, dtype=np.int64)
    new_row[rows] = np.arange(len(rows), dtype=np.int64)
    target = new_row[cites["row"].to_numpy()]
    kept = np.flatnonzero(target >= 0)
    kept = kept[np.argsort(target[kept], kind="stable")]
    take = pa.array(kept, pa.int64())
    out.cite_row = target[kept]
    out.cite_position = cites["position"].to_numpy()[kept]
    out.cite_key = cites["key"].take(take)
    out.cite_pages = cites["pages"].take(take)
    out.cited_by = _cited_by(out.cite_key, out.row_obs[out.cite_row])


def _cited_by(keys: pa.Array | pa.ChunkedArray, by_obs: np.ndarray) -> dict[str, list[int]]:
    """For each cited key, the observations citing it, in order, each once."""
    whole = keys.combine_chunks() if isinstance(keys, pa.ChunkedArray) else keys
    encoded = pc.dictionary_encode(whole)
    key = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    pairs = np.unique(key * (int(by_obs.max(initial=0)) + 1) + by_obs, return_index=True)[1]
    key, by_obs = key[pairs], by_obs[pairs]  # sorted by key, then observation
    bounds = np.flatnonzero(np.diff(key)) + 1
    if not len(key):
        return {}
    names = encoded.dictionary.to_pylist()
    firsts = key[np.concatenate([[0], bounds])].tolist()
    groups = np.split(by_obs, bounds)
    return {names[k]: o.tolist() for k, o in zip(firsts, groups, strict=True)}


def codings(
    records: Records, chosen: Sequence[Summary], order: np.ndarray, layout: PanelSpec
) -> Codings:
    """The codings table's columns for the codings `chosen` (records `order`)."""
    reconciles = records.obs["reconciles"].take(pa.array(order)).to_pylist()
    return Codings(
        columns(records, chosen, order, layout, texts=False),
        [s.independent for s in chosen],
        reconciles,
    )


def build(
    blobs: list[tuple[bytes, bytes, bytes]],
    summaries: Sequence[Summary],
    panel: Sequence[Summary],
    everything: Sequence[Summary],
    layout: PanelSpec,
    bib: Bibliography,
) -> Tables:
    """Every table of the export from the check's records: `summaries` are the check's (in
    the order of its records), `panel` the chosen observations in panel order, `everything`
    the codings for the codings table."""
    records = read(blobs)
    if records.obs["path"].to_pylist() != [s.path for s in summaries]:
        raise AssertionError("the check's records and summaries are out of step")
    where = {s.path: i for i, s in enumerate(summaries)}
    order = np.array([where[s.path] for s in panel], dtype=np.int64)
    panel_columns = columns(records, panel, order, layout)
    if len(everything) == len(panel):  # no independent codings: the panel's rows again
        reconciles = records.obs["reconciles"].take(pa.array(order)).to_pylist()
        independent = [s.independent for s in panel]
        coded = Codings(panel_columns, independent, reconciles)
    else:
        ordered = sorted(everything, key=lambda s: (s.iso3c, s.year, s.coder))
        at = np.array([where[s.path] for s in ordered], dtype=np.int64)
        coded = codings(records, ordered, at, layout)
    facts = Facts.from_records(records.obs.take(pa.array(order)))
    return assemble(panel_columns, coded, layout, bib, facts)
