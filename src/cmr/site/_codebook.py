"""The codebook as the site shows it: each question with the rules that name it, and the
changes between versions.

Rules are matched to questions through the names they use (a variable or a question id
anywhere in the rule); a rule naming none applies to every answer. Changes come from each
version's `changes` list and from `cmr.versions.diff` between consecutive versions, the
comparison `cmr codebook diff` prints.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from cmr.codebook import Codebook, Codebooks
from cmr.versions import Change, diff


def _words(value: Any) -> Iterator[str]:
    """Every string in a rule, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _words(item)
    elif isinstance(value, list):
        for item in value:
            yield from _words(item)


def rules_by_question(book: Codebook) -> tuple[dict[str, list[dict[str, Any]]], list[Any]]:
    """({variable: rules naming it}, rules naming no question), each in codebook order."""
    named: dict[str, list[dict[str, Any]]] = {q.variable: [] for q in book.questions}
    general = []
    for rule in book.rules:
        words = set(_words({k: v for k, v in rule.items() if k not in _PROSE}))
        hits = [q.variable for q in book.questions if {q.variable, q.id} & words]
        for variable in hits:
            named[variable].append(rule)
        if not hits:
            general.append(rule)
    return named, general


_PROSE = ("message", "description", "title", "code")


@dataclass(frozen=True)
class VersionChanges:
    """What one codebook version changed: its changelog entries and the computed diff."""

    version: str
    status: str
    entries: tuple[dict[str, Any], ...]
    previous: str | None
    changes: tuple[Change, ...]


def version_changes(books: Codebooks) -> list[VersionChanges]:
    """Every version, newest first, with its changelog and its diff from the one before."""
    out = []
    previous: Codebook | None = None
    for version in books.versions:
        book = books.get(version)
        if book is None:
            continue
        found = book.raw.get("changes") or []
        mine = [e for e in found if isinstance(e, dict) and str(e.get("version")) == version]
        changes = diff(previous, book).changes if previous is not None else []
        out.append(
            VersionChanges(
                version,
                book.status,
                tuple(mine),
                previous.version if previous else None,
                tuple(changes),
            )
        )
        previous = book
    return out[::-1]
