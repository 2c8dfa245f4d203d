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
from functools import cache

_LINE_END = re.compile(r"\r\n|\r|\n")
"""Only these end a line (`str.splitlines` also splits at form feeds and at U+0085, which is
an ellipsis byte in a Windows-1252 file read as Latin-1), so line numbers are an editor's."""

MAX_LINE = 1_000_000
"""Characters in a line; no row of a state or event list comes near, so a longer line is
reported as malformed without being split."""

_BLANK = " \t"
"""What is stripped around a field: spaces and tabs, not other characters Python calls
whitespace (a no-break space or U+0085 belongs to the value)."""

MAX_FIELDS = 1000
"""Fields in a record; published lists have about ten, so more is reported, not split."""


@cache
def _lead(delimiter: str) -> re.Pattern[str]:
    """Blanks before a field's opening quote (never the delimiter itself: a tab)."""
    return re.compile("[" + re.escape(_BLANK.replace(delimiter, "")) + "]*")


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


def _unquote(raw: str, column: int, line: int) -> tuple[Field, str]:
    """A field that starts with a quote: its value, and what follows the closing quote."""
    body = raw.strip(_BLANK)
    lead = len(raw) - len(raw.lstrip(_BLANK))
    inner, rest, i = [], "", 1
    while True:
        j = body.find('"', i)
        if j < 0:
            inner.append(body[i:])
            break
        inner.append(body[i:j])
        if body.startswith('"', j + 1):
            inner.append('"')
            i = j + 2
            continue
        rest = body[j + 1 :].strip(_BLANK)
        break
    return Field("".join(inner), column + lead, line), rest


def _fields(text: str, delimiter: str, line: int) -> tuple[list[Field], str, int]:
    """Split one record's text; a problem (text after a closing quote) with its column."""
    out: list[Field] = []
    pos = 0
    for raw in _cut(text, delimiter)[0]:
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


def _cut(text: str, delimiter: str, quoted: bool = False) -> tuple[list[str], bool]:
    """`text` cut at each delimiter outside quotes (a quote opens a field only at its start,
    blanks aside), and whether it ends inside a quoted field. `quoted`: it starts inside one
    (the next line of a field that runs over lines)."""
    if not quoted and '"' not in text:
        return text.split(delimiter), False
    cells: list[str] = []
    start = pos = 0
    while True:
        if not quoted:
            after = _lead(delimiter).match(text, pos).end()  # type: ignore[union-attr]
            if text.startswith('"', after):
                quoted, pos = True, after + 1
                continue
        else:
            j = text.find('"', pos)
            if j < 0:
                return [*cells, text[start:]], True
            if text.startswith('"', j + 1):
                pos = j + 2
                continue
            quoted, after = False, j + 1
        k = text.find(delimiter, after)
        if k < 0:
            return [*cells, text[start:]], False
        cells.append(text[start:k])
        start = pos = k + len(delimiter)


def _open_quote(text: str, delimiter: str) -> bool:
    """True when `text` ends inside a quoted field."""
    return '"' in text and _cut(text, delimiter)[1]


def _joined(lines: list[str], start: int, delimiter: str) -> tuple[str, int, bool]:
    """The record that starts at `lines[start]`: its text (lines joined while a quoted field
    runs on, up to `MAX_QUOTED_LINES` more and about `MAX_LINE` characters), the index of
    its last line, and whether a quote is still open."""
    parts, i = [lines[start]], start
    still = _open_quote(lines[start], delimiter)
    size = len(lines[start])
    while still and i + 1 < len(lines) and i - start < MAX_QUOTED_LINES and size <= MAX_LINE:
        i += 1
        parts.append(lines[i])
        size += len(lines[i]) + 1
        still = _cut(lines[i], delimiter, quoted=True)[1]
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
