"""What a codebook diff is made of: changes, each classed breaking or compatible."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

BREAKING = "breaking"
COMPATIBLE = "compatible"

SECTIONS = (
    "questions",
    "scales",
    "windows",
    "concepts",
    "confidence",
    "reference",
    "rules",
    "source_tiers",
    "events",
    "codebook",
)
"""The groups of a diff, in the order they are printed."""


@dataclass(frozen=True)
class Change:
    """One difference between two codebook versions.

    `subject` names what changed (a question id, a scale, a rule code); `what` says which part
    (`text`, `guidance.yes`, `code maybe`); `questions` holds the variables (in the new
    version) whose answers it concerns; `codes`, when set, limits that to answers with these
    codes (a removed code concerns only the answers that used it). `names` are the words a
    changelog entry may use to mention the change.
    """

    section: str
    subject: str
    what: str
    action: str  # added | removed | changed | renamed
    cls: str
    reason: str
    old: Any = None
    new: Any = None
    questions: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    names: tuple[str, ...] = ()

    @property
    def breaking(self) -> bool:
        return self.cls == BREAKING

    def line(self) -> str:
        """One line: `breaking   Q8 window changed (last_5_years -> none): <reason>`."""
        head = f"{self.cls:<10} {self.subject} {self.what} {self.action}"
        return f"{head}{self._values()}: {self.reason}"

    def _values(self) -> str:
        """` (old -> new)` when both are short words; nothing for texts."""
        shown = [_short(v) for v in (self.old, self.new)]
        if None in shown or self.old == self.new:
            return ""
        return f" ({shown[0]} -> {shown[1]})"

    def to_dict(self) -> dict[str, Any]:
        return {
            "section": self.section,
            "subject": self.subject,
            "what": self.what,
            "action": self.action,
            "class": self.cls,
            "reason": self.reason,
            "old": self.old,
            "new": self.new,
            "questions": list(self.questions),
            "codes": list(self.codes),
        }


@dataclass(frozen=True)
class Match:
    """A question of the old version and the question of the new one that continues it."""

    old_id: str
    old_variable: str
    new_id: str
    new_variable: str


@dataclass
class Diff:
    """Every change from codebook `old` to codebook `new`, in a deterministic order."""

    old: str
    new: str
    changes: list[Change] = field(default_factory=list)
    matches: list[Match] = field(default_factory=list)
    maps: dict[str, str] = field(default_factory=dict)

    @property
    def breaking(self) -> list[Change]:
        return [c for c in self.changes if c.breaking]

    def sorted(self, rank: dict[str, int] | None = None) -> Diff:
        """Changes by section, then subject (`rank` orders subjects, as questions are in the
        codebook), then part and action."""
        order = {s: i for i, s in enumerate(SECTIONS)}
        rank = rank or {}
        self.changes.sort(
            key=lambda c: (
                order.get(c.section, 99),
                rank.get(c.subject, 1 << 30),
                c.subject,
                c.what,
                c.action,
            )
        )
        return self

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON structure `cmr codebook diff --format json` prints."""
        return {
            "old": self.old,
            "new": self.new,
            "summary": {
                "changes": len(self.changes),
                "breaking": len(self.breaking),
                "compatible": len(self.changes) - len(self.breaking),
            },
            "questions": [
                {
                    "old_id": m.old_id,
                    "old_variable": m.old_variable,
                    "new_id": m.new_id,
                    "new_variable": m.new_variable,
                }
                for m in self.matches
            ],
            "maps": dict(sorted(self.maps.items())),
            "changes": [c.to_dict() for c in self.changes],
        }

    def text(self) -> str:
        """Changes grouped by section, one per line, then a summary line."""
        lines = [f"codebook {self.old} -> {self.new}"]
        for section in SECTIONS:
            group = [c for c in self.changes if c.section == section]
            if group:
                lines.append(f"{section}:")
                lines += [f"  {c.line()}" for c in group]
        n, b = len(self.changes), len(self.breaking)
        lines.append(f"{n} change{'s' * (n != 1)}: {b} breaking, {n - b} compatible")
        return "\n".join(lines) + "\n"


def _short(value: Any) -> str | None:
    if value is None:
        return "none"
    text = str(value)
    return text if len(text) <= 40 and "\n" not in text and text.count(" ") < 3 else None
