"""Changes of a question's guidance: the tests for each answer, the summary, the hard cases.

Breaking: the guidance of a value code (`yes`, `no`) added, changed or removed; the summary
changed or removed; a hard case removed or its rule changed. Compatible: a summary or a hard
case added, the guidance of a missing code, and any change of case, spacing or punctuation
only. Hard cases are matched by their `case` text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cmr.versions._compare import keyed, plain, same_words
from cmr.versions._model import BREAKING, COMPATIBLE, Change

Q = dict[str, Any]
Make = Callable[..., Change]


def guidance_changes(a: Q, b: Q, new: dict[str, Any], change: Make) -> list[Change]:
    ga, gb = a.get("guidance") or {}, b.get("guidance") or {}
    values = {str(v["code"]) for v in new["scales"][b["scale"]].get("values", ())}
    out = []
    for key in sorted((set(ga) | set(gb)) - {"hard_cases"}):
        x, y = ga.get(key), gb.get(key)
        if x == y:
            continue
        what, action = f"guidance.{key}", action_of(x, y)
        if key == "summary" and x is None:
            out.append(change(what, action, COMPATIBLE, "guidance added", None, plain(y)))
        elif key == "summary" or key in values:
            meaning = (
                "what the question asks about changed"
                if key == "summary"
                else f"the test for a {key!r} answer changed"
            )
            out.append(_text(change, what, action, x, y, meaning))
        else:
            reason = "guidance for a missing code; answers keep their meaning"
            out.append(change(what, action, COMPATIBLE, reason, plain(x), plain(y)))
    return out + _hard_cases(ga.get("hard_cases"), gb.get("hard_cases"), change)


def action_of(x: object, y: object) -> str:
    return "added" if x is None else "removed" if y is None else "changed"


def _text(change: Make, what: str, action: str, x: Any, y: Any, meaning: str) -> Change:
    if action == "changed" and same_words(x, y):
        reason = "only case, spacing or punctuation changed"
        return change(what, action, COMPATIBLE, reason, plain(x), plain(y))
    return change(what, action, BREAKING, meaning, plain(x), plain(y))


def _hard_cases(x: Any, y: Any, change: Make) -> list[Change]:
    """Hard cases matched by their `case` text: added is compatible (a clarification),
    removed or with a changed rule is breaking (a coding rule changed)."""
    a, b = keyed(x or (), "case"), keyed(y or (), "case")
    out = []
    for case in [c for c in b if c not in a]:
        out.append(
            change(
                f'hard case "{case}"',
                "added",
                COMPATIBLE,
                "a clarification added",
                None,
                plain(b[case].get("rule")),
            )
        )
    for case in [c for c in a if c not in b]:
        out.append(
            change(
                f'hard case "{case}"',
                "removed",
                BREAKING,
                "a coding rule removed",
                plain(a[case].get("rule")),
                None,
            )
        )
    for case in [c for c in b if c in a and a[c] != b[c]]:
        out.append(
            _text(
                change,
                f'hard case "{case}"',
                "changed",
                a[case].get("rule"),
                b[case].get("rule"),
                "a coding rule changed",
            )
        )
    return out
