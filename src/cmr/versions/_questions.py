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

from cmr.versions._compare import field_changes, plain, text_change
from cmr.versions._guidance import action_of, guidance_changes
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
    if a["id"] != b["id"] and not declared:
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
    out += guidance_changes(a, b, new, change)
    out += _scale(a, b, old, new, maps, qs, names)
    out += _window(a, b, old, new, change)
    out += _concepts(a, b, change)
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
    """A question that moved to another scale: the two scales' contents compared code by code
    (a change inside a scale both versions share is reported once, under scales)."""
    if a["scale"] == b["scale"]:
        return []
    sa, sb = old["scales"][a["scale"]], new["scales"][b["scale"]]
    details = [
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
    if any(c.breaking for c in details):
        cls, reason = BREAKING, "the question uses another scale, with other codes or values"
    else:
        cls, reason = COMPATIBLE, "another scale with the same codes and values"
    head = Change(
        "questions", b["id"], "scale", "changed", cls, reason, a["scale"], b["scale"], qs, (), names
    )
    return [head, *details]


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
    return [change("window", action_of(wa, wb), BREAKING, reason, wa, wb)]


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
