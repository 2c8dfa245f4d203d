"""The Cline Center Coup d'État Project dataset, read with every mistake located.

Source: Cline Center for Advanced Social Research (University of Illinois Urbana-Champaign),
*Cline Center Coup d'État Project Dataset*, versions 2.0.0 (1945–2019,
doi:10.13012/B2IDB-9651987_V2) to 2.1.x (1945–2023), Illinois Data Bank (datasets
IDB-9651987, IDB-8049473, IDB-3143201); cite the version you downloaded as its page says.
The CSV has a header and one row per coup event: `coup_id, cowcode, country, year, month,
day, event_type, unrealized, realized, conspiracy, attempt`, then the actor and fate columns
(`military`, `dissident`, … `exile`), which are not needed here. `cowcode` is a Correlates of
War code; `event_type` is `coup` (realized), `attempted` or `conspiracy`, and the 0/1 columns
`realized`, `attempt` and `conspiracy` say the same, and `unrealized` is 1 for an attempt or
a conspiracy. A day of 0, -99 or blank is unknown.

>>> events, findings = read_cline(Path("Coup data 2.1.2.csv"))  # doctest: +SKIP
>>> events[0].category
'realized'
"""

from __future__ import annotations

from pathlib import Path

from cmr.external._coups import CoupEvent, event_date, events_of
from cmr.external._rows import Layout, Row, read_rows
from cmr.external._values import integer, invalid
from cmr.findings import Finding

SOURCE = "cline"
COLUMNS = ("cowcode", "country", "year", "month", "day", "realized")
"""The columns read; `coup_id`, `event_type`, `attempt` and `conspiracy` are used when present."""
LAYOUT = Layout("Cline Center coups", COLUMNS, ",", header="required")
SUCCESS, FAILURE = "realized", "attempted"
EVENT_TYPES = {"coup": "realized", "attempted": "attempted", "conspiracy": "conspiracy"}
FLAGS = ("realized", "attempt", "conspiracy")
"""The 0/1 columns, in the order a row's category is read from them."""


def read_cline(path: Path, *, name: str | None = None) -> tuple[list[CoupEvent], list[Finding]]:
    """The coup events of a Cline Center file, and a finding for each row left out."""
    table = read_rows(path, LAYOUT, name=name)
    return events_of(table, _event)


def _event(row: Row) -> CoupEvent | Finding:
    code = integer(row, "cowcode", low=1, high=9999)
    if isinstance(code, Finding):
        return code
    category = _category(row)
    if isinstance(category, Finding):
        return category
    when = event_date(row)
    if isinstance(when, Finding):
        return when
    ident = row["coup_id"] if "coup_id" in row.fields else ""
    return CoupEvent(SOURCE, row.file, row.line, code, row["country"], *when, category, ident)


def _category(row: Row) -> str | Finding:
    """realized, attempted or conspiracy: from the 0/1 flags, checked against `event_type`."""
    set_flags = []
    for flag in (f for f in FLAGS if f in row.fields):
        value = integer(row, flag, low=0, high=1)
        if isinstance(value, Finding):
            return value
        if value:
            set_flags.append("attempted" if flag == "attempt" else flag)
    if len(set_flags) > 1:
        return invalid(row, "realized", f"one outcome (the row says {', '.join(set_flags)})")
    named = None
    if "event_type" in row.fields:
        named = EVENT_TYPES.get(row["event_type"].strip().lower())
        if named is None:
            return invalid(row, "event_type", "coup, attempted or conspiracy")
        if set_flags and set_flags != [named]:
            word = next(k for k, v in EVENT_TYPES.items() if v == set_flags[0])
            return invalid(row, "event_type", f"{word!r}, as the row's 0/1 columns say")
    category = named or (set_flags[0] if set_flags else None)
    if category is None:
        return invalid(row, "realized", "1 in one of realized, attempt, conspiracy")
    return _unrealized(row, category)


def _unrealized(row: Row, category: str) -> str | Finding:
    """`category`, when the row's `unrealized` (if any) is 1 exactly for a coup that was not
    realized (an attempt or a conspiracy), as the Cline Center defines it."""
    if "unrealized" not in row.fields:
        return category
    value = integer(row, "unrealized", low=0, high=1)
    if isinstance(value, Finding):
        return value
    if value != (category != SUCCESS):
        return invalid(row, "unrealized", f"{int(category != SUCCESS)}, as the row is {category}")
    return category
