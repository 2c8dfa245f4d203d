"""A codebook's `changes` list read as data: what each entry mentions and what it declares.

An entry of `changes` belongs to one version (`version:`). Its `summary` and `details` are
read as text: a change is *mentioned* when that text names, as a whole word and in any case,
the question's id, its old or new variable, or the item that changed (a scale, a code, a
window, a concept, a rule code). Two kinds of detail lines are also declarations that
`cmr migrate` applies:

* `map: OLD -> NEW` — answers coded OLD become NEW (a renamed or merged code);
* `replace: OLD -> NEW` — question OLD (an id or a variable) continues as question NEW (for
  a split or a replacement the diff could not match by id or variable).

When the codebook meta-schema allows them, the same declarations are read from structured
keys of the entry: `map: {OLD: NEW}` and `replaces: {OLD: NEW}`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

_DECLARATION = re.compile(r"^\s*(map|replace)\s*:\s*(\S+)\s*->\s*(\S+)\s*$", re.IGNORECASE)


def version_key(version: str) -> tuple[int, ...]:
    """`"1.10.0"` -> (1, 10, 0); a text that is not a version sorts first."""
    try:
        return tuple(int(p) for p in str(version).split("."))
    except ValueError:
        return ()


@dataclass
class Changelog:
    """The entries of the versions after `old` up to `new`, as text and declarations."""

    texts: list[str] = field(default_factory=list)
    maps: dict[str, str] = field(default_factory=dict)
    replaces: dict[str, str] = field(default_factory=dict)

    def mentions(self, names: Iterable[str]) -> bool:
        """Whether some entry names one of `names` as a whole word (case-insensitive)."""
        for name in names:
            word = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])", re.IGNORECASE)
            if name and any(word.search(text) for text in self.texts):
                return True
        return False


def entries(raw: dict[str, Any], version: str) -> list[dict[str, Any]]:
    """The entries of `changes` that belong to `version`."""
    found = raw.get("changes") or []
    return [e for e in found if isinstance(e, dict) and str(e.get("version")) == version]


def changelog(raw: dict[str, Any], old: str, new: str) -> Changelog:
    """The changelog of codebook `raw` (version `new`) for the versions after `old`."""
    low, high = version_key(old), version_key(new)
    log = Changelog()
    for entry in raw.get("changes") or []:
        if not isinstance(entry, dict) or not low < version_key(str(entry.get("version"))) <= high:
            continue
        _read(entry, log)
    return log


def _read(entry: dict[str, Any], log: Changelog) -> None:
    lines = [str(entry.get("summary", ""))]
    lines += [str(d) for d in entry.get("details") or [] if isinstance(d, str)]
    log.texts += lines
    for line in lines:
        match = _DECLARATION.match(line)
        if match:
            kind, old, new = match.group(1).lower(), match.group(2), match.group(3)
            (log.maps if kind == "map" else log.replaces)[old.strip("`'\"")] = new.strip("`'\"")
    for key, target in (("map", log.maps), ("replaces", log.replaces)):
        declared = entry.get(key)
        if isinstance(declared, dict):
            target.update({str(k): str(v) for k, v in declared.items()})
