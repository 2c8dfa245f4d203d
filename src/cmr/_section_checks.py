"""What the codebook meta-schema cannot say about the 1.2.0 sections: concept ids that
questions and event types name exist, the default unit exists, reference dates are real
dates in every year, codes are used once."""

from __future__ import annotations

import datetime as dt
from typing import Any

Problem = tuple[str, str]


def problems(data: dict[str, Any]) -> list[Problem]:
    """(pointer, problem) for the optional sections of a schema-valid codebook."""
    return [*_concept_refs(data), *_units(data), *_codes(data)]


def _concept_refs(data: dict[str, Any]) -> list[Problem]:
    known = set(data.get("concepts", {}))
    out: list[Problem] = []
    for i, q in enumerate(data["questions"]):
        for j, cid in enumerate(q.get("concepts", ())):
            if cid not in known:
                out.append(
                    (
                        f"questions.{i}.concepts.{j}",
                        f"question {q['id']} names unknown concept {cid!r}{_known(known)}",
                    )
                )
    for i, t in enumerate(data.get("events", {}).get("types", ())):
        cid = t.get("concept")
        if cid is not None and cid not in known:
            out.append(
                (
                    f"events.types.{i}.concept",
                    f"event type {t['code']} names unknown concept {cid!r}{_known(known)}",
                )
            )
    return out


def _known(names: set[str], what: str = "concepts") -> str:
    return f" (known: {', '.join(sorted(names))})" if names else f" (the codebook has no {what})"


def _units(data: dict[str, Any]) -> list[Problem]:
    units = data.get("units", {})
    out: list[Problem] = []
    default = data.get("default_unit")
    if default is not None and default not in units:
        out.append(
            ("default_unit", f"default_unit {default!r} is not a unit{_known(set(units), 'units')}")
        )
    if units and default is None:
        out.append(
            ("units", "`units` needs a `default_unit`: the unit of an observation that names none")
        )
    for uid, unit in units.items():
        text = unit.get("reference_date")
        if (text is None) == ("as_of" not in unit):
            out.append(
                (
                    f"units.{uid}",
                    f'unit {uid}: give either `reference_date: "MM-DD"` or '
                    "`as_of: required`, not both or neither",
                )
            )
        if text is None:
            continue
        month, day = (int(p) for p in text.split("-"))
        try:
            dt.date(2001, month, day)  # a date every year has (not 29 February)
        except ValueError:
            out.append(
                (
                    f"units.{uid}.reference_date",
                    f"unit {uid}: {text!r} is not a date every year has",
                )
            )
    return out


def _codes(data: dict[str, Any]) -> list[Problem]:
    out: list[Problem] = []
    lists = (
        ("source_tiers", data.get("source_tiers", ())),
        ("events.types", data.get("events", {}).get("types", ())),
    )
    for at, items in lists:
        seen: set[str] = set()
        for i, item in enumerate(items):
            if item["code"] in seen:
                out.append((f"{at}.{i}.code", f"{at} code {item['code']!r} is used twice"))
            seen.add(item["code"])
    return out
