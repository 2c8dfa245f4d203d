"""The published form of a delimited file: its columns, delimiter and header."""

from __future__ import annotations

from dataclasses import dataclass

HEADERS = ("required", "none", "optional")


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

    def canonical(self, name: str) -> str:
        """The column a header name stands for (its own name, lower case, when unknown)."""
        key = name.strip().lower()
        return dict(self.aliases).get(key, key)
