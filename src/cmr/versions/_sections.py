"""Changes of what questions share: scales, windows, concepts, rules, source tiers and event
types (the reference moment, units and confidence levels are in `_reference`).

Breaking: a window's years; a concept's definition or terms changed (for the questions it
defines); an event type removed. Compatible: anything added, labels and descriptions of tiers
and event types, and every rule change (rules check answers, they do not change what an
answer means).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cmr.versions._compare import (
    KEEP,
    LABEL,
    both,
    field_changes,
    items,
    listed,
    plain,
    text_change,
)
from cmr.versions._model import BREAKING, COMPATIBLE, Change
from cmr.versions._reference import confidence_changes, reference_changes
from cmr.versions._scales import scale_changes

Raw = dict[str, Any]
Uses = Callable[[str, str], tuple[str, ...]]
_RULE = (COMPATIBLE, "a consistency check; answers keep their meaning")


def section_changes(old: Raw, new: Raw, maps: dict[str, str], uses: Uses) -> list[Change]:
    """Every change outside the questions; `uses(field, name)` gives the new variables whose
    questions use the scale, window or concept `name` in both versions."""
    out = []
    for name in both(old.get("scales"), new.get("scales")):
        out += scale_changes(
            name, old["scales"][name], new["scales"][name], maps, uses("scale", name)
        )
    out += items("scales", old.get("scales"), new.get("scales"), BREAKING, COMPATIBLE)
    out += _windows(old.get("windows") or {}, new.get("windows") or {}, uses)
    out += _concepts(old.get("concepts") or {}, new.get("concepts") or {}, uses)
    out += confidence_changes(old, new, maps)
    out += reference_changes(old, new)
    out += listed("rules", old.get("rules"), new.get("rules"), _RULE, _RULE)
    out += listed(
        "source_tiers",
        old.get("source_tiers"),
        new.get("source_tiers"),
        (COMPATIBLE, "citations' tiers; answers keep their meaning"),
        LABEL,
    )
    ea, eb = old.get("events") or {}, new.get("events") or {}
    out += listed(
        "events",
        ea.get("types"),
        eb.get("types"),
        (BREAKING, "events of this type must be typed again"),
        LABEL,
    )
    if ea.get("precision") != eb.get("precision"):
        out.append(
            Change(
                "events",
                "precision",
                "values",
                "changed",
                COMPATIBLE,
                "how events may be dated",
                ea.get("precision"),
                eb.get("precision"),
            )
        )
    return out + _about(old, new)


_HANDLED = frozenset(
    {
        "codebook",
        "version",
        "status",
        "released",
        "changes",
        "questions",
        "scales",
        "windows",
        "concepts",
        "confidence",
        "reference_moment",
        "units",
        "default_unit",
        "rules",
        "source_tiers",
        "events",
    }
)


def _about(old: Raw, new: Raw) -> list[Change]:
    """What describes the codebook rather than the answers (title, description, lineage,
    the observation limits): compatible."""
    out = []
    for key in sorted((set(old) | set(new)) - _HANDLED):
        if old.get(key) != new.get(key):
            action = "added" if key not in old else "removed" if key not in new else "changed"
            reason = f"about the codebook, not what an answer means; {KEEP}"
            out.append(Change("codebook", key, "section", action, COMPATIBLE, reason, names=(key,)))
    return out


def _windows(a: Raw, b: Raw, uses: Uses) -> list[Change]:
    out = items("windows", a, b, BREAKING, COMPATIBLE)
    for name in both(a, b):
        out += field_changes(
            "windows",
            name,
            a[name],
            b[name],
            {
                "years": (BREAKING, "the period answers look back over changed"),
                "label": LABEL,
                "description": LABEL,
            },
            questions=uses("window", name),
            names=(name,),
        )
    return out


def _concepts(a: Raw, b: Raw, uses: Uses) -> list[Change]:
    out = items("concepts", a, b, COMPATIBLE, COMPATIBLE)
    for name in both(a, b):
        qs = uses("concept", name)
        out += text_change(
            "concepts",
            name,
            "definition",
            plain(a[name].get("definition")),
            plain(b[name].get("definition")),
            meaning="the definition the questions rely on changed",
            questions=qs,
            names=(name,),
        )
        out += field_changes(
            "concepts",
            name,
            a[name],
            b[name],
            {
                "label": LABEL,
                "sources": (COMPATIBLE, "the sources cited for the definition"),
                "terms": (BREAKING, "terms the definition relies on changed"),
            },
            questions=qs,
            names=(name,),
            skip=("definition",),
        )
    return out
