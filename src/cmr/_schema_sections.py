"""Observation-schema fields driven by a codebook's optional sections (1.2.0+).

Each field is added only when the codebook declares its section, so the schemas of codebooks
without them (1.0.0, 1.1.0) stay byte-identical:

* `units` → `unit` (one of the unit ids; absent = `default_unit`);
* `source_tiers` → each citation requires `tier`, and may carry a verbatim `quote`, which then
  requires `pages`;
* `events` → an `events` list of dated events (id, date, precision, type, actors, outcome,
  citations);
* `lineage` → each answer may keep the legacy memo's answer in `legacy_answer`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cmr.codebook import Codebook

EVENT_ID = r"^[a-z0-9][a-z0-9_-]*$"
EVENT_DATE = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"


def add(book: Codebook, schema: dict[str, Any]) -> dict[str, Any]:
    """`schema` (an observation schema of `book`) with the sections' fields added."""
    if book.units:
        schema["properties"]["unit"] = _unit(book)
    if book.source_tiers:
        _tiers(book, schema["$defs"]["citation"])
    if book.events:
        schema["properties"]["events"] = {
            "description": "Dated events of the country-year that bear on the answers, each "
            "with its sources.",
            "type": "array",
            "items": {"$ref": "#/$defs/event"},
        }
        schema["$defs"]["event"] = _event(book)
    if book.lineage is not None:
        answers = schema["properties"]["answers"]["properties"]
        for q in book.questions:
            answers[q.variable]["properties"]["legacy_answer"] = {
                "description": "The legacy memo's answer, kept when the recoded answer differs "
                "(say why in the evidence).",
                "enum": list(q.scale.codes),
            }
    return schema


def _unit(book: Codebook) -> dict[str, Any]:
    lines = [
        f"{u.id}: {u.label} ("
        + (f"reference date {u.reference_date}" if u.reference_date else "`as_of` required")
        + ")"
        for u in book.units.values()
    ]
    default = book.default_unit.id if book.default_unit else ""
    return {
        "description": f"Unit of observation (default {default}).\n\n" + "\n".join(lines),
        "enum": list(book.units),
    }


def _tiers(book: Codebook, citation: dict[str, Any]) -> None:
    citation["required"] = [*citation["required"], "tier"]
    citation["properties"]["tier"] = {
        "description": "Source-quality tier.\n\n"
        + "\n".join(f"{t.code}: {t.description}" for t in book.source_tiers),
        "enum": [t.code for t in book.source_tiers],
    }
    citation["properties"]["quote"] = {
        "description": "A verbatim quotation from the source (requires `pages`).",
        "type": "string",
        "minLength": 1,
    }
    citation["dependentRequired"] = {"quote": ["pages"]}


def _event(book: Codebook) -> dict[str, Any]:
    types = book.events.types
    return {
        "type": "object",
        "required": ["id", "date", "precision", "type", "citations"],
        "additionalProperties": False,
        "properties": {
            "id": {
                "description": "A short slug naming the event, unique in the file.",
                "type": "string",
                "pattern": EVENT_ID,
                "maxLength": 64,
            },
            "date": {
                "description": "YYYY, YYYY-MM or YYYY-MM-DD, as the precision says.",
                "type": "string",
                "pattern": EVENT_DATE,
            },
            "precision": {
                "description": "How precisely the date is known.",
                "enum": list(book.events.precision),
            },
            "type": {
                "description": "Event type.\n\n"
                + "\n".join(f"{t.code}: {t.description}" for t in types),
                "enum": [t.code for t in types],
            },
            "actors": {
                "description": "Who acted (persons, units, organisations).",
                "type": "array",
                "items": {"type": "string", "minLength": 1},
            },
            "outcome": {"description": "What came of it.", "type": "string"},
            "citations": {
                "description": "Sources for the event: keys of observations/references.bib.",
                "type": "array",
                "minItems": 1,
                "items": {"$ref": "#/$defs/citation"},
            },
        },
    }
