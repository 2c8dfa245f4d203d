"""Codebook-scope checks: every version in the codebook folder loads, and released ones are
unchanged.

`codebook/released.sha256` lists each released version's checksum, as `sha256sum` prints it.
A released codebook is never edited, because observations coded under it must keep their
meaning; `cmr check` verifies every listed checksum on every run. A version that cannot be
loaded is reported here once, and only the observations that name it are affected: the others
are still checked.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from pathlib import Path

from cmr import rules
from cmr.catalogue import finding
from cmr.codebook import Codebook, CodebookError, Codebooks, located
from cmr.findings import Finding
from cmr.registry import register

LIST = "released.sha256"
_LINE = re.compile(r"^([0-9a-fA-F]{64}) [ *](\S.*)$")

register(
    "codebook-versions",
    "codebook",
    ("codebook-invalid",),
    "Every `<version>.yaml` in the codebook folder is a regular file that matches the codebook "
    "meta-schema and is consistent (questions, scales, windows, rules and the placeholders of "
    "their messages).",
    fixed=True,
)
register(
    "codebook-released",
    "codebook",
    (
        "codebook-released-changed",
        "codebook-released-missing",
        "codebook-released-malformed",
        "codebook-released-unlisted",
    ),
    "Each codebook listed in codebook/released.sha256 exists and still has that checksum, and "
    "each codebook marked `status: released` is listed there.",
)


def codebook_findings(books: Codebooks, show: str = "") -> list[Finding]:
    """Findings about the codebook folder: unloadable versions and changed released files."""
    out = _stray_entries(books.directory)
    released = []
    for version in books.versions:
        try:
            book = books.get(version)
        except CodebookError as exc:
            out.extend(exc.findings)
            continue
        if book is None:
            continue
        if book.status == "released":
            released.append(book)
        out += _templates(book)
    return out + released_findings(books.directory) + _unlisted(books.directory, released)


def _templates(book: Codebook) -> list[Finding]:
    found = rules.template_findings(book)
    if not found or book.path is None:
        return found
    return located(found, book.path.read_text(encoding="utf-8"))


def _unlisted(directory: Path, released: list[Codebook]) -> list[Finding]:
    """A codebook marked `status: released` must have its checksum in released.sha256."""
    listed = set()
    listing = directory / LIST
    if listing.is_file():
        text = listing.read_text(encoding="utf-8", errors="replace")
        listed = {m.group(2) for m in map(_LINE.match, text.splitlines()) if m}
    return [
        finding("codebook-released-unlisted", str(book.path), name=book.path.name, list=LIST)
        for book in released
        if book.path is not None and book.path.name not in listed
    ]


def _stray_entries(directory: Path) -> list[Finding]:
    """`*.yaml` entries that are not regular files: they cannot be codebooks."""
    out = []
    for path in sorted(directory.glob("*.yaml")):
        mode = os.lstat(path).st_mode
        if not stat.S_ISREG(mode):
            what = "a folder" if stat.S_ISDIR(mode) else "not a regular file"
            out.append(finding("codebook-invalid", str(path), problem=f"{path.name} is {what}"))
    return out


def released_findings(directory: Path) -> list[Finding]:
    """Findings of `released.sha256`: malformed lines, missing files, changed files."""
    listing = directory / LIST
    try:
        text = listing.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or "not UTF-8 text"
        return [finding("file-unreadable", str(listing), reason=reason)]
    out = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _LINE.match(line.rstrip())
        if match is None:
            out.append(
                finding("codebook-released-malformed", str(listing), number, 1, found=line[:80])
            )
            continue
        out += _verify(directory, listing, number, match.group(1).lower(), match.group(2))
    return out


def _verify(directory: Path, listing: Path, number: int, digest: str, name: str) -> list[Finding]:
    path = directory / name
    if "/" in name or not path.is_file() or path.is_symlink():
        return [finding("codebook-released-missing", str(listing), number, 1, name=name)]
    actual = hashlib.sha256(path.read_bytes()).hexdigest()
    if actual == digest:
        return []
    return [finding("codebook-released-changed", str(path), name=name, list=str(listing))]
