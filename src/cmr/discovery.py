"""Finding observation files, and the sibling files a one-file check needs as context.

Folders are walked without following links; hidden entries (a leading dot) are skipped. What
cannot be walked is a finding, never a silent gap: a folder that cannot be listed, a link to a
folder, a file that looks like an observation but is named `1993.YAML`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from cmr.catalogue import finding
from cmr.findings import Finding
from cmr.layout import SUFFIXES, layout
from cmr.registry import register

# `1993.YAML`, `jdoe.Yml`: an observation's name with the suffix in the wrong case
_ODD_SUFFIX = re.compile(r"\.ya?ml$", re.IGNORECASE)

register(
    "observation-files",
    "dataset",
    ("no-observations", "file-suffix", "folder-unreadable", "folder-link"),
    "The observation folder can be walked completely: every folder can be listed, no folder "
    "is a link, and every file named like an observation ends in `.yaml` or `.yml`.",
)


@dataclass
class Found:
    """Observation files (sorted) and findings about what could not be walked."""

    files: list[Path] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def discover(paths: Iterable[Path]) -> Found:
    """Observation files under `paths` (folders are searched recursively), sorted."""
    found: set[str] = set()
    out = Found()
    for path in paths:
        if not path.is_dir() or (path.is_symlink() and not os.path.isdir(path)):
            found.add(str(path))
            continue
        _walk(str(path), found, out.findings)
    out.files = [Path(p) for p in sorted(found, key=lambda p: p.split(os.sep))]
    return out


def _walk(top: str, found: set[str], findings: list[Finding]) -> None:
    def failed(exc: OSError) -> None:
        where = exc.filename or top
        findings.append(finding("folder-unreadable", str(where), reason=_reason(exc)))

    for folder, dirs, names in os.walk(top, onerror=failed):
        for d in list(dirs):
            if d.startswith(".") or not os.path.islink(os.path.join(folder, d)):
                continue
            findings.append(finding("folder-link", os.path.join(folder, d), name=d))
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if name.startswith("."):
                continue
            path = os.path.join(folder, name)
            if name.endswith(SUFFIXES):
                found.add(path)
            elif _ODD_SUFFIX.search(name):
                expected = _ODD_SUFFIX.sub(".yaml", name)
                findings.append(finding("file-suffix", path, name=name, expected=expected))


def _reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


def context_of(files: Iterable[Path]) -> list[Path]:
    """The folders holding what checks spanning files need to see beside `files`.

    A country's adjudicated years (`<ISO3>/<year>.yaml`, for its time series) and every
    coding of each country-year (`<ISO3>/<year>/<coder>.yaml`, for duplicates and reconciled
    codings) all sit in the country's folder, so that folder is the context.
    """
    folders: set[Path] = set()
    for path in files:
        where = layout(os.path.abspath(path))
        if where is None:
            continue
        folder = path.parent.parent if where.independent else path.parent
        folders.add(folder)
    return sorted(folders)
