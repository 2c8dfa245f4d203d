"""Finding kinds of the bibliography lint (`cmr refs`), and of the entries cited keys name.

`cmr refs` reports them all; `cmr check` reports `bib-field-missing` and `bib-doi-duplicate`
for the entries that observations cite (see `cmr.refs`). Keys that observations cite but the
bibliography lacks are the core codes `citation-unknown-key` and `citation-unresolved-footnote`.
"""

from __future__ import annotations

from cmr.catalogue._kind import Kind

_E, _W = "error", "warning"
_F = "bib"

KINDS: list[Kind] = [
    Kind(
        "bib-entry-unused",
        _W,
        "Unused bibliography entry",
        "No observation cites the entry, and no codebook version names it (`lineage.origin`, "
        "`concepts.*.sources`). Reported by `cmr refs` only.",
        "entry {key!r} is cited by no observation and no codebook",
        _F,
    ),
    Kind(
        "bib-field-missing",
        _E,
        "Required field missing",
        "The entry lacks a field its type requires (BibTeX's required fields for the classic "
        "types, biblatex's for the types only biblatex knows; `date` stands in for `year`, "
        "`journaltitle` for `journal`, `institution` for `school`).",
        "@{entry_type}{{{key}}} lacks {missing}, required for a @{entry_type} entry",
        _F,
    ),
    Kind(
        "bib-key-case-duplicate",
        _E,
        "Keys that differ only in case",
        "BibTeX and biber compare keys ignoring case, so two keys that differ only in case are "
        "the same key to them, and a citation may resolve to either entry.",
        "key {key!r} differs only in case from {other!r} (line {other_line})",
        _F,
    ),
    Kind(
        "bib-doi-duplicate",
        _E,
        "DOI shared by two entries",
        "Two entries have the same DOI (compared ignoring case and a `https://doi.org/` or "
        "`doi:` prefix): one source entered twice, or a DOI copied onto the wrong entry.",
        "DOI {doi} of {key!r} is also the DOI of {other!r} (line {other_line})",
        _F,
    ),
    Kind(
        "bib-doi-malformed",
        _E,
        "Malformed DOI",
        "A DOI is `10.<registrant>/<suffix>` (optionally written as a `https://doi.org/` "
        "link or with a `doi:` prefix).",
        "doi {doi!r} of {key!r} is not a DOI (10.<registrant>/<suffix>)",
        _F,
    ),
]
