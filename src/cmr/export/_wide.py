"""The wide panel as an Arrow table: one row per country-year, and per variable its value,
the missing code behind an empty value, the confidence and the number of citations.

The companion `<variable>_missing` keeps what the long panel says in `answer` and the Stata
file in its extended missing values: which missing code the coder gave. With the value it
tells the three kinds of cell apart: a value, a missing code, a question not asked.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from cmr.export._arrow import field, int_type, scatter, table
from cmr.export._collect import Collected
from cmr.export._spec import PanelSpec, Variable
from cmr.export._tables import Field, label_field, per_observation, table_metadata


def _by_variable(c: Collected, layout: PanelSpec) -> list[tuple[np.ndarray, np.ndarray]]:
    """For each layout variable, the long rows that answer it and their observations."""
    variable = np.asarray(c.variable, dtype=np.int32)
    row_obs = np.asarray(c.row_obs, dtype=np.int64)
    out = []
    for j in range(len(layout.variables)):
        sel = np.flatnonzero(variable == j)
        out.append((sel, row_obs[sel]))
    return out


def _missing_index(var: Variable, layout: PanelSpec) -> np.ndarray:
    """Answer index (-1: none, last) -> the answer's index among `var`'s missing codes, or -1
    for a value (or an answer the variable does not have)."""
    out = np.full(len(layout.answer_codes) + 1, -1, dtype=np.int64)
    for k, code in enumerate(var.missing):
        out[layout.answer_codes.index(code)] = k
    return out


def wide_table(c: Collected, layout: PanelSpec) -> pa.Table:
    """One row per country-year: identifiers, then per variable its value, the missing code
    behind an empty value, confidence and number of citations (`<variable>`,
    `<variable>_missing`, `<variable>_conf`, `<variable>_nsrc`)."""
    ids, trailing = per_observation(c, layout)
    cells = {
        "value": pa.array(c.value, pa.float64()).to_numpy(zero_copy_only=False),
        "answer": np.asarray(c.answer, dtype=np.int64),
        "confidence": np.asarray(c.confidence, dtype=np.int64),
        "nsrc": np.asarray(c.n_citations, dtype=np.float64),
    }
    fields = [*ids, *trailing]
    for var, (sel, rows) in zip(layout.variables, _by_variable(c, layout), strict=True):
        taken = {name: array[sel] for name, array in cells.items()}
        fields += _variable_fields(var, layout, c.n_obs, rows, taken)
    return table(fields, table_metadata(layout, "wide"))


def _variable_fields(
    var: Variable, layout: PanelSpec, n: int, rows: np.ndarray, cells: dict[str, np.ndarray]
) -> list[Field]:
    """The four columns of `var`, its `cells` (long rows) placed at wide `rows` of `n`."""
    q = var.question
    values = scatter(n, rows, cells["value"], np.nan)
    return [
        field(
            var.name,
            pa.array(values, from_pandas=True).cast(int_type(*layout.value_range)),
            q.text,
            question=",".join(var.ids),
            label=q.label,
            values=var.values,
            missing=list(var.missing),
            value_labels={str(v): var.labels[k] for k, v in var.values.items()},
        ),
        label_field(
            f"{var.name}_missing",
            scatter(n, rows, _missing_index(var, layout)[cells["answer"]], -1),
            list(var.missing),
            f"Missing code behind an empty {var.name}: {', '.join(var.missing) or 'none'}; "
            f"empty when {var.name} has a value or the row's codebook does not ask {q.id}.",
            nullable=True,
            names={code: var.labels[code] for code in var.missing},
        ),
        label_field(
            f"{var.name}_conf",
            scatter(n, rows, cells["confidence"], -1),
            list(layout.confidence),
            f"Confidence in {var.name} ({q.id}).",
            ordered=True,
            nullable=True,
            names=layout.confidence_labels,
        ),
        field(
            f"{var.name}_nsrc",
            pa.array(scatter(n, rows, cells["nsrc"], np.nan), from_pandas=True).cast(pa.int32()),
            f"Number of citations for {var.name} ({q.id}).",
        ),
    ]


def wide_answers(c: Collected, layout: PanelSpec) -> dict[str, np.ndarray]:
    """Per variable, each wide row's answer code (None where the variable was not asked)."""
    codes = np.array([*layout.answer_codes, None], dtype=object)
    answer = np.asarray(c.answer, dtype=np.int64)
    out = {}
    for var, (sel, rows) in zip(layout.variables, _by_variable(c, layout), strict=True):
        out[var.name] = codes[scatter(c.n_obs, rows, answer[sel], -1)]
    return out
