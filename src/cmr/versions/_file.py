"""Migrating one observation file: all of it, or nothing.

The plan is worked out on the file's text and checked before anything is written: the new
text must parse, name the target version, hold every question of the target and keep every
old answer (as the answer, as `previous.answer`, or in `notes` for a removed question). A
file that cannot be migrated completely is refused with a reason, and left as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cmr import _yaml
from cmr.codebook import Codebook
from cmr.versions._answers import AnswerPlan, plan_answer
from cmr.versions._edit import EditError, Edits, child, compose, flow, is_block_mapping, scalar
from cmr.versions._layout import add_questions, retarget
from cmr.versions._model import Diff
from cmr.versions._removed import keep_in_notes, provenance


@dataclass
class FilePlan:
    """What migration does to one file: `action` is migrated, skipped or refused."""

    path: str
    action: str
    reason: str = ""
    old: str = ""
    text: str = ""
    answers: list[AnswerPlan] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def counts(self) -> str:
        """`3 answers to review, 1 new question`, or an empty string."""
        parts = [
            (sum(a.review for a in self.answers), "answer to review", "answers to review"),
            (sum(a.renamed for a in self.answers), "variable renamed", "variables renamed"),
            (sum(a.recoded for a in self.answers), "answer recoded", "answers recoded"),
            (len(self.added), "new question", "new questions"),
            (len(self.removed), "removed answer kept in notes", "removed answers kept in notes"),
        ]
        return ", ".join(f"{n} {one if n == 1 else many}" for n, one, many in parts if n)

    def details(self) -> list[str]:
        """One line per answer that changes, for `--dry-run`."""
        out = []
        for a in self.answers:
            m = a.match
            if a.renamed:
                out.append(f"{m.old_variable}: renamed {m.new_variable}")
            if a.recoded:
                out.append(f"{m.new_variable}: answer {a.old_code} -> {a.new_code or '(empty)'}")
            if a.confidence is not None:
                out.append(f"{m.new_variable}: confidence -> {a.confidence}")
            if a.review:
                out.append(f"{m.new_variable}: needs review: changed {', '.join(a.reasons)}")
        out += [f"{v}: new question, unanswered" for v in self.added]
        return out + [f"{v}: question removed, its answer kept in notes" for v in self.removed]


def plan_file(path: str, text: str, old: Codebook, target: Codebook, found: Diff) -> FilePlan:
    """The migration of observation `text` (coded under `old`) to `target`."""
    plan = FilePlan(path, "migrated", old=old.version)
    try:
        data = _yaml.loads(text)
        root = compose(text)
        _plan(plan, text, data, root, old, target, found)
    except (EditError, _yaml.YamlError) as exc:
        return FilePlan(path, "refused", str(exc), old.version)
    return plan


def _plan(
    plan: FilePlan,
    text: str,
    data: dict[str, Any],
    root: Any,
    old: Codebook,
    target: Codebook,
    found: Diff,
) -> None:
    answers = data.get("answers")
    node = child(root, "answers")
    if not isinstance(answers, dict) or node is None or not is_block_mapping(node[1]):
        raise EditError("its answers are not a block mapping cmr can edit")
    by_old = {m.old_variable: m for m in found.matches}
    for variable in answers:
        if variable not in by_old and variable not in old.by_variable:
            raise EditError(f"answers {variable}, not a question of codebook {old.version}")
    edits = Edits(text)
    unit = data.get("unit")
    if not isinstance(unit, str):
        unit = f"default:{old.raw.get('default_unit') or ''}"
    kept = []
    for key, value in node[1].value:
        answer = answers[key.value]
        if key.value not in by_old:  # a removed question: its answer goes to notes
            edits.delete_entry(key, value)
            q = old.by_variable[key.value]
            kept.append(provenance(q, answer, old.version, target.version))
            plan.removed.append(key.value)
            continue
        item = plan_answer(
            by_old[key.value],
            answer if isinstance(answer, dict) else {},
            found,
            target,
            unit,
        )
        _edit_answer(edits, key, value, item, answer, (old.version, target.version))
        plan.answers.append(item)
    answered = {m.new_variable for m in by_old.values() if m.old_variable in answers}
    plan.added = [q.variable for q in target.questions if q.variable not in answered]
    add_questions(edits, node[1], plan.added, target)
    keep_in_notes(edits, root, node[0], data, kept)
    retarget(
        edits,
        root,
        text,
        old.version,
        target.version,
        draft=bool(plan.added) or any(a.review for a in plan.answers),
    )
    plan.text = edits.apply()
    _verify(plan, answers, target)


def _edit_answer(
    edits: Edits, key: Any, value: Any, item: AnswerPlan, answer: Any, versions: tuple[str, str]
) -> None:
    if item.renamed:
        edits.replace(key, item.match.new_variable)
    if not (item.review or item.mapped):
        return
    if not is_block_mapping(value) or not value.value:
        raise EditError(f"the answer {key.value} is not a block mapping cmr can edit")
    _confidence(edits, value, item)
    if not (item.review or item.recoded):
        return
    if "previous" in answer and "needs_review" in answer:
        raise EditError(
            f"the answer {key.value} is still under review from an earlier migration "
            "(`previous` and `needs_review`); review it and delete the needs_review line first"
        )
    code = child(value, "answer")
    if item.recoded and code is not None:
        if item.new_code is None:
            edits.clear(code[1])
        else:
            edits.replace(code[1], scalar(item.new_code, code[1].style in ("'", '"')))
    _provenance(edits, value, item, versions)


def _provenance(edits: Edits, value: Any, item: AnswerPlan, versions: tuple[str, str]) -> None:
    """`needs_review` (added to an earlier reason) and `previous` (replacing a reviewed
    migration's: it records the version just before this one)."""
    previous: dict[str, object] = {"codebook": versions[0], "answer": item.old_code}
    if item.renamed:
        previous["variable"] = item.match.old_variable
    lines = []
    earlier_previous = child(value, "previous")
    if earlier_previous is not None:
        edits.replace_trimmed(earlier_previous[1], flow(previous))
    else:
        lines.append(f"previous: {flow(previous)}")
    earlier = child(value, "needs_review")
    if item.review and earlier is not None:  # e.g. a window moved by `cmr new --from-previous`
        reason = f"{earlier[1].value}; {item.needs_review(*versions)}"
        edits.replace(earlier[1], scalar(reason, True))
    elif item.review:
        lines.insert(0, f"needs_review: {scalar(item.needs_review(*versions), True)}")
    if lines:
        edits.before_line_of(value.value[0][0], lines)


def _confidence(edits: Edits, value: Any, item: AnswerPlan) -> None:
    """A confidence level the changelog maps (`map: OLD -> NEW`) is rewritten."""
    level = child(value, "confidence")
    if level is not None and item.confidence is not None:
        edits.replace(level[1], scalar(item.confidence))


def _verify(plan: FilePlan, before: dict[str, Any], target: Codebook) -> None:
    """The new text parses, names the target and keeps every old answer."""
    try:
        data = _yaml.loads(plan.text)
    except _yaml.YamlError as exc:
        raise EditError(f"the migrated text would not parse ({exc.message})") from None
    after = data.get("answers") or {}
    if str(data.get("codebook")) != target.version or set(after) != set(target.variables):
        raise EditError("the migrated text would not match the target codebook")
    for item in plan.answers:
        now = after.get(item.match.new_variable) or {}
        kept = {now.get("answer"), (now.get("previous") or {}).get("answer")}
        if item.old_code is not None and item.old_code not in kept:
            raise EditError(f"the answer {item.match.old_variable} would be lost")
    notes = str(data.get("notes") or "")
    for variable in plan.removed:
        if f" {variable} (" not in notes:
            raise EditError(f"the answer {variable} would be lost")
