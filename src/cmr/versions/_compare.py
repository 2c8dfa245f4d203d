"""Small comparisons the diff is built from: texts, keyed lists and one-change helpers."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from cmr.versions._model import BREAKING, COMPATIBLE, Change

_WORD = re.compile(r"\w+")
KEEP = "answers keep their meaning"
LABEL = (COMPATIBLE, f"a label or description; {KEEP}")


def same_words(a: object, b: object) -> bool:
    """Texts equal but for case, spacing and punctuation (a typo-level change)."""
    return _WORD.findall(str(a).casefold()) == _WORD.findall(str(b).casefold())


def text_change(
    section: str,
    subject: str,
    what: str,
    old: object,
    new: object,
    *,
    meaning: str,
    questions: tuple[str, ...] = (),
    names: tuple[str, ...] = (),
) -> list[Change]:
    """A change of a text that defines meaning: breaking unless typo-level. Added text is
    reported by the caller; here both sides exist."""
    if old == new:
        return []
    if same_words(old, new):
        cls, reason = COMPATIBLE, "only case, spacing or punctuation changed"
    else:
        cls, reason = BREAKING, meaning
    return [Change(section, subject, what, "changed", cls, reason, old, new, questions, (), names)]


def keyed(items: Iterable[Any] | None, key: str = "code") -> dict[str, dict[str, Any]]:
    """A list of mappings as a dict by one of their keys (`code`), in their order."""
    return {str(i[key]): i for i in items or () if isinstance(i, dict) and key in i}


def added_removed(
    old: dict[str, Any], new: dict[str, Any]
) -> tuple[list[str], list[str], list[str]]:
    """Keys only in `new`, only in `old`, and in both (each list in a stable order)."""
    return (
        [k for k in new if k not in old],
        [k for k in old if k not in new],
        [k for k in new if k in old],
    )


def plain(value: Any) -> Any:
    """A value made JSON-friendly and short enough to show (lists and dicts kept)."""
    if isinstance(value, str):
        return " ".join(value.split())
    return value


def field_changes(
    section: str,
    subject: str,
    old: dict[str, Any],
    new: dict[str, Any],
    classes: dict[str, tuple[str, str]],
    *,
    questions: tuple[str, ...] = (),
    names: tuple[str, ...] = (),
    skip: Iterable[str] = (),
) -> list[Change]:
    """Changes of the fields of one item; `classes` maps a field to (class, reason); a field
    not listed is breaking ("not classed: review it")."""
    out = []
    for name in sorted((set(old) | set(new)) - set(skip)):
        a, b = old.get(name), new.get(name)
        if a == b:
            continue
        cls, reason = classes.get(name, (BREAKING, "a field cmr does not class; review it"))
        if cls == BREAKING and isinstance(a, str) and isinstance(b, str) and same_words(a, b):
            cls, reason = COMPATIBLE, "only case, spacing or punctuation changed"
        action = "added" if a is None else "removed" if b is None else "changed"
        out.append(
            Change(
                section,
                subject,
                name,
                action,
                cls,
                reason,
                plain(a),
                plain(b),
                questions,
                (),
                names,
            )
        )
    return out


def both(a: Any, b: Any) -> list[str]:
    return [k for k in (b or {}) if k in (a or {})]


def items(section: str, a: Any, b: Any, removed: str, added: str) -> list[Change]:
    """Named items (scales) added or removed; whatever uses them is reported elsewhere."""
    new_, gone, _ = added_removed(a or {}, b or {})
    return [
        Change(section, k, section[:-1], "added", COMPATIBLE, "a new " + section[:-1], names=(k,))
        for k in new_
    ] + [
        Change(
            section,
            k,
            section[:-1],
            "removed",
            COMPATIBLE,
            "no question uses it any more (reported under questions)",
            names=(k,),
        )
        for k in gone
    ]


def listed(
    section: str, a: Any, b: Any, removed: tuple[str, str], fields: tuple[str, str]
) -> list[Change]:
    """Items of a list keyed by `code`: added (compatible), removed, any field changed."""
    x, y = keyed(a), keyed(b)
    new_, gone, both = added_removed(x, y)
    out = [
        Change(section, k, "entry", "added", COMPATIBLE, f"a new entry; {KEEP}", names=(k,))
        for k in new_
    ]
    out += [
        Change(section, k, "entry", "removed", removed[0], removed[1], names=(k,)) for k in gone
    ]
    for k in both:
        if x[k] != y[k]:
            keys = sorted(set(x[k]) | set(y[k]))
            changed = [f for f in keys if x[k].get(f) != y[k].get(f)]
            out.append(
                Change(section, k, ", ".join(changed), "changed", fields[0], fields[1], names=(k,))
            )
    return out
