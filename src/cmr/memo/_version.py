"""Which codebook version a memo is imported under.

By default the latest. A legacy memo asks the questions of its day, so when a newer version
rewords or adds questions (the memo's only errors under it are about matching questions:
`memo-question-unknown`, `-missing`, `-twice`), the newest older version under which the
memo maps completely is taken, with a warning (`memo-codebook-older`) naming both versions.
`--codebook VERSION` names the version outright.
"""

from __future__ import annotations

from typing import Any

from cmr.catalogue import finding
from cmr.codebook import Codebook
from cmr.findings import Finding
from cmr.memo._build import Options, build_observation
from cmr.memo._parse import Memo

QUESTION_CODES = frozenset(
    {"memo-question-unknown", "memo-question-missing", "memo-question-twice"}
)
Built = tuple[Codebook, dict[str, Any] | None, list[Finding]]


def build_under(memo: Memo, books: list[Codebook], shown: str, options: Options) -> Built:
    """Build under `books[0]`, or the newest of the others that maps the memo completely."""
    latest = books[0]
    data, found = build_observation(memo, latest, shown, options)
    errors = {f.code for f in found if f.severity == "error"}
    if data is not None or not errors <= QUESTION_CODES:
        return latest, data, found
    for book in books[1:]:
        older, found_older = build_observation(memo, book, shown, options)
        if older is not None:
            unmatched = sum(1 for f in found if f.code in QUESTION_CODES)
            note = finding(
                "memo-codebook-older",
                shown,
                memo.header_line,
                version=book.version,
                latest=latest.version,
                count=unmatched,
            )
            return book, older, [*found_older, note]
    return latest, data, found
