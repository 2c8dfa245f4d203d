"""Finding kinds of cmr crosscheck against published coup data.

The comparison itself is a report (agreements, disagreements, unmentioned rows; see
`cmr.crosscheck`); findings are kept for what cannot be read: rows of the source file (the
`external-*` kinds) and acknowledgements in observations that say nothing usable.
"""

from __future__ import annotations

from cmr.catalogue._kind import Kind

KINDS: list[Kind] = [
    Kind(
        "crosscheck-acknowledgement-invalid",
        "error",
        "Acknowledgement of a source cannot be used",
        "An entry of `external_checks` names a source `cmr crosscheck` reads (`powell-thyne`, "
        "`cline`), the date of the source's row (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a calendar "
        "date) or the question it concerns, and a reason. An entry without them explains "
        "nothing, so the disagreement it was meant for is still reported.",
        "external_checks entry: {problem}",
        "crosscheck",
    ),
    Kind(
        "crosscheck-row-repeated",
        "warning",
        "Coup list repeats a row",
        "A row of the published coup list names the same country, date and outcome as an "
        "earlier row (for the Cline Center list, the same `coup_id`). It is compared once, "
        "at its first line, so that one coup is not reported twice as unmentioned.",
        "{source} row repeats line {first}; compared once",
        "crosscheck",
    ),
]
