"""Memo answers → scale codes: from the codebook's own codes and labels, plus synonyms.

A memo answer is matched, after normalisation (case, quotes, final punctuation, white space),
against every code of the question's scale (`not_applicable` also as `not applicable`) and
every label (`Not applicable`). `SYNONYMS` adds the words legacy memos use instead; it is keyed
by *label*, so it serves any codebook whose scale has an entry with that label: a second
codebook with a `Low / Medium / High` scale and an `Unknown` missing code gets `Unclear` →
its unknown code for free, and needs an entry here only for words of its own.
"""

from __future__ import annotations

import re
import unicodedata

from cmr.codebook import Scale

SYNONYMS: dict[str, tuple[str, ...]] = {
    "yes": ("y", "true"),
    "no": ("n", "false"),
    "unknown": (
        "unclear",
        "not clear",
        "not known",
        "uncertain",
        "undetermined",
        "indeterminate",
        "cannot tell",
        "can't tell",
        "cannot be determined",
        "don't know",
        "do not know",
        "dk",
        "n/k",
        "insufficient evidence",
        "insufficient information",
        "no information",
        "no data",
    ),
    "not applicable": ("n/a", "na", "inapplicable", "does not apply", "not relevant"),
    "contested": ("disputed", "ambiguous", "mixed", "yes and no", "yes/no"),
}
_SPACE = re.compile(r"\s+")


def normalise(answer: str) -> str:
    """`“Not  Applicable.”` → `not applicable`; `N/A` → `n/a`."""
    text = unicodedata.normalize("NFKC", answer).casefold()
    text = text.replace("’", "'").replace("‘", "'")
    text = text.strip(" \t.!;:,\"'“”()[]")
    return _SPACE.sub(" ", text)


def vocabulary(scale: Scale) -> dict[str, str]:
    """Every word the scale accepts, normalised, with its code; codes and labels come first."""
    entries = [(v.code, v.label) for v in scale.values] + [(m.code, m.label) for m in scale.missing]
    words: dict[str, str] = {}
    for code, label in entries:
        for word in (code, code.replace("_", " "), label):
            words.setdefault(normalise(word), code)
    for code, label in entries:
        for word in SYNONYMS.get(normalise(label), ()):
            words.setdefault(normalise(word), code)
    return words


def answer_code(scale: Scale, answer: str) -> str | None:
    """The scale code a memo answer stands for, or None when it is not on the scale."""
    return vocabulary(scale).get(normalise(answer))
