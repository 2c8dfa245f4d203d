"""Scale changes: value codes, numeric values, missing codes and evidence requirements.

A value code added or removed, or a numeric value changed, makes answers incomparable
(breaking). A missing code added is compatible; a missing or value code removed is breaking
unless the changelog maps it to a code of the new scale (`map: OLD -> NEW`), which
`cmr migrate` then applies. Labels and evidence requirements (`requires_citation`,
`requires_note`) are compatible: answers keep their meaning.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from cmr.versions._compare import added_removed, field_changes, keyed
from cmr.versions._model import BREAKING, COMPATIBLE, Change

_EVIDENCE = (COMPATIBLE, "what evidence the answer needs; answers keep their meaning")
_LABEL = (COMPATIBLE, "a label; answers keep their meaning")
_VALUE_FIELDS = {
    "label": _LABEL,
    "value": (BREAKING, "the numeric value changed: exported values are not comparable"),
    "description": (BREAKING, "what the code means changed"),
    "requires_citation": _EVIDENCE,
    "requires_note": _EVIDENCE,
}
_MISSING_FIELDS = {**_VALUE_FIELDS, "description": (COMPATIBLE, "a missing code's description")}


def scale_changes(
    subject: str,
    old: dict[str, Any],
    new: dict[str, Any],
    maps: dict[str, str],
    questions: tuple[str, ...],
) -> list[Change]:
    """Every change from scale `old` to scale `new` (raw codebook entries)."""
    names = (subject,)
    out = field_changes(
        "scales",
        subject,
        old,
        new,
        {"label": _LABEL, "description": (COMPATIBLE, "the scale's description")},
        questions=questions,
        names=names,
        skip=("values", "missing"),
    )
    new_codes = {c for part in ("values", "missing") for c in keyed(new.get(part, ()))}
    for part, fields in (("values", _VALUE_FIELDS), ("missing", _MISSING_FIELDS)):
        a, b = keyed(old.get(part, ())), keyed(new.get(part, ()))
        added, removed, both = added_removed(a, b)
        kind = "value code" if part == "values" else "missing code"
        for code in added:
            out.append(_added(subject, kind, code, questions, part == "values"))
        for code in removed:
            out.append(_removed(subject, kind, code, questions, maps, new_codes))
        for code in both:
            out += [
                replace(c, what=f"{kind} {code} {c.what}")
                for c in field_changes(
                    "scales",
                    subject,
                    a[code],
                    b[code],
                    fields,
                    questions=questions,
                    names=names,
                    skip=("code",),
                )
            ]
    return out


def _added(
    subject: str,
    kind: str,
    code: str,
    questions: tuple[str, ...],
    is_value: bool,
) -> Change:
    if is_value:
        cls, reason = BREAKING, "a new answer value: answers are no longer on the same scale"
    else:
        cls, reason = COMPATIBLE, "a new missing code; existing answers keep their meaning"
    return Change(
        "scales",
        subject,
        f"{kind} {code}",
        "added",
        cls,
        reason,
        None,
        code,
        questions,
        (),
        (subject,),
    )


def _removed(
    subject: str,
    kind: str,
    code: str,
    questions: tuple[str, ...],
    maps: dict[str, str],
    new_codes: set[str],
) -> Change:
    target = maps.get(code)
    if target is not None and target in new_codes:
        cls, reason = COMPATIBLE, f"answers {code} become {target} (mapped in the changelog)"
    else:
        cls = BREAKING
        reason = f"answers coded {code} have no code in the new version and need review"
    return Change(
        "scales",
        subject,
        f"{kind} {code}",
        "removed",
        cls,
        reason,
        code,
        target,
        questions,
        (code,),
        (subject,),
    )
