"""Made-up codebook pairs: a copy of the repository's 1.1.0 edited one way, as a new version.

`new_version(project, edit)` loads `codebook/1.1.0.yaml` of `project`, lets `edit` change the
data (a dict) and writes it as `codebook/1.2.0.yaml` (status draft, the version set), so a
test can run `cmr codebook diff 1.1.0 1.2.0` or `cmr migrate --to 1.2.0` on a known change.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from cmr import _yaml

Data = dict[str, Any]


def base(project: Path, version: str = "1.1.0") -> Data:
    """The codebook `version` of `project`, as plain data."""
    text = (project / "codebook" / f"{version}.yaml").read_text(encoding="utf-8")
    data: Data = _yaml.loads(text)
    return data


def new_version(
    project: Path,
    edit: Callable[[Data], object] | None = None,
    *,
    version: str = "1.2.0",
    changes: list[str] | None = None,
) -> Path:
    """Write `codebook/<version>.yaml`: 1.1.0 edited by `edit`, with a changelog entry for
    `version` whose details are `changes` (default: none, only a summary)."""
    data = copy.deepcopy(base(project))
    data["version"] = version
    data["status"] = "draft"
    data.pop("released", None)
    if edit is not None:
        edit(data)
    entry: Data = {"version": version, "date": "2026-12-01", "summary": "A made-up version."}
    if changes:
        entry["details"] = changes
    data["changes"] = [entry, *data["changes"]]
    path = project / "codebook" / f"{version}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def question(data: Data, qid: str) -> Data:
    """The question `qid` of codebook data, to edit in place."""
    found: Data = next(q for q in data["questions"] if q["id"] == qid)
    return found
