"""Frictionless field descriptors from the Arrow schemas of the export's tables.

Types, descriptions, titles, enums and, for label columns and the wide panel's values, their
labels as Data Package v2 `categories` all come from the field metadata that the codebook put
there; `stata_field` says how the Stata file stores a field instead.
"""

from __future__ import annotations

import json
from typing import Any

import pyarrow as pa

from cmr.export._spec import PanelSpec


def _type(t: pa.DataType) -> str:
    if pa.types.is_dictionary(t):
        return _type(t.value_type)
    if pa.types.is_integer(t):
        return "integer"
    if pa.types.is_date(t):
        return "date"
    return "string"


def table_field(field: pa.Field, key: list[str], layout: PanelSpec) -> dict[str, Any]:
    """The Frictionless field of an Arrow `field` (its metadata carries what the codebook
    says); `key` is its table's primary key."""
    meta = {k.decode(): v.decode() for k, v in (field.metadata or {}).items()}
    out: dict[str, Any] = {"name": field.name, "type": _type(field.type)}
    if "description" in meta:
        out["description"] = meta["description"]
    if "label" in meta:
        out["title"] = json.loads(meta["label"])
    constraints: dict[str, Any] = {}
    if field.name in key or not field.nullable:
        constraints["required"] = True
    if "categories" in meta and field.name not in ("country", "iso3c", "coder"):
        constraints["enum"] = json.loads(meta["categories"])
    if "values" in meta:
        constraints["enum"] = sorted(set(json.loads(meta["values"]).values()))
    if field.name == "year" and out["type"] == "integer":
        constraints["minimum"] = layout.min_year
    if constraints:
        out["constraints"] = constraints
    return {**out, **_categories(meta)}


def _categories(meta: dict[str, str]) -> dict[str, Any]:
    """Data Package v2 `categories` (each code or number with its label) and
    `categoriesOrdered`, for label columns with labels and for the wide panel's values."""
    out: dict[str, Any] = {}
    if "labels" in meta and "categories" in meta:
        names = json.loads(meta["labels"])
        out["categories"] = [
            {"value": c, "label": names[c]} for c in json.loads(meta["categories"])
        ]
    elif "value_labels" in meta:
        numbers = json.loads(meta["value_labels"])
        out["categories"] = [{"value": int(v), "label": label} for v, label in numbers.items()]
    if out and json.loads(meta.get("ordered", "false")):
        out["categoriesOrdered"] = True
    return out


def stata_field(field: dict[str, Any], confidence: bool) -> dict[str, Any]:
    """A field as the Stata file holds it, by name and type: confidence as a labelled integer
    from 1 (lowest); a variable's missing codes are its extended missing values (`.a`, ...)."""
    out = {"name": field["name"], "type": field["type"]}
    if confidence and "enum" in field.get("constraints", {}):
        levels = field["constraints"]["enum"]
        labels = [c["label"] for c in field.get("categories", [])] or levels
        out["type"] = "integer"
        out["categories"] = [{"value": i, "label": x} for i, x in enumerate(labels, start=1)]
    return out
