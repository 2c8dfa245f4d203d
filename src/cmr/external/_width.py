"""Whether a record has the fields its header (or the published layout) names.

A trailing delimiter (as spreadsheets write) is no field; a row may leave out trailing
columns nobody needs (`version`), which then read as empty; any other difference in the
number of fields makes the row malformed, reported at the first field too many or where
the missing one would start.
"""

from __future__ import annotations

from cmr.external._split import Field, Record


def padded(record: Record, width: int) -> list[Field]:
    """The record's fields, with empty ones for trailing columns it leaves out."""
    last = record.fields[-1]
    end = Field("", last.column + len(last.value), record.line)
    return record.fields + [end] * (width - len(record.fields))


def row_problem(
    record: Record, columns: tuple[str, ...], delimiter: str, needed: int
) -> tuple[str, int]:
    """Why a record is not a row (wrong number of fields, an open quote), and where. A row
    may leave out trailing columns the layout does not need (a `version` column)."""
    if record.problem:
        return record.problem, record.problem_column
    fields, width = record.fields, len(columns)
    while len(fields) > width and not fields[-1].value:
        fields = fields[:-1]  # a trailing delimiter, as spreadsheets write
    if needed <= len(fields) <= width:
        return "", 1
    sep = "tab" if delimiter == "\t" else repr(delimiter)
    said = f"has {len(fields)} field(s) separated by {sep}; expected {width}"
    if len(fields) > width:
        return f"{said} ({', '.join(columns)})", fields[width].column
    last = fields[-1]
    return f"{said} ({', '.join(columns)})", last.column + len(last.value)
