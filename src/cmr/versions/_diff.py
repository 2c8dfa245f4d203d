"""`diff(old, new)`: every change between two codebook versions, classed and ordered."""

from __future__ import annotations

from typing import Any

from cmr.codebook import Codebook
from cmr.versions._changelog import changelog
from cmr.versions._match import as_match, match_questions
from cmr.versions._model import BREAKING, COMPATIBLE, Change, Diff
from cmr.versions._questions import question_changes
from cmr.versions._sections import section_changes


def diff(old: Codebook, new: Codebook) -> Diff:
    """The changes from `old` to `new`, each classed breaking or compatible.

    The changelog of `new` (its `changes` entries after `old`'s version) supplies the declared
    code mappings and question replacements.

    >>> diff(books.get("1.0.0"), books.get("1.1.0")).breaking   # doctest: +SKIP
    []
    """
    log = changelog(new.raw, old.version, new.version)
    a, b = old.raw, new.raw
    pairs, removed, added = match_questions(a["questions"], b["questions"], log.replaces)
    result = Diff(old.version, new.version, maps=dict(log.maps))
    result.matches = [as_match(x, y) for x, y, _ in pairs]
    for x, y, declared in pairs:
        result.changes += question_changes(x, y, declared, a, b, log.maps)
    result.changes += [_removed(q) for q in removed] + [_added(q) for q in added]
    result.changes += section_changes(a, b, log.maps, _uses(pairs))
    rank = {q["id"]: i for i, q in enumerate([*b["questions"], *removed])}
    return result.sorted(rank)


def _uses(pairs: list[tuple[dict[str, Any], dict[str, Any], bool]]) -> Any:
    """`uses(field, name)`: new variables whose question uses `name` in both versions."""

    def uses(field: str, name: str) -> tuple[str, ...]:
        if field == "concept":
            both = [y for x, y, _ in pairs if name in (y.get("concepts") or ())]
        else:
            both = [y for x, y, _ in pairs if x.get(field) == name == y.get(field)]
        return tuple(y["variable"] for y in both)

    return uses


def _removed(q: dict[str, Any]) -> Change:
    return Change(
        "questions",
        q["id"],
        "question",
        "removed",
        BREAKING,
        "its answers have no place in the new version (migration keeps them in notes)",
        q["variable"],
        None,
        (),
        (),
        (q["id"], q["variable"]),
    )


def _added(q: dict[str, Any]) -> Change:
    return Change(
        "questions",
        q["id"],
        "question",
        "added",
        COMPATIBLE,
        "a new question: existing observations leave it unanswered",
        None,
        q["variable"],
        (q["variable"],),
        (),
        (q["id"], q["variable"]),
    )
