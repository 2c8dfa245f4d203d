"""Rows a published coup list gives twice: compared once, each repeat a warning.

Two rows name the same event when they carry the same identifier (the Cline Center's
`coup_id`) or, without one, the same country code, date and outcome. The second would
otherwise be reported as a second, unmentioned coup.
"""

from __future__ import annotations

from cmr.catalogue import finding
from cmr.external import CoupEvent
from cmr.findings import Finding

Key = tuple[object, ...]


def _key(e: CoupEvent) -> Key:
    if e.ident:
        return ("id", e.ident)
    return (e.code, e.year, e.month, e.day, e.category)


def without_repeats(events: list[CoupEvent], title: str) -> tuple[list[CoupEvent], list[Finding]]:
    """`events` with each repeated row left out, and a warning at each repeat's line."""
    first: dict[Key, CoupEvent] = {}
    kept, findings = [], []
    for e in events:
        seen = first.setdefault(_key(e), e)
        if seen is e:
            kept.append(e)
        else:
            findings.append(
                finding("crosscheck-row-repeated", e.file, e.line, source=title, first=seen.line)
            )
    return kept, findings
