"""Finding kinds of drafts, carried-forward answers and the status board.

A draft (`status: draft`) is work in progress: checked in full, its open items are warnings,
and it stays out of the panel. The same open items in a final observation are errors, so a
final file cannot be committed half done.
"""

from __future__ import annotations

from cmr.catalogue._kind import Kind

_E, _W = "error", "warning"
_F = "drafts"

KINDS: list[Kind] = [
    Kind(
        "answer-carried",
        _E,
        "Answer carried forward, not confirmed",
        "`cmr new --from-previous` copies each answer of the previous year with "
        "`carried_from: <year>`. Read the answer and its evidence again for this year, change "
        "what changed, then delete the `carried_from` line. A warning in a draft, an error in "
        "a final observation.",
        "{id} {variable} was carried forward from {year} and is not confirmed; review it for "
        "this year and delete the carried_from line",
        _F,
    ),
    Kind(
        "answer-needs-review",
        _E,
        "Answer needs review",
        "An answer marked `needs_review` (its window moved with the year, or its question "
        "changed in a new codebook version) must be reviewed before the observation is final; "
        "delete the `needs_review` line once done. A warning in a draft, an error in a final "
        "observation.",
        "{id} {variable} needs review: {reason}; delete the needs_review line once reviewed",
        _F,
    ),
    Kind(
        "export-drafts",
        _W,
        "Drafts left out of the panel",
        "Observations with `status: draft` are checked but not exported; set `status: final` "
        "(or delete the line) once every question is answered and reviewed.",
        "{count} draft observation(s) left out of the panel: {files}",
        "export",
    ),
    Kind(
        "agreement-drafts",
        _W,
        "Draft codings left out of agreement",
        "Independent codings with `status: draft` are unfinished: agreement is computed on "
        "final codings only, so that half-done work neither lowers nor raises alpha.",
        "{count} draft independent coding(s) left out of agreement: {files}",
        "agreement",
    ),
]
