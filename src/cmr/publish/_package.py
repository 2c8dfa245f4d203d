"""The release's `datapackage.json` describes every file of the release, not only the panel.

`cmr export` writes the package with a resource per panel file (CSV, Parquet, Stata). A
release adds the codebook, CITATION.cff, the changelog, the data licence and SHA256SUMS; each
becomes a plain (non-tabular) Frictionless resource with its format, media type, size and
sha256, so that a reader of the package alone learns what the zip holds and can check it.
SHA256SUMS is described without size and hash: it is written after the package, whose hash
it holds.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

__all__ = ["PACKAGE", "describe_release"]

PACKAGE = "datapackage.json"
# file name endings: Frictionless format, media type, whether the file is text
_TYPES = {
    ".yaml": ("yaml", "application/yaml", True),
    ".cff": ("yaml", "application/yaml", True),
    ".md": ("markdown", "text/markdown", True),
    ".html": ("html", "text/html", True),
    ".pdf": ("pdf", "application/pdf", False),
}
_PLAIN = ("txt", "text/plain", True)


def describe_release(folder: Path, files: list[str], sums: str, titles: dict[str, str]) -> None:
    """Add a resource to `folder`'s datapackage.json for each of `files` it does not describe
    yet (`sums`, the checksum file, without size and hash), titled from `titles`."""
    path = folder / PACKAGE
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    resources: list[dict[str, Any]] = data.setdefault("resources", [])
    taken = {r.get("path") for r in resources} | {PACKAGE}
    names = {r.get("name") for r in resources}
    for name in sorted(set(files) - taken):
        item = _resource(folder, name, name != sums, titles.get(name, name))
        item["name"] = _unique(item["name"], names)
        names.add(item["name"])
        resources.append(item)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _resource(folder: Path, name: str, hashed: bool, title: str) -> dict[str, Any]:
    fmt, mediatype, text = _TYPES.get(Path(name).suffix.lower(), _PLAIN)
    out: dict[str, Any] = {
        "name": re.sub(r"[^a-z0-9._-]+", "-", name.lower()).strip("-._") or "file",
        "path": name,
        "title": title,
        "profile": "data-resource",
        "format": fmt,
        "mediatype": mediatype,
    }
    if text:
        out["encoding"] = "utf-8"
    if hashed:
        raw = (folder / name).read_bytes()
        out.update(bytes=len(raw), hash=f"sha256:{hashlib.sha256(raw).hexdigest()}")
    return out


def _unique(name: str, taken: set[Any]) -> str:
    """`name`, or `name-2`, `name-3`, … when a resource already has it."""
    found, n = name, 1
    while found in taken:
        n += 1
        found = f"{name}-{n}"
    return found
