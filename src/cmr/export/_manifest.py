"""What a cmr export owns: the files its `datapackage.json` lists, and nothing else.

Every export records in `datapackage.json` (`cmr.manifest`) the name and sha256 of every file
it wrote besides `datapackage.json` itself. cmr only ever deletes files an earlier export listed
there (exports written before the manifest list their files in `cmr.files` and `resources`).
A folder holding anything else is refused as foreign; an empty folder belongs to nobody.

The one exception is a release (`cmr release` writes `dist/cmr-dataset-VERSION/`, its zip, and
while it works a hidden `.cmr-dataset-VERSION.release-*` folder): it may live in an export folder,
is never part of the export, and an export carries it over untouched (`cmr.export._publish`).
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from cmr.catalogue import finding
from cmr.errors import one_line
from cmr.export._datapackage import sha256
from cmr.findings import Finding

PACKAGE = "datapackage.json"
RELEASE_PREFIX = "cmr-dataset-"
"""A release's folder is RELEASE_PREFIX + VERSION, its zip that + ".zip" (`cmr.publish`)."""


def is_release(name: str) -> bool:
    """True for the entries of a release: its folder, its zip, its staging folder."""
    return name.startswith((RELEASE_PREFIX, "." + RELEASE_PREFIX)) and "/" not in name


def manifest(folder: Path, names: Iterable[str]) -> dict[str, str]:
    """`{name: "sha256:<hex>"}` for the files `names` of `folder`, sorted by name."""
    return {name: f"sha256:{sha256(folder / name)}" for name in sorted(names)}


def owned(folder: Path) -> set[str] | None:
    """The names `folder`'s cmr `datapackage.json` says cmr wrote (itself included), or None
    when the folder holds no such package."""
    try:
        data = json.loads((folder / PACKAGE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    section = data.get("cmr") if isinstance(data, dict) else None
    if not isinstance(section, dict) or "format" not in section:
        return None
    if isinstance(section.get("manifest"), dict):
        return {PACKAGE, *map(str, section["manifest"])}
    return {PACKAGE, *_legacy(section, data)}


def _legacy(section: dict[str, Any], data: dict[str, Any]) -> list[str]:
    """The files of an export written before the manifest: `cmr.files` and the resources."""
    files = [str(f) for f in section.get("files", []) if isinstance(f, str)]
    resources = data.get("resources", [])
    paths = [r.get("path") for r in resources if isinstance(r, dict)]
    return files + [p for p in paths if isinstance(p, str)]


def foreign(folder: Path) -> list[str]:
    """The entries of `folder` that no cmr export wrote, sorted, releases aside; [] for an
    empty folder."""
    names = sorted(n for n in os.listdir(folder) if not is_release(n))
    mine = owned(folder) or set()
    return [n for n in names if n not in mine or not _plain_file(folder / n)]


def _plain_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def stranger_findings(
    out: Path, shown: str, code: str, strangers_of: Callable[[Path], list[str]]
) -> list[Finding]:
    """`code` (`export-folder-foreign`, `site-folder-foreign`) at the first thing in output
    folder `out` that the command did not write (`strangers_of` lists them, first to name
    first), or at `out` itself when it is not a folder; [] when there is none."""
    if os.path.lexists(out) and not out.is_dir():
        strangers, at = [out.name], shown
    elif out.is_dir():
        strangers = strangers_of(out)
        at = one_line(os.path.join(shown, strangers[0])) if strangers else shown
    else:
        return []
    if not strangers:
        return []
    more = f" (and {len(strangers) - 1} more)" if len(strangers) > 1 else ""
    return [finding(code, at, stranger=at, more=more, folder=shown)]
