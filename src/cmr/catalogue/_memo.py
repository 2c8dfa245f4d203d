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
        "Coder has coded this country-year",
        "An import never replaces an observation: onto a country-year that is coded already it "
        "writes an independent coding `<ISO3>/<year>/<coder>.yaml` beside the others. When the "
        "importing coder has coded the country-year already (that file exists, or the "
        "adjudicated file names the coder), nothing is written.",
        "{target} exists: {coder} has coded {iso3c} {year} already; nothing is written",
        _F,
    ),
    Kind(
        "memo-codebook-older",
        _W,
        "Imported under an older codebook",
        "The memo's questions do not map onto the latest codebook (it rewords or adds "
        "questions), but map completely onto an older version, so the memo is imported under "
        "that version; `--codebook` chooses a version outright.",
        "imported under codebook {version}: under {latest}, {count} question(s) of the memo "
        "or the codebook find no match",
        _F,
    ),
    Kind(
        "memo-written-as-draft",
        _W,
        "Written as a draft",
        "The imported observation does not pass `cmr check` in its dataset yet (unmapped "
        "footnotes, citations without pages, …), so it is written with `status: draft`; the "
        "check's findings on it are listed. Resolve them and remove `status: draft`.",
        "{target} is written as a draft: `cmr check` reports {errors} error(s) on it, listed "
        "with it",
        _F,
    ),
    Kind(
        "memo-footnote-key-unknown",
        _E,
        "Footnote key not in the bibliography",
        "A row of the `--footnotes` CSV maps a footnote to a key the bibliography lacks; "
        "nothing is imported until every key is an entry.",
        "footnote {footnote} maps to {key!r}, which is not in {bibliography}{hint}",
        _F,
    ),
    Kind(
        "memo-entry-not-added",
        _W,
        "Memo entry not added",
        "The `--cite-memo` key is missing from the bibliography, and an entry for the memo "
        "could not be appended safely (the bibliography does not parse, or cannot be "
        "written); the file is left as it was and the citations stay unknown keys.",
        "{key!r} not added to {bibliography}: {reason}",
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
