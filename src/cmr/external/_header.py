"""A published file's header: whether a first row is one, and what is wrong with it.

Names are matched whatever their case and the whitespace around them, through the layout's
aliases (`statenumber` for `ccode`); extra columns are allowed, a missing one or a name
given twice is not.
"""

from __future__ import annotations

from cmr.external._layout import Layout
from cmr.external._split import Record


def looks_like_header(record: Record, layout: Layout) -> bool:
    """True when at least half of the layout's columns are named in `record`."""
    known = {layout.canonical(f.value) for f in record.fields} & set(layout.columns)
    return not record.problem and len(known) * 2 >= len(layout.columns)


def header_problem(record: Record, layout: Layout) -> str:
    """What is wrong with `record` as the header of `layout` (empty when nothing is)."""
    if record.problem:
        return record.problem
    names = [layout.canonical(f.value) for f in record.fields]
    twice = sorted({n for n in names if names.count(n) > 1 and n})
    if twice:
        return f"names {', '.join(twice)} more than once"
    missing = [c for c in layout.columns if c not in names]
    if missing:
        shown = ", ".join(f.value for f in record.fields)[:120]
        return f"lacks {', '.join(missing)} (it reads: {shown})"
    return ""
