"""Which question of the new codebook continues which question of the old one.

Declared replacements (`replace: OLD -> NEW` in the changelog) come first, then questions
with the same id and variable, then questions with the same variable (an id that moved: the
answers are stored by variable, so two questions that swap ids keep their answers), then
questions with the same id (a renamed variable). What is left is removed (old) or added (new).
"""

from __future__ import annotations

from typing import Any

from cmr.versions._model import Match

Q = dict[str, Any]


def match_questions(
    old: list[Q], new: list[Q], replaces: dict[str, str]
) -> tuple[list[tuple[Q, Q, bool]], list[Q], list[Q]]:
    """(old, new, declared) pairs in the new codebook's order, then removed and added."""
    left, right = list(old), list(new)
    pairs: list[tuple[Q, Q, bool]] = []
    for source, target in replaces.items():
        a = _take(left, source)
        b = _take(right, target) if a is not None else None
        if a is not None and b is not None:
            pairs.append((a, b, True))
        elif a is not None:
            left.append(a)
    for attrs in (("id", "variable"), ("variable",), ("id",)):
        for b in list(right):
            a = next((q for q in left if all(q[x] == b[x] for x in attrs)), None)
            if a is not None:
                left.remove(a)
                right.remove(b)
                pairs.append((a, b, False))
    order = {q["id"]: i for i, q in enumerate(new)}
    pairs.sort(key=lambda p: order[p[1]["id"]])
    return pairs, left, right


def _take(questions: list[Q], name: str) -> Q | None:
    found = next((q for q in questions if name in (q["id"], q["variable"])), None)
    if found is not None:
        questions.remove(found)
    return found


def as_match(a: Q, b: Q) -> Match:
    return Match(a["id"], a["variable"], b["id"], b["variable"])
