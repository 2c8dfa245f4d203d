"""The `--footnotes` CSV, read strictly: every problem is a finding at its line and column.

A footnote table is small and hand-made, so it is read one physical line at a time: a field
never spans lines, and a quote left open is reported where it opens instead of swallowing
the rest of the file. Fields are separated by commas; a field in double quotes may hold
commas and doubled quotes (`"Curtis, ""Azerbaijan"" entry"`).

>>> split('1,"a, b",c')
[(1, '1'), (3, 'a, b'), (10, 'c')]
>>> split('1,"open')
(3, 'this quote is not closed on its line')
"""

from __future__ import annotations

from collections.abc import Iterator

Field = tuple[int, str]  # the 1-based column where the field starts, and its text


def split(line: str) -> list[Field] | tuple[int, str]:
    """The fields of one line with their columns, or (column, problem) when it is not CSV."""
    fields: list[Field] = []
    i = 0
    while True:
        if line.startswith('"', i):
            end, text = _quoted(line, i)
            if end < 0:
                return -end, text
            fields.append((i + 1, text))
        else:
            end = line.find(",", i)
            end = len(line) if end < 0 else end
            fields.append((i + 1, line[i:end]))
        if end >= len(line):
            return fields
        i = end + 1


def _quoted(line: str, start: int) -> tuple[int, str]:
    """(index of the comma or end after the field, its text), or (-column, problem)."""
    parts: list[str] = []
    i = start + 1
    while True:
        close = line.find('"', i)
        if close < 0:
            return -(start + 1), "this quote is not closed on its line"
        parts.append(line[i:close])
        if line.startswith('"', close + 1):  # a doubled quote stands for one
            parts.append('"')
            i = close + 2
            continue
        after = close + 1
        if after < len(line) and line[after] != ",":
            return -(after + 1), "text after a closing quote (quote the whole field)"
        return after, "".join(parts)


def rows(text: str) -> Iterator[tuple[int, list[Field] | tuple[int, str]]]:
    """(line number, fields or problem) for every line that is not blank."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield number, split(line)
