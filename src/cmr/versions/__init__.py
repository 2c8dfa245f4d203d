"""Codebook versions compared, changelogs checked, observations migrated.

* `diff(old, new)` lists every change between two codebook versions, each classed
  `breaking` (answers under the two versions are no longer comparable) or `compatible`;
* `changelog_findings(books)` reports breaking changes a version's `changes` list does not
  mention (`codebook-change-unlisted`);
* `comparable_since(books)` says, per variable of the latest version, the earliest version
  from which its values are comparable;
* `migrate(...)` moves observation files to a new version (`cmr migrate`).

docs/codebook.md ("Comparing versions and migrating observations") documents the classes, the
changelog's format and the migration.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cmr.versions._check import changelog_findings, unlisted
from cmr.versions._diff import diff
from cmr.versions._load import resolve
from cmr.versions._model import BREAKING, COMPATIBLE, Change, Diff, Match
from cmr.versions._since import comparable_since

if TYPE_CHECKING:
    from cmr.versions._run import Migration, migrate


def __getattr__(name: str) -> Any:
    """`migrate` and `Migration` on first use: `cmr check` imports this package for the
    changelog check and has no use for the migration's modules."""
    if name in ("Migration", "migrate"):
        from cmr.versions import _run

        return getattr(_run, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "BREAKING",
    "COMPATIBLE",
    "Change",
    "Diff",
    "Match",
    "Migration",
    "changelog_findings",
    "comparable_since",
    "diff",
    "migrate",
    "resolve",
    "unlisted",
]
