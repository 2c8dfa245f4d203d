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

from cmr.versions._check import changelog_findings, unlisted
from cmr.versions._diff import diff
from cmr.versions._load import resolve
from cmr.versions._model import BREAKING, COMPATIBLE, Change, Diff, Match
from cmr.versions._run import Migration, migrate
from cmr.versions._since import comparable_since

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
