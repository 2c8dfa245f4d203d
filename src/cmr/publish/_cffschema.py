"""The Citation File Format 1.2.0 schema, which every CITATION.cff cmr reads or writes must meet.

`templates/cff-1.2.0.schema.json` is the schema `cffconvert --validate` uses, byte for byte
(tests/publish/PROVENANCE.md says where it comes from). `schema_problems` lists what breaks it,
one problem per place, as a path into the document and a short message.
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources
from typing import Any

__all__ = ["SCHEMA_FILE", "dotted", "schema_problems"]

SCHEMA_FILE = "cff-1.2.0.schema.json"
Path_ = tuple[str | int, ...]


def schema_problems(data: Any) -> list[tuple[Path_, str]]:
    """Where `data` (a parsed CITATION.cff) breaks the CFF 1.2.0 schema: the first problem at
    each place, in document order of the places."""
    seen: dict[Path_, str] = {}
    for error in _validator().iter_errors(data):
        place = tuple(error.instance_path)
        seen.setdefault(place, _short(place, error.message, error.instance))
    return sorted(seen.items(), key=lambda item: [str(step) for step in item[0]])


def dotted(place: Path_) -> str:
    """`authors[0].family-names` for `("authors", 0, "family-names")`; `the file` for `()`."""
    out = ""
    for step in place:
        out += f"[{step}]" if isinstance(step, int) else f".{step}" if out else str(step)
    return out or "the file"


@functools.cache
def _validator() -> Any:
    import jsonschema_rs

    text = resources.files("cmr.publish").joinpath("templates", SCHEMA_FILE).read_text("utf-8")
    return jsonschema_rs.Draft7Validator(json.loads(text))


def _short(place: Path_, message: str, value: Any) -> str:
    """The schema's message, without the offending value repeated in full."""
    where = dotted(place)
    if m := re.fullmatch(r'"([^"]+)" is a required property', message):
        return f"{where} needs `{m[1]}`"
    if " does not match " in message or re.search(r' is not a "[a-z-]+"$', message):
        return f"{where} {_clip(repr(value), 60)} does not have the form CFF 1.2.0 requires"
    if place[:1] == ("license",):
        return f"license {_clip(repr(value), 60)} is not an SPDX licence id (spdx.org/licenses)"
    if "is not valid under any of the schemas" in message:
        return f"{where} is not valid CFF 1.2.0 (see its schema for what this field holds)"
    return f"{where}: {_clip(message)}"


def _clip(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
