"""Finding kinds of the memo family: what `cmr import-memo` reports about a legacy memo.

Errors refuse the memo (nothing is written for it); warnings do not. Reading problems that
memos share with observation files (`file-unreadable`, `file-binary`, `file-encoding`) and the
country and year checks (`country-unknown`, `year-implausible`) use the core codes.
"""

from __future__ import annotations

from cmr.catalogue._kind import Kind

_E, _W = "error", "warning"
_F = "memo"

KINDS: list[Kind] = [
    Kind("memo-empty", _E, "Empty memo", "The memo holds no text.", "memo is empty", _F),
    Kind(
        "memo-too-large",
        _E,
        "Memo too large",
        "A coding memo is a few pages of text; a very large file is refused unread.",
        "memo is {size} bytes; a memo may be at most {limit} bytes",
        _F,
    ),
    Kind(
        "memo-header-missing",
        _E,
        "No country-year header",
        "A memo names its country and year before the first question, as "
        "`Country-year: Azerbaijan 1992` (or `Country: …` and `Year: …` lines).",
        "no `Country-year: <country> <year>` line before the first question",
        _F,
    ),
    Kind(
        "memo-number-missing",
        _W,
        "No memo number",
        "The memo has no `Observation no: <number>` line; the observation gets no `memo`.",
        "no `Observation no: <number>` line; the observation records no memo number",
        _F,
    ),
    Kind(
        "memo-no-questions",
        _E,
        "No questions",
        "No numbered question (a line `1. … ?`, possibly wrapped) was found in the memo.",
        "no numbered questions found (expected lines like `1. Did the … ?`)",
        _F,
    ),
    Kind(
        "memo-question-unknown",
        _E,
        "Question not in the codebook",
        "A numbered question of the memo matches no question of the codebook, even allowing "
        "for small differences of wording.",
        "question {number} matches no question of codebook {version}: {text!r}{hint}",
        _F,
    ),
    Kind(
        "memo-question-twice",
        _E,
        "Question asked twice",
        "Two numbered questions of the memo match the same codebook question.",
        "question {number} repeats {id} {variable} (first asked at line {first})",
        _F,
    ),
    Kind(
        "memo-question-missing",
        _E,
        "Question missing",
        "A question of the codebook is not answered in the memo.",
        "the memo does not answer {id} {variable} ({text})",
        _F,
    ),
    Kind(
        "memo-answer-missing",
        _E,
        "No answer",
        "The line after a question must open with the answer (`Yes.`, `No. The …`).",
        "question {number} ({id}) has no answer line",
        _F,
    ),
    Kind(
        "memo-answer-not-in-scale",
        _E,
        "Answer not on the scale",
        "The answer is neither a value nor a missing code of the question's scale, nor one of "
        "the documented synonyms (`Unclear` for `unknown`, …).",
        "{answer!r} is not an answer to {id} {variable}; use one of: {allowed}",
        _F,
    ),
    Kind(
        "memo-evidence-missing",
        _E,
        "No evidence",
        "An answer on the scale's values needs an evidence paragraph below it.",
        "question {number} ({id}) has an answer but no evidence text",
        _F,
    ),
    Kind(
        "memo-footnote-gap",
        _W,
        "Footnote numbers skip",
        "Footnote markers run 1, 2, 3 … through a memo; a marker further on than expected "
        "means the markers in between were not found (or are not glued to a word).",
        "footnote marker {found} where {expected} was expected; footnote(s) {missing} not found",
        _F,
    ),
    Kind(
        "memo-footnote-unmapped",
        _W,
        "Footnote not in the CSV",
        "`--footnotes` was given but has no row for this footnote of the memo; it is "
        "recorded as `fn<N>` and `cmr check` reports it until mapped.",
        "footnote {footnote} has no row in {csv}",
        _F,
    ),
    Kind(
        "memo-footnotes-csv-invalid",
        _E,
        "Invalid footnote CSV",
        "The `--footnotes` CSV has the header `footnote,key,pages` (optionally `memo`), a "
        "positive footnote number and a key on every row, and each footnote once per memo.",
        "{problem}",
        _F,
    ),
    Kind(
        "memo-output-exists",
        _E,
        "Observation exists",
        "An observation file for the memo's country-year exists; it is replaced only with "
        "`--force`.",
        "{target} exists; not replacing it without --force",
        _F,
    ),
    Kind(
        "memo-output-unwritable",
        _E,
        "Observation cannot be written",
        "The observation file could not be written (permissions, a folder in the way, a full "
        "disk); nothing was left half-written.",
        "cannot write {target}: {reason}",
        _F,
    ),
    Kind(
        "memo-country-year-twice",
        _E,
        "Country-year imported twice",
        "Two memos of one call describe the same country-year; the later one is refused.",
        "{iso3c} {year} is also imported from {other}",
        _F,
    ),
]
