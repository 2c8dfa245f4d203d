"""A YAML parse failure as the rules of `cmr._yaml_mistakes` see it, with line helpers.

The parser reports where it gave up, which is often a line after the mistake. A `Failure`
holds that place, the parser's words (never shown to a coder) and the file's lines, so that a
rule can look at the lines around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

GENERIC = (
    "this line is not valid YAML; check its indentation (spaces only, lined up with the keys "
    "it belongs with), the `: ` after each key, and that every quote and bracket is closed"
)
_KEY = re.compile(r"""^\s*(?:-\s+)?([^\s:#'"][^:#]*?|"[^"]*"|'[^']*'):(?:\s|$)""")


@dataclass(frozen=True)
class Failure:
    """Where and how the parser gave up; lines and columns are 1-based."""

    lines: list[str]
    problem: str
    context: str
    line: int
    column: int
    context_line: int
    context_column: int
    last_token: Any = None  # the last token the parser read before failing, if any

    def text(self, line: int) -> str:
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""

    def char(self) -> str:
        return self.text(self.line)[self.column - 1 : self.column]

    def previous(self, line: int) -> int:
        """The nearest line above `line` holding content (not blank, not a comment)."""
        for number in range(line - 1, 0, -1):
            stripped = self.text(number).strip()
            if stripped and not stripped.startswith("#"):
                return number
        return 0


Explained = tuple[str, int, int]  # the coder's message, its line and column
BLOCK_SCALAR = ("|", ">", "|-", ">-", "|+", ">+")  # a value that starts a block of text


def indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def key_of(line: str) -> str | None:
    """The key a `key: value` (or `- key: value`) line opens, else None."""
    match = _KEY.match(line)
    return match.group(1).strip() if match else None


def key_colon(line: str) -> int | None:
    """The 1-based column of the `:` ending the key a line opens, else None."""
    match = _KEY.match(line)
    return match.end(1) + 1 if match else None


def value_of(line: str) -> str:
    """What follows the key's `: ` on a `key: value` line, without a comment."""
    rest = line.split(":", 1)[1] if ":" in line else ""
    return rest.split(" #", 1)[0].strip()


def first_word(line: str) -> str:
    words = line.strip().split()
    return words[0] if words else ""


def cut(text: str, limit: int = 40) -> str:
    """`text` as a message repeats it: at most `limit` characters, on one line."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def said(message: str, line: int, column: int) -> Explained:
    return message, line, column


def spaces(count: int) -> str:
    """How far in a line starts, as a coder counts it."""
    if count == 0:
        return "at the start of the line"
    return "1 space in" if count == 1 else f"{count} spaces in"


def what(line: str) -> str:
    """How a message names a line: its key, or "this list item"."""
    if line.lstrip(" ").startswith("-"):
        return "this list item"
    return f"`{cut(key_of(line) or first_word(line))}`"


def parent_key(line: str) -> bool:
    """A `key:` line whose value is the lines below it."""
    return key_of(line) is not None and not value_of(line) and not line.lstrip().startswith("-")
