"""The published form of a delimited file: its columns, delimiter and header."""

from __future__ import annotations

import re
from dataclasses import dataclass

HEADERS = ("required", "none", "optional")
_INK = re.compile(r"\S")
_HEAD = 65_536
"""Characters of the first line looked at for its delimiter (a 50 MB line is not copied)."""


@dataclass(frozen=True)
class Layout:
    """The published form of a file: `source` names it in messages (`COW states2016`)."""

    source: str
    columns: tuple[str, ...]
    delimiter: str = ","
    header: str = "required"
    """`required`, `none` (fields by position) or `optional` (a first row naming the columns
    is taken for a header)."""
    aliases: tuple[tuple[str, str], ...] = ()
    """Other header names for a column, `(alias, column)`, matched in any case."""
    other_delimiters: tuple[str, ...] = ()
    """Delimiters of copies saved otherwise (a G&W list saved as CSV): used when the first
    line holds none of `delimiter` but one of these."""

    def delimiter_of(self, text: str) -> str:
        """The delimiter `text` is written with: the published one, unless its first
        non-blank line lacks it and holds one of `other_delimiters`."""
        first = _first_line(text)
        if self.delimiter in first:
            return self.delimiter
        return next((d for d in self.other_delimiters if d in first), self.delimiter)

    def canonical(self, name: str) -> str:
        """The column a header name stands for (its own name, lower case, when unknown)."""
        key = name.strip().lower()
        return dict(self.aliases).get(key, key)


def _first_line(text: str) -> str:
    """The first line of `text` holding more than whitespace (found in linear time)."""
    ink = _INK.search(text)
    if ink is None:
        return ""
    start = max(text.rfind("\n", 0, ink.start()), text.rfind("\r", 0, ink.start())) + 1
    ends = [i for i in (text.find("\n", ink.start()), text.find("\r", ink.start())) if i >= 0]
    return text[start : min([*ends, start + _HEAD])]
