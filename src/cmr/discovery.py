"""Finding observation files, and the sibling files a one-file check needs as context.

Folders are walked without following links; hidden entries (a leading dot) are skipped. What
cannot be walked is a finding, never a silent gap: a folder that cannot be listed, a link to a
folder, a file that looks like an observation but is named `1993.YAML`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from cmr.catalogue import finding
from cmr.findings import Finding
from cmr.layout import SUFFIXES, layout
from cmr.registry import register

# `1993.YAML`, `jdoe.Yml`: an observation's name with the suffix in the wrong case
_ODD_SUFFIX = re.compile(r"\.ya?ml$", re.IGNORECASE)
# `1993.yaml~`, `.1993.yaml.swp`, `1993.yml.bak`: a copy of an observation
_LOOKS_LIKE = re.compile(r"\.ya?ml", re.IGNORECASE)
BIBLIOGRAPHY_SUFFIXES = (".bib",)
QUIET_NAMES = frozenset({"README", "README.md", "README.txt", "LICENSE", "LICENSE.md"})

register(
    "observation-files",
    "dataset",
    ("file-suffix", "folder-unreadable", "folder-link"),
    "The observation folder can be walked completely: every folder can be listed, no folder "
    "is a link, and every file named like an observation ends in `.yaml` or `.yml`.",
    fixed=True,
)
register(
    "stray-files",
    "dataset",
    ("no-observations", "file-stray"),
    "Files among the observations that will not be read (backup copies, hidden copies, stray "
    "files), and a folder with no observation at all, are pointed out.",
)


@dataclass
class Found:
    """Observation files (sorted) and findings about what could not be walked."""

    files: list[str] = field(default_factory=list)
    """Paths as strings: a large dataset has many thousand, and they are only passed on."""
    findings: list[Finding] = field(default_factory=list)


Show = Callable[[str], str]


def discover(paths: Iterable[Path], show: Show = str) -> Found:
    """Observation files under `paths` (folders are searched recursively), sorted; a file
    named twice (`AZE/1993.yaml`, `AZE/../AZE/1993.yaml`) is read once. `show` turns a path
    into the form findings print."""
    found: dict[str, str] = {}
    out = Found()
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            _walk(str(path), found, out.findings, show)
        else:
            found.setdefault(_key(str(path)), str(path))
    files = sorted(found.values(), key=lambda p: p.split(os.sep))
    out.files = files
    return out


def _key(path: str) -> str:
    """The file a path names, to read each file once (`AZE/../AZE/1993.yaml`)."""
    return os.path.abspath(path)  # normalised: `..` and `.` are resolved


def _walk(top: str, found: dict[str, str], findings: list[Finding], show: Show) -> None:
    def failed(exc: OSError) -> None:
        where = show(str(exc.filename or top))
        findings.append(finding("folder-unreadable", where, reason=_reason(exc)))

    for folder, dirs, names in os.walk(top, onerror=failed):
        for d in dirs:
            path = os.path.join(folder, d)
            if os.path.islink(path):
                findings.append(finding("folder-link", show(path), name=d))
            elif d.endswith(SUFFIXES) or _ODD_SUFFIX.search(d):  # `carol.yaml/`: a folder
                findings.append(finding("file-not-regular", show(path), what="a folder"))
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            path = os.path.join(folder, name)
            if name.endswith(SUFFIXES) and not name.startswith("."):
                found.setdefault(_key(path), path)
            else:
                findings.extend(_stray(path, name, show))


def _stray(path: str, name: str, show: Show) -> list[Finding]:
    """A finding for a file among the observations that will not be read as one."""
    if _ODD_SUFFIX.search(name) and not name.startswith("."):
        expected = _ODD_SUFFIX.sub(".yaml", name)
        return [finding("file-suffix", show(path), name=name, expected=expected)]
    if os.path.islink(path) and not os.path.exists(path):
        return [finding("folder-unreadable", show(path), reason="a link that leads nowhere")]
    if name.startswith(".") and not _LOOKS_LIKE.search(name):
        return []  # .gitignore, .DS_Store: not the dataset's
    if name.endswith(BIBLIOGRAPHY_SUFFIXES) or name in QUIET_NAMES:
        return []
    return [finding("file-stray", show(path), name=name)]


def _reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


def context_of(files: Iterable[str]) -> list[Path]:
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
        parent = Path(path).parent
        folders.add(parent.parent if where.independent else parent)
    return sorted(folders)
