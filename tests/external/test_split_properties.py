"""Properties of the record splitter: what Python's csv module writes, it reads back, field
for field, with the right line numbers."""

from __future__ import annotations

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from cmr.external._split import split_records

# values as published files hold them: no line breaks, no blanks at either end
VALUE = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n\x00\x1a"), max_size=12
).map(lambda v: v.strip(" \t"))
ROWS = st.lists(st.lists(VALUE, min_size=1, max_size=6), min_size=1, max_size=8)


def _written(rows: list[list[str]], delimiter: str, line_end: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=line_end)
    writer.writerows(rows)
    return buffer.getvalue()


@settings(max_examples=300, deadline=None)
@given(ROWS, st.sampled_from([",", "\t"]), st.sampled_from(["\n", "\r\n", "\r"]))
def test_what_csv_writes_is_read_back(rows: list[list[str]], delimiter: str, end: str) -> None:
    """Rows written by `csv.writer` (quoting where needed) are read back value for value, one
    record a line, at its line number; a line with nothing but whitespace is skipped."""
    records = split_records(_written(rows, delimiter, end), delimiter)
    lines = [_written([row], delimiter, "") for row in rows]
    expected = [
        (i + 1, row) for i, (row, line) in enumerate(zip(rows, lines, strict=True)) if line.strip()
    ]
    assert [(r.line, [f.value for f in r.fields]) for r in records] == expected
    assert not any(r.problem for r in records)


@settings(max_examples=200, deadline=None)
@given(ROWS, st.sampled_from([",", "\t"]))
def test_columns_point_at_the_fields(rows: list[list[str]], delimiter: str) -> None:
    """Each field's column is where its text (or its opening quote) starts in the line."""
    text = _written(rows, delimiter, "\n")
    lines = text.split("\n")
    for record in split_records(text, delimiter):
        line = lines[record.line - 1]
        for f in record.fields:
            at = line[f.column - 1 :]
            assert at.startswith(f.value) or at.startswith('"'), (line, f)
