"""What migration does to each answer: which breaking changes concern it, the code it gets,
and the reason a coder must review it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cmr.codebook import Codebook
from cmr.versions._model import Change, Diff, Match


@dataclass
class AnswerPlan:
    """The migration of one answer: from `match.old_variable` to `match.new_variable`."""

    match: Match
    old_code: str | None
    new_code: str | None
    reasons: list[str] = field(default_factory=list)
    confidence: str | None = None
    """The answer's new confidence level, when the changelog maps its old one."""

    @property
    def renamed(self) -> bool:
        return self.match.old_variable != self.match.new_variable

    @property
    def recoded(self) -> bool:
        """The answer's code changes (mapped, or emptied for want of a code)."""
        return self.new_code != self.old_code

    @property
    def mapped(self) -> bool:
        """The code or the confidence level changes."""
        return self.recoded or self.confidence is not None

    @property
    def review(self) -> bool:
        return bool(self.reasons) and self.old_code is not None

    def needs_review(self, old: str, new: str) -> str:
        """The `needs_review` text: what changed, and what to do."""
        return (
            f"codebook {old} -> {new} changed {', '.join(self.reasons)}; check that the "
            "answer holds under the new question"
        )


def plan_answer(
    match: Match, answer: dict[str, Any], found: Diff, target: Codebook, unit: str | None
) -> AnswerPlan:
    """How the answer `answer` (the old file's mapping) moves to `target`."""
    code = answer.get("answer")
    old_code = None if code is None else str(code)
    scale = target.by_variable[match.new_variable].scale
    new_code = old_code
    if old_code is not None and old_code not in scale.codes:
        mapped = found.maps.get(old_code)
        new_code = mapped if mapped in scale.codes else None
    plan = AnswerPlan(match, old_code, new_code)
    level = answer.get("confidence")
    if isinstance(level, str) and level not in target.confidence:
        mapped_level = found.maps.get(level)
        plan.confidence = mapped_level if mapped_level in target.confidence else None
    concerns = [c for c in found.breaking if _concerns(c, match, old_code, answer, unit)]
    plan.reasons = _reasons(concerns)
    plan.reasons += _tier_reasons(answer, target)
    if old_code is not None and new_code is None and not plan.reasons:
        plan.reasons = [f"its answer {old_code} is not a code of codebook {target.version}"]
    return plan


def _concerns(
    change: Change, match: Match, code: str | None, answer: dict[str, Any], unit: str | None
) -> bool:
    if change.section == "confidence":
        return answer.get("confidence") == change.subject
    if change.section == "reference":
        return _unit_concerned(change.subject, unit)
    if match.new_variable not in change.questions:
        return False
    return not change.codes or code in change.codes


def _tier_reasons(answer: dict[str, Any], target: Codebook) -> list[str]:
    """Why the answer's citations need a look under `target`'s source tiers: a citation
    without a tier, or with a tier the target no longer has (both fail its schema)."""
    declared = target.raw.get("source_tiers")
    if not isinstance(declared, list) or not declared:
        return []
    tiers = {str(t.get("code")) for t in declared if isinstance(t, dict)}
    citations = answer.get("citations")
    cited = [c for c in citations if isinstance(c, dict)] if isinstance(citations, list) else []
    out = []
    if any("tier" not in c for c in cited):
        out.append("source_tiers (a citation has no tier)")
    gone = sorted({str(c["tier"]) for c in cited if "tier" in c and str(c["tier"]) not in tiers})
    if gone:
        out.append(f"source_tiers (tier {', '.join(gone)} removed)")
    return out


def _unit_concerned(subject: str, unit: str | None) -> bool:
    """`unit` is the file's `unit:`, or `default:<unit>` when the file names none and the old
    codebook's default unit applies (`default:` alone when it had none)."""
    if subject == "reference_moment":
        return True
    if subject == "default_unit":
        return unit is None or unit.startswith("default:")
    return subject == unit.removeprefix("default:") if unit else False


def _reasons(changes: list[Change]) -> list[str]:
    """What changed, one short label per part (`text`, `guidance.yes`, `concept coup added`,
    `reference_moment`), in the diff's order, without repeats."""
    out: list[str] = []
    for c in changes:
        what = "hard case" if c.what.startswith("hard case") else c.what
        label = what if c.section == "questions" else f"{c.subject} {what}".strip()
        if c.action != "changed" or label.startswith("hard case"):
            label = f"{label} {c.action}"
        if label.endswith(" text"):
            label = label[: -len(" text")]
        if label not in out:
            out.append(label)
    return out
