"""The changelog check: each codebook version's `changes` list names its breaking changes.

Each version in the codebook folder is compared with the version before it; a breaking
change that no `changes` entry of the newer version (or of a version between the two)
mentions is a `codebook-change-unlisted` error at the file's `changes:` line. Versions that
cannot be loaded are reported by `codebook-versions` and skipped here.
"""

from __future__ import annotations

import itertools

from cmr.catalogue import finding
from cmr.codebook import Codebook, CodebookError, Codebooks
from cmr.findings import Finding
from cmr.project import shown_relative_to_cwd
from cmr.registry import register
from cmr.versions._changelog import changelog
from cmr.versions._diff import diff

register(
    "codebook-changelog",
    "codebook",
    ("codebook-change-unlisted",),
    "Each codebook version's `changes` list mentions every breaking change from the version "
    "before it (the changes `cmr codebook diff` classes breaking).",
)


def changelog_findings(books: Codebooks) -> list[Finding]:
    """One finding per breaking change that the newer version's changelog does not mention."""
    loaded = [b for b in (_loaded(books, v) for v in books.versions) if b is not None]
    out: list[Finding] = []
    for old, new in itertools.pairwise(loaded):
        out += unlisted(old, new)
    return out


def unlisted(old: Codebook, new: Codebook) -> list[Finding]:
    """The breaking changes from `old` to `new` that `new`'s changelog does not mention."""
    log = changelog(new.raw, old.version, new.version)
    shown = shown_relative_to_cwd()
    where = shown(new.path) if new.path is not None else f"<codebook {new.version}>"
    line = _changes_line(new)
    return [
        finding(
            "codebook-change-unlisted",
            where,
            line,
            1,
            pointer="changes",
            old=old.version,
            new=new.version,
            change=f"{c.subject} {c.what} {c.action} ({c.reason})",
            names=" or ".join(repr(n) for n in c.names[:4]) or repr(c.subject),
        )
        for c in diff(old, new).breaking
        if not log.mentions(c.names or (c.subject,))
    ]


def _loaded(books: Codebooks, version: str) -> Codebook | None:
    try:
        return books.get(version)
    except CodebookError:
        return None


def _changes_line(book: Codebook) -> int:
    """The line of the top-level `changes:` key (1 when it cannot be found)."""
    if book.path is None:
        return 1
    try:
        text = book.path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return 1
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("changes:"):
            return number
    return 1
