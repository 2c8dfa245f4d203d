"""Records of delimited text, each field with the line and column it starts at.

Liberal in what published files do: a field may be quoted (`"Korea, Republic of"`, with `""`
for a quote inside), blank lines and whitespace around fields are ignored, line ends may be
LF, CRLF or CR. A quoted field may run over lines; one left open is reported, not followed
to the end of the file. The scan jumps from quote to delimiter with `str.find`, so a huge
line costs time in proportion to its length, at the speed of C; a line over `MAX_LINE`
characters or with over `MAX_FIELDS` fields is reported without being split.

>>> [f.value for f in split_records('a, "b, c" ,d\\n', ",")[0].fields]
['a', 'b, c', 'd']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cmr.external._quotes import BLANK, cut, open_quote, unquote

_LINE_END = re.compile(r"\r\n|\r|\n")
"""Only these end a line (`str.splitlines` also splits at form feeds and at U+0085, which is
an ellipsis byte in a Windows-1252 file read as Latin-1), so line numbers are an editor's."""

MAX_LINE = 1_000_000
"""Characters in a line; no row of a state or event list comes near, so a longer line is
reported as malformed without being split."""

MAX_FIELDS = 1000
"""Fields in a record; published lists have about ten, so more is reported, not split."""


MAX_LINES = 100_000
"""Lines in a file; a list of states or events has a few hundred to a few thousand, so a
file with more is refused before it is split (time and memory grow with each row)."""

MAX_QUOTED_LINES = 20
"""A quoted field still open after this many lines is taken for a stray quote."""


@dataclass(frozen=True, slots=True)
class Field:
    """One field's text (whitespace around it removed) and where it starts (1-based)."""

    value: str
    column: int
    line: int


@dataclass(slots=True)
class Record:
    """The fields of one record and the line it starts on; `problem` when it is malformed."""

    line: int
    fields: list[Field] = field(default_factory=list)
    problem: str = ""
    problem_column: int = 1


def _fields(text: str, delimiter: str, line: int) -> tuple[list[Field], str, int]:
    """Split one record's text; a problem (text after a closing quote) with its column."""
    out: list[Field] = []
    pos = 0
    for raw in cut(text, delimiter)[0]:
        if raw.lstrip(BLANK).startswith('"'):
            value, lead, rest = unquote(raw)
            if rest:
                return out, f"text {rest[:20]!r} after a closing quote", pos + 1
            out.append(Field(value, pos + 1 + lead, line))
        else:
            lead = len(raw) - len(raw.lstrip(BLANK))
            out.append(Field(raw.strip(BLANK), pos + 1 + lead, line))
        pos += len(raw) + len(delimiter)
    return out, "", 1


def _joined(lines: list[str], start: int, delimiter: str) -> tuple[str, int, bool]:
    """The record that starts at `lines[start]`: its text (lines joined while a quoted field
    runs on, up to `MAX_QUOTED_LINES` more and about `MAX_LINE` characters), the index of
    its last line, and whether a quote is still open."""
    parts, i = [lines[start]], start
    still = open_quote(lines[start], delimiter)
    size = len(lines[start])
    while still and i + 1 < len(lines) and i - start < MAX_QUOTED_LINES and size <= MAX_LINE:
        i += 1
        parts.append(lines[i])
        size += len(lines[i]) + 1
        still = cut(lines[i], delimiter, quoted=True)[1]
    return "\n".join(parts), i, still


def _too_big(chunk: str, delimiter: str) -> str:
    """Why `chunk` is not split at all (too long, too many fields), or ``."""
    if len(chunk) > MAX_LINE:
        return f"line is {len(chunk)} characters long (cmr reads at most {MAX_LINE})"
    cuts = chunk.count(delimiter)
    if cuts >= MAX_FIELDS:
        return f"holds {cuts} delimiters; cmr reads at most {MAX_FIELDS} fields a row"
    return ""


def count_lines(text: str) -> int:
    """How many lines `text` has, as `split_records` counts them (CR, LF and CRLF end one)."""
    return text.count("\n") + text.count("\r") - text.count("\r\n") + 1


def split_records(text: str, delimiter: str) -> list[Record]:
    """Every non-blank record of `text`, with its fields or the problem that stopped it."""
    lines = _LINE_END.split(text)
    records: list[Record] = []
    i = 0
    while i < len(lines):
        start = i
        problem = _too_big(lines[i], delimiter)
        if problem:
            records.append(Record(i + 1, [], problem))
            i += 1
            continue
        chunk, i, still = _joined(lines, start, delimiter)
        i += 1
        if still:
            i = start + 1
            records.append(Record(start + 1, [], "a quote is opened and never closed"))
        elif chunk.strip():
            problem = _too_big(chunk, delimiter)
            fields, said, column = (
                _fields(chunk, delimiter, start + 1) if not problem else ([], problem, 1)
            )
            records.append(Record(start + 1, fields, said, column))
    return records
