"""Per panel row its unit of observation and reference date (codebook 1.2.0's `units`).

The two columns follow `as_of` in both panels, and only when a codebook version of the panel
declares `units`, so a panel coded under codebooks without them keeps its columns and bytes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pyarrow as pa

from cmr.export._arrow import field as column
from cmr.export._arrow import labels

if TYPE_CHECKING:
    from cmr.export._events import Facts
    from cmr.export._spec import PanelSpec

UNIT = "Unit of observation (the codebook's `units`): what moment the row describes."
REFERENCE = (
    "Reference date: the date the row describes, the unit's fixed date in the year or the "
    "observation's as_of for an event-anchored unit."
)


def has_units(layout: PanelSpec) -> bool:
    """True when a codebook version of the panel declares `units`."""
    return any(book.units for book in layout.books)


def with_units(tbl: pa.Table, facts: Facts, layout: PanelSpec, rows: Any = None) -> pa.Table:
    """`tbl` with `unit` and `reference_date` after `as_of`; `rows` maps each table row to
    its observation (None: one row per observation)."""
    if not has_units(layout):
        return tbl
    names = list(dict.fromkeys(u for book in reversed(layout.books) for u in book.units))
    index = {u: i for i, u in enumerate(names)}
    unit = labels([index.get(u, -1) if u else -1 for u in facts.unit], names)
    ref = pa.array(facts.reference_date, pa.date32())
    if rows is not None:
        taken = pa.array(np.asarray(rows, dtype=np.int64))
        unit, ref = unit.take(taken), ref.take(taken)
    at = tbl.schema.get_field_index("as_of") + 1
    for i, (f, array) in enumerate(
        [
            column("unit", unit, UNIT, categories=names),
            column("reference_date", ref, REFERENCE, False),
        ]
    ):
        tbl = tbl.add_column(at + i, f, array)
    return tbl
