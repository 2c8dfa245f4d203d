"""What `cmr crosscheck` found: items that set an observation beside a source's rows.

An `Item` is one comparison, at a place in an observation file, of one `kind`:

- `agree`: the answer or event is what the source's rows say (or, for a "no", the source
  lists nothing that contradicts it);
- `disagree`: the answer is contradicted by a row, a "yes" has no row to rest on, an event
  is classed otherwise (attempt versus success) or is not in the source;
- `unmentioned`: the source lists an event of the observation's year that its events lack;
- `explained`: a disagreement or unmentioned event the observation acknowledges in
  `external_checks` (the `reason` is given);
- `undecided`: the comparison cannot be made: a date too imprecise to place against the
  window, a success fewer than seven days before the reference moment, a window or year the
  source does not cover, a country without a code in the source's system;
- `stale`: an acknowledgement in `external_checks` that explains nothing.

`Report.to_dict()` is the `--format json` structure.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from cmr.findings import Finding

KINDS = ("agree", "disagree", "unmentioned", "explained", "undecided", "stale")
FAILING = ("disagree", "unmentioned", "stale")
"""The kinds `--strict` fails on."""


@dataclass(frozen=True)
class ExternalRow:
    """A source's row as the report shows it."""

    where: str
    date: str
    category: str
    event_type: str
    country: str
    code: int
    ident: str = ""


@dataclass
class Item:
    """One comparison between an observation and the source."""

    kind: str
    file: str
    line: int
    column: int
    pointer: str
    message: str
    question: str = ""
    variable: str = ""
    answer: str = ""
    event: str = ""
    observed: str = ""
    """The observation's side: the answer's evidence or the event's date, type and outcome."""
    external: list[ExternalRow] = field(default_factory=list)
    reason: str = ""
    """For `explained` and `stale`: the acknowledgement's reason."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.kind, self.message)


@dataclass
class Report:
    """The items of one run, the findings about unreadable input, and what was left out."""

    source: str
    file: str
    items: list[Item] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    observations: int = 0
    drafts: list[str] = field(default_factory=list)
    """Drafts left out (without `--drafts`)."""
    events: int = 0
    """Rows of the source read."""

    @property
    def success(self) -> bool:
        """No error finding: every file could be read."""
        return not any(f.severity == "error" for f in self.findings)

    def counts(self) -> dict[str, int]:
        return {k: sum(1 for i in self.items if i.kind == k) for k in KINDS}

    def failing(self) -> int:
        """The number of items `--strict` fails on."""
        return sum(1 for i in self.items if i.kind in FAILING)

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": 1,
            "source": self.source,
            "file": self.file,
            "success": self.success,
            "summary": {"observations": self.observations, "rows": self.events, **self.counts()},
            "drafts_left_out": list(self.drafts),
            "items": [i.to_dict() for i in self.items],
            "findings": [f.to_dict() for f in self.findings],
        }
