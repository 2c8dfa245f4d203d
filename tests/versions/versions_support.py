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
    only_released(project)
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


def only_released(project: Path, keep: str = "1.1.0") -> None:
    """Remove the project's codebook versions after `keep` (the repository's own 1.2.0, once
    it lands) and their lines in released.sha256, so a made-up version takes their place."""
    from cmr.versions._changelog import version_key

    folder = project / "codebook"
    for path in folder.glob("*.yaml"):
        if version_key(path.stem) > version_key(keep):
            path.unlink()
            schema = folder / "schema" / f"observation-{path.stem}.schema.json"
            schema.unlink(missing_ok=True)
    listing = folder / "released.sha256"
    if listing.is_file():
        lines = listing.read_text(encoding="utf-8").splitlines(keepends=True)
        kept = [x for x in lines if not x.rstrip().endswith(".yaml") or _old(x, keep)]
        listing.write_text("".join(kept), encoding="utf-8")


def _old(line: str, keep: str) -> bool:
    from cmr.versions._changelog import version_key

    name = line.rstrip().rsplit(" ", 1)[-1].lstrip("*")
    return version_key(name.removesuffix(".yaml")) <= version_key(keep)


def question(data: Data, qid: str) -> Data:
    """The question `qid` of codebook data, to edit in place."""
    found: Data = next(q for q in data["questions"] if q["id"] == qid)
    return found
