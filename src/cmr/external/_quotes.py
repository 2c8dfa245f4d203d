"""Cutting a record's text at delimiters outside quotes, and reading a quoted field.

A quote opens a field only at its start (blanks aside) and closes at the next lone quote; `""`
inside stands for one quote; what follows the closing quote up to the delimiter belongs to
the same field (and is a problem for the caller). The scan jumps from quote to quote and
from delimiter to delimiter with `str.find`, so a long line costs C time, not a Python loop
per character.

>>> cut('a, "b, c" ,d', ",")
(['a', ' "b, c" ', 'd'], False)
>>> cut('"open, still', ",")[1]
True
"""

from __future__ import annotations

import re
from functools import cache

BLANK = " \t"
"""What is stripped around a field: spaces and tabs, not other characters Python calls
whitespace (a no-break space or U+0085 belongs to the value)."""


@cache
def _lead(delimiter: str) -> re.Pattern[str]:
    """Blanks before a field's opening quote (never the delimiter itself: a tab)."""
    return re.compile("[" + re.escape(BLANK.replace(delimiter, "")) + "]*")


def unquote(raw: str) -> tuple[str, int, str]:
    """A field that starts with a quote (after blanks): its value, the blanks before the
    quote, and what follows the closing quote."""
    body = raw.strip(BLANK)
    lead = len(raw) - len(raw.lstrip(BLANK))
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
        rest = body[j + 1 :].strip(BLANK)
        break
    return "".join(inner), lead, rest


def cut(text: str, delimiter: str, quoted: bool = False) -> tuple[list[str], bool]:
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


def open_quote(text: str, delimiter: str) -> bool:
    """True when `text` ends inside a quoted field."""
    return '"' in text and cut(text, delimiter)[1]
