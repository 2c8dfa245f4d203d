"""`Summary`: what the checks that span files need to know of one observation.

Workers read and check each file on its own and send back a summary; the rules whose scope is
a country, a country-year or the dataset run on summaries, never on whole observations.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Summary:
    """What the checks that span files need to know of one observation."""

    path: str
    iso3c: str
    year: int
    coder: str
    codebook: str
    answers: dict[str, str | None]
    data: dict[str, Any] | None = None
    independent: bool = False
    """True for an independent coding (`<ISO3>/<year>/<coder>.yaml`), False for the
    adjudicated (or only) coding of a country-year (`<ISO3>/<year>.yaml`)."""
    reconciles: tuple[str, ...] = ()
    change_notes: frozenset[str] = frozenset()
    cited: frozenset[str] = frozenset()
    """The bibliography keys the observation cites (`cmr.refs.cited_keys`)."""
    draft: bool = False
    """True for work in progress (`status: draft`): checked, but left out of the panel."""
    carried: int = 0
    """How many answers are still marked as carried forward or for review."""
    events: tuple[tuple[str, str, str, str], ...] = ()
    """(id, date, precision, type) of each readable event (codebooks with `events`)."""
    moment: str = ""
    """The reference moment (YYYY-MM-DD) when the observation has events."""
