"""Records of delimited text, each field with the line and column it starts at.

Liberal in what published files do: a field may be quoted (`"Korea, Republic of"`, with `""`
for a quote inside), blank lines and whitespace around fields are ignored, line ends may be
LF, CRLF or CR. A quoted field may run over lines; one left open is reported, not followed
to the end of the file. The scan is linear, so a huge line costs time in proportion to its
length and nothing more.

>>> [f.value for f in split_records('a, "b, c" ,d\\n', ",")[0].fields]
['a', 'b, c', 'd']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_LINE_END = re.compile(r"\r\n|\r|\n")
"""Only these end a line (`str.splitlines` also splits at form feeds and at U+0085, which is
an ellipsis byte in a Windows-1252 file read as Latin-1), so line numbers are an editor's."""

MAX_LINE = 1_000_000
"""Characters in a line; no row of a state or event list comes near, so a longer line is
reported as malformed without being split."""

_BLANK = " \t"
"""What is stripped around a field: spaces and tabs, not other characters Python calls
whitespace (a no-break space or U+0085 belongs to the value)."""

MAX_QUOTED_LINES = 20
"""A quoted field still open after this many lines is taken for a stray quote."""


@dataclass(frozen=True)
class Field:
    """One field's text (whitespace around it removed) and where it starts (1-based)."""

    value: str
    column: int
    line: int


@dataclass
class Record:
    """The fields of one record and the line it starts on; `problem` when it is malformed."""

    line: int
    fields: list[Field] = field(default_factory=list)
    problem: str = ""
    problem_column: int = 1


def _unquote(raw: str, column: int, line: int) -> tuple[Field, str]:
    """A field that starts with a quote: its value, and what follows the closing quote."""
    body = raw.strip(_BLANK)
    lead = len(raw) - len(raw.lstrip(_BLANK))
    inner, rest, i = [], "", 1
    while i < len(body):
        if body[i] == '"':
            if body[i + 1 : i + 2] == '"':
                inner.append('"')
                i += 2
                continue
            rest = body[i + 1 :].strip(_BLANK)
            break
        inner.append(body[i])
        i += 1
    return Field("".join(inner), column + lead, line), rest


def _fields(text: str, delimiter: str, line: int) -> tuple[list[Field], str, int]:
    """Split one record's text; a problem (text after a closing quote) with its column."""
    out: list[Field] = []
    pos = 0
    for raw in _cells(text, delimiter):
        if raw.lstrip(_BLANK).startswith('"'):
            found, rest = _unquote(raw, pos + 1, line)
            if rest:
                return out, f"text {rest[:20]!r} after a closing quote", pos + 1
            out.append(found)
        else:
            lead = len(raw) - len(raw.lstrip(_BLANK))
            out.append(Field(raw.strip(_BLANK), pos + 1 + lead, line))
        pos += len(raw) + len(delimiter)
    return out, "", 1


def _cells(text: str, delimiter: str) -> list[str]:
    """`text` cut at each delimiter outside quotes (a quote counts only at a field's start)."""
    if '"' not in text:
        return text.split(delimiter)
    cells, start, quoted, i = [], 0, False, 0
    at_start = True
    while i < len(text):
        ch = text[i]
        if quoted:
            if ch == '"':
                if text[i + 1 : i + 2] == '"':
                    i += 1
                else:
                    quoted = False
        elif ch == delimiter:
            cells.append(text[start:i])
            start, at_start = i + 1, True
        elif ch == '"' and at_start:
            quoted = True
        elif ch not in _BLANK:
            at_start = False
        i += 1
    cells.append(text[start:])
    return cells


def _open_quote(text: str, delimiter: str) -> bool:
    """True when `text` ends inside a quoted field."""
    if '"' not in text:
        return False
    quoted, at_start, i = False, True, 0
    while i < len(text):
        ch = text[i]
        if quoted:
            if ch == '"' and text[i + 1 : i + 2] == '"':
                i += 1
            elif ch == '"':
                quoted, at_start = False, False
        elif ch == delimiter:
            at_start = True
        elif ch == '"' and at_start:
            quoted = True
        elif ch not in _BLANK:
            at_start = False
        i += 1
    return quoted


def split_records(text: str, delimiter: str) -> list[Record]:
    """Every non-blank record of `text`, with its fields or the problem that stopped it."""
    lines = _LINE_END.split(text)
    records: list[Record] = []
    i = 0
    while i < len(lines):
        start, chunk = i, lines[i]
        if len(chunk) > MAX_LINE:
            records.append(Record(i + 1, [], f"line is {len(chunk)} characters long"))
            i += 1
            continue
        while _open_quote(chunk, delimiter) and i + 1 < len(lines) and i - start < MAX_QUOTED_LINES:
            i += 1
            chunk += "\n" + lines[i]
        i += 1
        if not chunk.strip():
            continue
        if _open_quote(chunk, delimiter):
            i = start + 1
            records.append(Record(start + 1, [], "a quote is opened and never closed"))
            continue
        fields, problem, column = _fields(chunk, delimiter, start + 1)
        records.append(Record(start + 1, fields, problem, column))
    return records
