"""Memo question text → codebook question, by wording, never by number alone.

Both texts are normalised (Unicode compatibility forms, quotes, dashes, punctuation, white
space and case), then compared exactly and, failing that, with difflib's similarity ratio:
a memo question matches the codebook question it resembles most when the ratio is at least
`THRESHOLD` (0.85: a changed word or two in a sentence of ten) and no other question comes
within `MARGIN` of it.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

from cmr.codebook import Codebook, Question

THRESHOLD = 0.85
MARGIN = 0.03
_NOT_WORD = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """Lower-case words separated by single spaces.

    >>> normalise("Is\\tthe  country’s top\\u00a0leader …?")
    'is the country s top leader'
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    return _NOT_WORD.sub(" ", text).strip()


@dataclass(frozen=True)
class Match:
    """The question matched (None when none is close enough) and the closest one seen."""

    question: Question | None
    closest: Question | None
    ratio: float


class Matcher:
    """Matches memo questions against one codebook."""

    def __init__(self, book: Codebook):
        self.book = book
        self.texts = [(normalise(q.text), q) for q in book.questions]
        self.exact = {text: q for text, q in self.texts}
        self.longest = max((len(t) for t, _ in self.texts), default=0)

    def match(self, text: str) -> Match:
        wanted = normalise(text)
        if wanted in self.exact:
            return Match(self.exact[wanted], self.exact[wanted], 1.0)
        if not wanted or len(wanted) > 3 * self.longest:
            return Match(None, None, 0.0)
        scored = sorted(
            (
                (difflib.SequenceMatcher(None, wanted, t, autojunk=False).ratio(), i)
                for i, (t, _) in enumerate(self.texts)
            ),
            reverse=True,
        )
        if not scored:
            return Match(None, None, 0.0)
        best, index = scored[0]
        closest = self.texts[index][1]
        runner_up = scored[1][0] if len(scored) > 1 else 0.0
        if best >= THRESHOLD and best - runner_up >= MARGIN:
            return Match(closest, closest, best)
        return Match(None, closest, best)
