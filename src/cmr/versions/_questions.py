"""Changes of one question continued from the old codebook to the new one.

Breaking: the wording (`text`) beyond case, spacing and punctuation; the guidance of a value
code (`yes`, `no`); the guidance summary changed or removed; a hard case changed or removed;
the question's window (unless only renamed with the same years); its scale's content; the
concepts that define it; a declared replacement. Compatible: a renamed variable or a moved id
(answers move mechanically), the label, a guidance summary or hard case added, the guidance of
a missing code, `slow_moving`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from cmr.versions._compare import field_changes, keyed, plain, same_words, text_change
from cmr.versions._model import BREAKING, COMPATIBLE, Change
from cmr.versions._scales import scale_changes

Q = dict[str, Any]
Make = Callable[..., Change]
_LABEL = (COMPATIBLE, "a label; answers keep their meaning")
_SLOW = (COMPATIBLE, "which series rule applies; answers keep their meaning")
_HANDLED = ("id", "variable", "text", "guidance", "scale", "window", "concepts")


def question_changes(
    a: Q, b: Q, declared: bool, old: dict[str, Any], new: dict[str, Any], maps: dict[str, str]
) -> list[Change]:
    """Every change of question `a` (old raw codebook `old`) continued as `b` (in `new`)."""
    subject, qs = b["id"], (b["variable"],)
    names = tuple(dict.fromkeys((a["id"], a["variable"], b["id"], b["variable"])))

    def change(what: str, action: str, cls: str, reason: str, x: Any, y: Any) -> Change:
        return Change("questions", subject, what, action, cls, reason, x, y, qs, (), names)

    out = []
    if declared:
        out.append(
            change(
                "question",
                "replaced",
                BREAKING,
                f"replaces {a['id']} {a['variable']} (declared in the changelog); "
                "answers need review",
                a["variable"],
                b["variable"],
            )
        )
    if a["variable"] != b["variable"] and not declared:
        out.append(
            change(
                "variable",
                "renamed",
                COMPATIBLE,
                "answers move to the new variable",
                a["variable"],
                b["variable"],
            )
        )
    if a["id"] != b["id"]:
        out.append(
            change(
                "id", "changed", COMPATIBLE, "the same variable under a new id", a["id"], b["id"]
            )
        )
    out += text_change(
        "questions",
        subject,
        "text",
        plain(a["text"]),
        plain(b["text"]),
        meaning="the wording changed: answers may answer a different question",
        questions=qs,
        names=names,
    )
    out += field_changes(
        "questions",
        subject,
        a,
        b,
        {"label": _LABEL, "slow_moving": _SLOW},
        questions=qs,
        names=names,
        skip=_HANDLED,
    )
    out += _guidance(a, b, new, change)
    out += _scale(a, b, old, new, maps, qs, names)
    out += _window(a, b, old, new, change)
    out += _concepts(a, b, change)
    return out


def _guidance(a: Q, b: Q, new: dict[str, Any], change: Make) -> list[Change]:
    ga, gb = a.get("guidance") or {}, b.get("guidance") or {}
    values = {str(v["code"]) for v in new["scales"][b["scale"]].get("values", ())}
    out = []
    for key in sorted((set(ga) | set(gb)) - {"hard_cases"}):
        x, y = ga.get(key), gb.get(key)
        if x == y:
            continue
        what, action = f"guidance.{key}", _action(x, y)
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


def _action(x: object, y: object) -> str:
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


def _scale(
    a: Q,
    b: Q,
    old: dict[str, Any],
    new: dict[str, Any],
    maps: dict[str, str],
    qs: tuple[str, ...],
    names: tuple[str, ...],
) -> list[Change]:
    """A question that moved to another scale: the two scales' contents compared here (a
    change inside a scale both versions share is reported once, under scales)."""
    if a["scale"] == b["scale"]:
        return []
    sa, sb = old["scales"][a["scale"]], new["scales"][b["scale"]]
    out = [
        replace(
            c,
            section="questions",
            subject=b["id"],
            what=f"scale {c.what}",
            names=(*names, *c.names),
        )
        for c in scale_changes(b["scale"], sa, sb, maps, qs)
        if c.what not in ("label", "description")
    ]
    reason = (
        "the scale's name only; its codes and values are the same"
        if not out
        else ("the question uses another scale")
    )
    out.insert(
        0,
        Change(
            "questions",
            b["id"],
            "scale",
            "changed",
            BREAKING if out else COMPATIBLE,
            reason,
            a["scale"],
            b["scale"],
            qs,
            (),
            names,
        ),
    )
    if out[0].cls == BREAKING and all(not c.breaking for c in out[1:]):
        out[0] = replace(out[0], cls=COMPATIBLE, reason="another scale with the same codes")
    return out


def _window(a: Q, b: Q, old: dict[str, Any], new: dict[str, Any], change: Make) -> list[Change]:
    wa, wb = a.get("window"), b.get("window")
    if wa == wb:
        return []
    ya = (old.get("windows") or {}).get(wa, {}).get("years") if wa else None
    yb = (new.get("windows") or {}).get(wb, {}).get("years") if wb else None
    if wa and wb and ya == yb:
        reason = "the window's name only; the same years"
        return [change("window", "changed", COMPATIBLE, reason, wa, wb)]
    reason = "the period the answer looks back over changed"
    return [change("window", _action(wa, wb), BREAKING, reason, wa, wb)]


def _concepts(a: Q, b: Q, change: Make) -> list[Change]:
    ca, cb = list(a.get("concepts") or ()), list(b.get("concepts") or ())
    out = []
    for concept in [c for c in cb if c not in ca]:
        out.append(
            change(
                f"concept {concept}",
                "added",
                BREAKING,
                "the question is now defined by this concept",
                None,
                concept,
            )
        )
    for concept in [c for c in ca if c not in cb]:
        out.append(
            change(
                f"concept {concept}",
                "removed",
                BREAKING,
                "the question is no longer defined by this concept",
                concept,
                None,
            )
        )
    return out
