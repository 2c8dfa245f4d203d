"""Changes of the reference moment, the units of observation and the confidence levels.

Breaking: the reference moment's wording, a unit removed or its reference date changed, the
default unit changed, a confidence level removed (unless the changelog maps it). Compatible: a
unit or level added, a default unit declared where there was none, labels and descriptions.
"""

from __future__ import annotations

from typing import Any

from cmr.versions._compare import LABEL, both, field_changes, keyed, listed, plain, text_change
from cmr.versions._model import BREAKING, COMPATIBLE, Change

Raw = dict[str, Any]


def confidence_changes(old: Raw, new: Raw, maps: dict[str, str]) -> list[Change]:
    b = keyed(new.get("confidence"))
    out = listed("confidence", old.get("confidence"), new.get("confidence"), LABEL, LABEL)
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


def reference_changes(old: Raw, new: Raw) -> list[Change]:
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
    for k in both(ua, ub):
        moment = (BREAKING, "the date the unit's observations describe changed")
        out += field_changes(
            "reference",
            k,
            ua[k],
            ub[k],
            {"label": LABEL, "description": LABEL, "reference_date": moment, "as_of": moment},
            names=(k,),
        )
    return out
