"""Contradiction lint: evidence whose first sentence says the opposite of the answer."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from cmr.rules._base import AnswerRule, Test, register

if TYPE_CHECKING:
    from cmr.codebook import Codebook
    from cmr.observation import Observation
    from cmr.settings import Settings

_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
_HEAD = 400
_ANY_WORD = r"(?:[\w'’-]+\s+)?"


def opening(text: str) -> str:
    """The evidence's first sentence, whitespace collapsed.

    >>> opening("There is no smoking\\ngun evidence.  However, ...")
    'There is no smoking gun evidence.'
    """
    head = " ".join(text[:_HEAD].split())
    end = _SENTENCE_END.search(head)
    return head[: end.end()] if end else head


def _phrase(phrase: str) -> str:
    words = phrase.split()
    out = ""
    for i, word in enumerate(words):
        if word == "*":
            out += _ANY_WORD
        else:
            out += re.escape(word) + (r"\s+" if i < len(words) - 1 else "")
    return out


def phrase_pattern(phrases: list[str]) -> re.Pattern[str]:
    """One case-insensitive pattern for whole-word phrases, longest first; `*` is one
    optional word.

    >>> bool(phrase_pattern(["there is no * evidence"]).search("There is no direct evidence"))
    True
    """
    parts = [_phrase(p) for p in sorted(phrases, key=len, reverse=True)]
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


@register
class Contradiction(AnswerRule):
    """`answers` whose evidence's opening sentence contains one of `phrases`."""

    kind = "contradiction"
    scope = "file"
    placeholders = "{id} {variable} {answer} {phrase}"

    def __init__(self, spec: dict[str, Any], book: Codebook, settings: Settings):
        super().__init__(spec, book, settings)
        self.answers = frozenset(spec["answers"])
        self.pattern = phrase_pattern(spec["phrases"])
        # The longest word of each phrase: a cheap substring test before the regex.
        self.clues = tuple(
            {max((w for w in p.lower().split() if w != "*"), key=len) for p in spec["phrases"]}
        )
        variables = spec.get("variables") or book.variables
        self.targets = [(v, book.by_variable[v].id) for v in variables]

    def plan(self) -> Iterator[tuple[str, str, frozenset[str], Test]]:
        for variable, qid in self.targets:
            yield variable, qid, self.answers, self._test

    def _test(self, entry: dict[str, Any], obs: Observation) -> dict[str, Any] | None:
        evidence = entry.get("evidence")
        if not isinstance(evidence, str):
            return None
        end = _first_sentence_end(evidence)
        head = evidence[:end].lower()
        for clue in self.clues:
            if clue in head:
                match = self.pattern.search(evidence, 0, end)
                return {"phrase": " ".join(match.group(0).split())} if match else None
        return None


def _first_sentence_end(text: str) -> int:
    """The end of the first sentence, its full stop included."""
    end = _SENTENCE_END.search(text, 0, _HEAD)
    return end.end() if end else _HEAD
