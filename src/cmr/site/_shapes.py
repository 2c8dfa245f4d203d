"""A draft as the pages can lay it out, whatever its file holds.

The check lets a draft hold anything (it is work in progress), but the pages expect the
shapes of a finished coding: answers and citations as mappings, lists where lists go, plain
values elsewhere. `tidy(obs)` gives a copy of a draft's observation in those shapes: a list or
mapping where a plain value goes is shown as its text (`{"a": 1}`), a citation or event that
is not a mapping is left out, a citation's key is text, and a missing value stays missing.
Final codings passed the check and are left as they are.
"""

from __future__ import annotations

import json
from typing import Any

from cmr.observation import Observation

LISTS = ("reconciles",)
"""Top-level fields the pages join as lists."""
NESTED = ("answers", "events")


def tidy(obs: Observation) -> Observation:
    """`obs` with its data in the shapes the pages lay out (see the module)."""
    data = {k: _text(v) for k, v in obs.data.items() if k not in (*LISTS, *NESTED)}
    data.update({k: _texts(obs.data[k]) for k in LISTS if k in obs.data})
    answers = obs.data.get("answers")
    if isinstance(answers, dict):
        data["answers"] = {str(k): _entry(v) for k, v in answers.items()}
    events = obs.data.get("events")
    if events is not None:
        data["events"] = [_entry(e) for e in _items(events)]
    return Observation(obs.path, data, obs.codebook)


def _entry(value: Any) -> dict[str, Any] | None:
    """An answer or an event: its fields as texts, its citations and actors as lists."""
    if value is None:
        return None
    if not isinstance(value, dict):
        return {"answer": _text(value)}
    out: dict[str, Any] = {str(k): _text(v) for k, v in value.items()}
    if "citations" in value:
        out["citations"] = [_citation(c) for c in _items(value["citations"])]
    if "actors" in value:
        out["actors"] = _texts(value["actors"])
    return out


def _citation(value: dict[Any, Any]) -> dict[str, Any]:
    out = {str(k): _text(v) for k, v in value.items()}
    if out.get("key") is not None:
        out["key"] = str(out["key"])
    return out


def _items(value: Any) -> list[dict[Any, Any]]:
    """The mappings of a list (a single mapping counts as a list of one)."""
    found = value if isinstance(value, list) else [value]
    return [item for item in found if isinstance(item, dict)]


def _texts(value: Any) -> list[str]:
    found = value if isinstance(value, list) else [value]
    return [str(_text(item)) for item in found if item is not None]


def _text(value: Any) -> Any:
    """A plain value as it is; a list or mapping as the JSON text a page shows."""
    if not isinstance(value, list | dict):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
