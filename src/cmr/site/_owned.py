"""What a cmr site owns: the files its manifest `cmr-site.json` lists, and nothing else.

Every build records in `cmr-site.json` the relative path and sha256 of every file it wrote
besides the manifest itself (pages at the top, release files under `downloads/`). cmr only
ever deletes files a previous build listed there; a folder holding anything else is foreign.
This mirrors `cmr.export._manifest`, whose manifest is `datapackage.json`.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

MANIFEST = "cmr-site.json"
FORMAT = "cmr-site-1"


def manifest_text(digests: dict[str, str]) -> str:
    """The manifest of the files whose sha256 `digests` gives (relative posix path -> hex)."""
    listed = {name: f"sha256:{digest}" for name, digest in sorted(digests.items())}
    body = {"cmr": {"format": FORMAT, "manifest": listed}}
    return json.dumps(body, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def owned(folder: Path) -> set[str] | None:
    """The relative paths `folder`'s manifest says cmr wrote (itself included), or None."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    section = data.get("cmr") if isinstance(data, dict) else None
    if not isinstance(section, dict) or section.get("format") != FORMAT:
        return None
    listed = section.get("manifest")
    if not isinstance(listed, dict):
        return None
    return {MANIFEST, *(str(name) for name in listed)}


def entries(folder: Path, inside: set[str] | None = None) -> list[str]:
    """Every file and folder under `folder`, as sorted relative posix paths (links unfollowed).

    With `inside`, only the folders it names are entered: the rest are listed, not walked (a
    home folder given as --out is refused at once, not read through).
    """
    found = []
    for parent, dirs, files in os.walk(folder):
        rel = Path(parent).relative_to(folder)
        found += [(rel / n).as_posix() for n in (*dirs, *files)]
        if inside is not None:
            dirs[:] = [d for d in dirs if (rel / d).as_posix() in inside]
    return sorted(found)


def foreign(folder: Path) -> list[str]:
    """The entries of `folder` that no cmr site build wrote, sorted; [] for an empty folder.

    A folder counts as cmr's when it holds a listed file; a listed name that is not a plain
    file (a link, a folder) is foreign. Without a manifest every entry at the top is foreign.
    """
    mine = owned(folder)
    if mine is None:
        return sorted(os.listdir(folder))
    parents = {p.as_posix() for name in mine for p in Path(name).parents} - {"."}
    strangers = []
    for name in entries(folder, parents):
        kind = _mode(folder / name)
        if stat.S_ISDIR(kind) and name in parents:
            continue
        if name not in mine or not stat.S_ISREG(kind):
            strangers.append(name)
    return strangers


def _mode(path: Path) -> int:
    """The kind of `path`, unfollowed; a name gone meanwhile counts as no file of cmr's."""
    try:
        return os.lstat(path).st_mode
    except FileNotFoundError:
        return 0


def remove_owned(folder: Path, marker: str) -> bool:
    """Remove `folder` when cmr provably wrote all of it (by `marker` or the manifest).

    The proof goes last, so that a kill half-way leaves a folder that is still provably cmr's.
    """
    names = entries(folder)
    if marker not in names and foreign(folder):
        return False
    files = [n for n in names if not stat.S_ISDIR(os.lstat(folder / n).st_mode)]
    last = [n for n in (MANIFEST, marker) if n in files]
    for name in [*sorted(set(files) - set(last)), *last]:
        os.unlink(folder / name)
    for name in sorted(set(names) - set(files), reverse=True):
        os.rmdir(folder / name)
    os.rmdir(folder)
    return True
