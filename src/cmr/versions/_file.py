"""Migrating one observation file: all of it, or nothing.

The plan is worked out on the file's text and checked before anything is written: the new
text must parse, name the target version, hold every question of the target and keep every
old answer (as the answer, or as `previous.answer`). A file that cannot be migrated
completely is refused with a reason, and left as it was.
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
        return out + [f"{v}: new question, unanswered" for v in self.added]


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
        if variable not in by_old:
            raise EditError(_lost(variable, old, target))
    edits = Edits(text)
    unit = data.get("unit")
    if not isinstance(unit, str):
        unit = f"default:{old.raw.get('default_unit') or ''}"
    for key, value in node[1].value:
        answer = answers[key.value]
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


def _lost(variable: str, old: Codebook, target: Codebook) -> str:
    q = old.by_variable.get(variable)
    if q is None:
        return f"answers {variable}, which is not a question of codebook {old.version}"
    return (
        f"answers {q.id} {variable}, which codebook {target.version} removes; its answer would "
        f"be lost: declare its successor in the changelog (`replace: {variable} -> NEW`) or "
        "move the answer by hand"
    )


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
    if "previous" in answer:
        raise EditError(
            f"the answer {key.value} still has `previous` from an earlier migration; review "
            "it and delete its previous and needs_review lines first"
        )
    code = child(value, "answer")
    if item.recoded and code is not None:
        if item.new_code is None:
            edits.clear(code[1])
        else:
            edits.replace(code[1], scalar(item.new_code, code[1].style in ("'", '"')))
    previous: dict[str, object] = {"codebook": versions[0], "answer": item.old_code}
    if item.renamed:
        previous["variable"] = item.match.old_variable
    lines = [f"previous: {flow(previous)}"]
    earlier = child(value, "needs_review")
    if item.review and earlier is not None:  # e.g. a window moved by `cmr new --from-previous`
        reason = f"{earlier[1].value}; {item.needs_review(*versions)}"
        edits.replace(earlier[1], scalar(reason, True))
    elif item.review:
        lines.insert(0, f"needs_review: {scalar(item.needs_review(*versions), True)}")
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
