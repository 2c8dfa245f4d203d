"""Finding kinds of readers of published external data (state-system membership files).

The readers of `cmr.external` read delimited files published by others: the Correlates of War
and Gleditsch & Ward state lists here, coup lists for `cmr crosscheck`. What is wrong in such
a file is reported where it stands (file, line, column), like a mistake in an observation.
"""

from __future__ import annotations

from cmr.catalogue._kind import Kind

_E, _W, _I = "error", "warning", "info"
_F = "external"

KINDS: list[Kind] = [
    Kind(
        "external-file-unreadable",
        _E,
        "External file cannot be read",
        "The file named as an external source does not exist, cannot be opened, or is not "
        "delimited text (it holds NUL bytes, is mostly control characters, or is too large to "
        "be a list of states or events). Nothing in it is used.",
        "{source} {problem}",
        _F,
    ),
    Kind(
        "external-file-empty",
        _E,
        "External file is empty",
        "The file holds no rows (it is empty, blank, or has a header and nothing under it).",
        "{source} holds no {what}",
        _F,
    ),
    Kind(
        "external-encoding",
        _I,
        "External file read as Latin-1",
        "The file is not UTF-8, so it was read as Latin-1 (ISO 8859-1), the encoding the "
        "Gleditsch & Ward lists are published in. Check that names with accents read right.",
        "{source} is not UTF-8 (first byte that is not, at line {bad_line} column {bad_column}); "
        "read as Latin-1",
        _F,
    ),
    Kind(
        "external-header-wrong",
        _E,
        "External file's header is missing or wrong",
        "The first row must name the source's columns (in any order, in any case); a column "
        "that the reader needs is missing, or a name is given twice. Rows are not read "
        "under a header that cannot be trusted.",
        "{source} header {problem}; expected the columns {expected}",
        _F,
    ),
    Kind(
        "external-row-malformed",
        _E,
        "External row is malformed",
        "A row has more or fewer fields than the header (or the published layout) says, or a "
        "quote that is never closed. The row is left out.",
        "{source} row {problem}",
        _F,
    ),
    Kind(
        "external-value-invalid",
        _E,
        "External value is invalid",
        "A field holds what its column cannot: text where a whole number is expected, a date "
        "that is not a calendar date in the source's form (`dd:mm:yyyy` for Gleditsch & "
        "Ward), an empty required field. The row is left out.",
        "{source} {field} {value!r} is not {expected}",
        _F,
    ),
    Kind(
        "external-spell-invalid",
        _E,
        "Membership spell is invalid",
        "A membership spell of a state-system file ends before it starts, or overlaps another "
        "spell of the same state. The spell is left out.",
        "{source} spell of {state} ({number}) {problem}",
        _F,
    ),
]
