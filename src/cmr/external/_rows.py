"""Located reading of delimited files published by others: rows, each field with its place.

A `Layout` says what a published file looks like: its columns, its delimiter and whether it
has a header. `read_rows` reads a file in that layout and returns a `Table`: the rows it could
read (each with its line, and each field with its column) and a finding for everything it
could not — a file that is missing, binary or empty, a wrong header, a row with the wrong
number of fields — never an exception. Values are parsed by the helpers of `cmr.external`
(`integer`, `gw_date`, ...), which return a finding where the value is wrong.

>>> layout = Layout("example", ("ccode", "name"), ",")
>>> table = read_rows(Path("states.csv"), layout)          # doctest: +SKIP
>>> [(row.line, row["ccode"], row.column("name")) for row in table.rows]   # doctest: +SKIP
[(2, '2', 7)]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from cmr.catalogue import finding
from cmr.external._file import read_limited
from cmr.external._header import header_problem, looks_like_header
from cmr.external._layout import Layout
from cmr.external._split import MAX_LINES, Field, Record, count_lines, split_records
from cmr.external._text import MAX_BYTES, decode
from cmr.external._width import padded, row_problem
from cmr.findings import Finding

__all__ = ["Layout", "Row", "Table", "read_rows"]  # Layout lives in _layout; kept here too


@dataclass(frozen=True)
class Row:
    """One row of a published file: its fields by column name, and where it stands."""

    file: str
    line: int
    fields: dict[str, Field]
    source: str = ""

    def __getitem__(self, name: str) -> str:
        return self.fields[name].value

    def column(self, name: str) -> int:
        """The 1-based column at which the field `name` starts."""
        return self.fields[name].column

    def where(self, name: str) -> str:
        """`file:line:column` of the field `name`, for reports that point at the source."""
        return f"{self.file}:{self.fields[name].line}:{self.column(name)}"


@dataclass
class Table:
    """What `read_rows` read: the rows, the encoding and the findings, in file order."""

    file: str
    source: str
    encoding: str = ""
    columns: tuple[str, ...] = ()
    rows: list[Row] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)

    @property
    def success(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)

    def note(self, code: str, line: int = 1, column: int = 1, **params: object) -> None:
        """Add a finding of kind `code` about this file, naming its source."""
        self.findings.append(finding(code, self.file, line, column, source=self.source, **params))


def read_rows(path: Path, layout: Layout, *, name: str | None = None) -> Table:
    """Read `path` in `layout`; `name` is the file as findings show it (default: `path`)."""
    shown = name if name is not None else str(path)
    table = Table(shown, layout.source)
    data = read_limited(path, MAX_BYTES)
    if isinstance(data, str):
        table.note("external-file-unreadable", problem=data)
        return table
    _read_text(table, data, layout)
    return table


def _read_text(table: Table, data: bytes, layout: Layout) -> None:
    decoded = decode(data)
    table.encoding = decoded.encoding
    if decoded.problem:
        table.note("external-file-unreadable", problem=decoded.problem)
        return
    if decoded.encoding == "latin-1":
        line, col = decoded.bad_line, decoded.bad_column
        table.note("external-encoding", line, col, bad_line=line, bad_column=col)
    lines = count_lines(decoded.text)
    if lines > MAX_LINES:
        table.note(
            "external-file-unreadable",
            problem=f"has {lines} lines, more than the {MAX_LINES} cmr reads",
        )
        return
    delimiter = layout.delimiter_of(decoded.text)
    if delimiter != layout.delimiter:
        layout = replace(layout, delimiter=delimiter)
    records = split_records(decoded.text, delimiter)
    body = _take_header(table, records, layout)
    if body is not None:
        _take_rows(table, body, layout)


def _take_header(table: Table, records: list[Record], layout: Layout) -> list[Record] | None:
    """The records under the header; None (with a finding) when the header is wrong."""
    if not records:
        table.note("external-file-empty", what="rows")
        return None
    has_header = layout.header == "required" or (
        layout.header == "optional" and looks_like_header(records[0], layout)
    )
    if not has_header:
        table.columns = layout.columns
        return records
    problem = header_problem(records[0], layout)
    if problem:
        expected = ", ".join(layout.columns)
        table.note("external-header-wrong", records[0].line, problem=problem, expected=expected)
        return None
    table.columns = tuple(layout.canonical(f.value) for f in records[0].fields)
    return records[1:]


def _take_rows(table: Table, records: list[Record], layout: Layout) -> None:
    needed = 1 + max(table.columns.index(c) for c in layout.columns if c in table.columns)
    for record in records:
        problem, column = row_problem(record, table.columns, layout.delimiter, needed)
        if problem:
            table.note("external-row-malformed", record.line, column, problem=problem)
            continue
        cells = dict(zip(table.columns, padded(record, len(table.columns)), strict=False))
        table.rows.append(Row(table.file, record.line, cells, table.source))
    if not table.rows and table.success:
        table.note("external-file-empty", what="rows under its header")
