"""Changes of what questions share: scales, windows, concepts, confidence levels, the
reference moment and units, rules, source tiers and event types.

Breaking: a window's years; a concept's definition or terms changed (for the questions it
defines); a confidence level removed (unless mapped); the reference moment's wording, a unit
removed or its reference date changed, the default unit; an event type removed. Compatible:
anything added, labels and descriptions of levels, tiers and event types, and every rule
change (rules check answers, they do not change what an answer means).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cmr.versions._compare import added_removed, field_changes, keyed, plain, text_change
from cmr.versions._model import BREAKING, COMPATIBLE, Change
from cmr.versions._scales import scale_changes

Raw = dict[str, Any]
Uses = Callable[[str, str], tuple[str, ...]]
_KEEP = "answers keep their meaning"
_LABEL = (COMPATIBLE, f"a label or description; {_KEEP}")
_RULE = (COMPATIBLE, "a consistency check; answers keep their meaning")


def section_changes(old: Raw, new: Raw, maps: dict[str, str], uses: Uses) -> list[Change]:
    """Every change outside the questions; `uses(field, name)` gives the new variables whose
    questions use the scale, window or concept `name` in both versions."""
    out = []
    for name in _both(old.get("scales"), new.get("scales")):
        out += scale_changes(
            name, old["scales"][name], new["scales"][name], maps, uses("scale", name)
        )
    out += _items("scales", old.get("scales"), new.get("scales"), BREAKING, COMPATIBLE)
    out += _windows(old.get("windows") or {}, new.get("windows") or {}, uses)
    out += _concepts(old.get("concepts") or {}, new.get("concepts") or {}, uses)
    out += _confidence(old, new, maps)
    out += _reference(old, new)
    out += _listed("rules", old.get("rules"), new.get("rules"), _RULE, _RULE)
    out += _listed(
        "source_tiers",
        old.get("source_tiers"),
        new.get("source_tiers"),
        (COMPATIBLE, "citations' tiers; answers keep their meaning"),
        _LABEL,
    )
    ea, eb = old.get("events") or {}, new.get("events") or {}
    out += _listed(
        "events",
        ea.get("types"),
        eb.get("types"),
        (BREAKING, "events of this type must be typed again"),
        _LABEL,
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
    if old.get("lineage") != new.get("lineage"):
        action = "added" if old.get("lineage") is None else "changed"
        out.append(
            Change(
                "reference",
                "lineage",
                "section",
                action,
                COMPATIBLE,
                f"where the codebook comes from; {_KEEP}",
                names=("lineage",),
            )
        )
    return out


def _both(a: Any, b: Any) -> list[str]:
    return [k for k in (b or {}) if k in (a or {})]


def _items(section: str, a: Any, b: Any, removed: str, added: str) -> list[Change]:
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


def _windows(a: Raw, b: Raw, uses: Uses) -> list[Change]:
    out = _items("windows", a, b, BREAKING, COMPATIBLE)
    for name in _both(a, b):
        out += field_changes(
            "windows",
            name,
            a[name],
            b[name],
            {
                "years": (BREAKING, "the period answers look back over changed"),
                "label": _LABEL,
                "description": _LABEL,
            },
            questions=uses("window", name),
            names=(name,),
        )
    return out


def _concepts(a: Raw, b: Raw, uses: Uses) -> list[Change]:
    out = _items("concepts", a, b, COMPATIBLE, COMPATIBLE)
    for name in _both(a, b):
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
                "label": _LABEL,
                "sources": (COMPATIBLE, "the sources cited for the definition"),
                "terms": (BREAKING, "terms the definition relies on changed"),
            },
            questions=qs,
            names=(name,),
            skip=("definition",),
        )
    return out


def _confidence(old: Raw, new: Raw, maps: dict[str, str]) -> list[Change]:
    b = keyed(new.get("confidence"))
    out = _listed("confidence", old.get("confidence"), new.get("confidence"), _LABEL, _LABEL)
    for i, c in enumerate(out):
        if c.action == "removed" and maps.get(c.subject) not in b:
            out[i] = Change(
                "confidence",
                c.subject,
                c.what,
                "removed",
                BREAKING,
                "answers with this confidence must be rated again",
                c.subject,
                None,
                (),
                (),
                c.names,
            )
    return out


def _reference(old: Raw, new: Raw) -> list[Change]:
    out = []
    x, y = old.get("reference_moment"), new.get("reference_moment")
    if x != y:
        out += text_change(
            "reference",
            "reference_moment",
            "text",
            plain(x),
            plain(y),
            meaning="the moment every answer describes changed",
            names=("reference_moment", "reference moment"),
        )
    if old.get("default_unit") is None and new.get("default_unit") is not None:
        out.append(
            Change(
                "reference",
                "default_unit",
                "unit",
                "added",
                COMPATIBLE,
                "a unit declared where there was none (the reference moment's "
                "wording is compared on its own)",
                None,
                new.get("default_unit"),
                names=("default_unit",),
            )
        )
    elif old.get("default_unit") != new.get("default_unit"):
        out.append(
            Change(
                "reference",
                "default_unit",
                "unit",
                "changed",
                BREAKING,
                "observations without a unit describe another unit",
                old.get("default_unit"),
                new.get("default_unit"),
                names=("default_unit", "default unit", "unit"),
            )
        )
    ua, ub = old.get("units") or {}, new.get("units") or {}
    out += [
        Change("reference", k, "unit", "added", COMPATIBLE, "a new unit of observation", names=(k,))
        for k in ub
        if k not in ua
    ]
    out += [
        Change(
            "reference",
            k,
            "unit",
            "removed",
            BREAKING,
            "observations of this unit have no unit in the new version",
            names=(k,),
        )
        for k in ua
        if k not in ub
    ]
    for k in _both(ua, ub):
        moment = (BREAKING, "the date the unit's observations describe changed")
        out += field_changes(
            "reference",
            k,
            ua[k],
            ub[k],
            {"label": _LABEL, "description": _LABEL, "reference_date": moment, "as_of": moment},
            names=(k,),
        )
    return out


def _listed(
    section: str, a: Any, b: Any, removed: tuple[str, str], fields: tuple[str, str]
) -> list[Change]:
    """Items of a list keyed by `code`: added (compatible), removed, any field changed."""
    x, y = keyed(a), keyed(b)
    new_, gone, both = added_removed(x, y)
    out = [
        Change(section, k, "entry", "added", COMPATIBLE, f"a new entry; {_KEEP}", names=(k,))
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
