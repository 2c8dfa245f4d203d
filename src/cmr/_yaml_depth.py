"""How deeply a YAML text nests, found by one linear pass before any parser sees it.

Parsers recurse: yaml-rs and PyYAML's C composer crash the process (a segmentation fault, not
an exception) on a few thousand nested `[` or indented mappings. `too_deep` reads the text
once, with no recursion and no backtracking regular expression, and returns the line and
column where nesting first passes the limit.

It follows block structure by the columns where entries start (a key, a `- ` or a `? `; a
sequence may sit at its parent key's column) and flow structure by `[`/`{` depth. It skips
what cannot nest: quoted scalars (over several lines too), block scalars (`|`, `>`),
comments, and brackets inside plain text. It is an estimate meant to err towards counting a
level, never towards crashing.

>>> too_deep("a:\\n  b: [[1]]\\n", 3)
(2, 7)
>>> too_deep("a: '[[[['\\n", 3) is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

_LINE = re.compile(r"\r\n|\r|\n")
_FLOW_TOKEN = re.compile(r"[\[\]{},:#\"']|[^\s\[\]{},:#\"']+")
_QUOTE_END = {'"': re.compile(r'\\.|"'), "'": re.compile(r"''|'")}
_PROPERTY = re.compile(r"[&!]\S*[ \t]*")


@dataclass
class _Scan:
    """State carried from line to line."""

    limit: int
    blocks: list[tuple[int, str]] = field(default_factory=list)  # (column, "k" | "-")
    flow: int = 0
    quote: str = ""  # the open quote of a scalar that continues on the next line
    literal: int | None = None  # the parent column of a block scalar being skipped
    pending: bool = False  # the last entry's value starts on a later line
    found: tuple[int, int] | None = None

    def level(self, line: int, column: int) -> None:
        if self.found is None and len(self.blocks) + self.flow > self.limit:
            self.found = (line, column + 1)


@lru_cache(maxsize=128)
def _wide_prefix(width: int, lone_cr: bool) -> re.Pattern[str]:
    # YAML breaks lines at a lone CR too; a pattern opening with a literal `\n` (which a CRLF
    # break also holds) is searched several times faster
    start = r"[\r\n]" if lone_cr else r"\n"
    return re.compile(start + r"[ \t?-]{" + str(width) + "}")


def _shallow(text: str, limit: int) -> bool:
    """True when the text cannot nest deeper than `limit`, from C-speed scans of the text.

    A block level starts further right than its parent, except a sequence at its parent key's
    column, so block depth is at most twice the widest line prefix of spaces, `-` and `?`, plus
    two; flow depth is at most the number of `[` and `{`.
    """
    width = (limit - 2 - text.count("[") - text.count("{")) // 2
    if width <= 0:
        return False
    first = len(text) - len(text.lstrip(" \t?-"))
    lone_cr = "\r" in text and text.count("\r") != text.count("\r\n")
    return first < width and _wide_prefix(width, lone_cr).search(text) is None


def too_deep(text: str, limit: int) -> tuple[int, int] | None:
    """The 1-based (line, column) where nesting first exceeds `limit` levels, or None."""
    if _shallow(text, limit):  # nearly every file: no need to follow its structure
        return None
    scan = _Scan(limit)
    start = number = 0
    for number, match in enumerate(_LINE.finditer(text), start=1):
        _line(scan, text[start : match.start()], number)
        start = match.end()
        if scan.found:
            return scan.found
    _line(scan, text[start:], number + 1)
    return scan.found


def _line(scan: _Scan, line: str, number: int) -> None:
    if scan.quote:
        end = _quote_end(line, 0, scan.quote)
        if end < 0:
            return
        scan.quote = ""
        if scan.flow:
            _flow(scan, line, end, number)
        return
    if scan.flow:
        _flow(scan, line, 0, number)
        return
    indent = len(line) - len(line.lstrip(" "))
    rest = line[indent:]
    if scan.literal is not None:
        if not rest.strip() or indent > scan.literal:
            return
        scan.literal = None
    if not rest.strip() or rest.startswith(("#", "%")):
        return
    if rest.startswith(("---", "...")) and rest[3:4] in ("", " ", "\t"):
        scan.blocks.clear()
        scan.pending = _value(scan, line, _skip_space(line, indent + 3), indent, number)
        return
    _block(scan, line, indent, number)


def _block(scan: _Scan, line: str, column: int, number: int) -> None:
    """Entries opening on this line: `- ` and `? ` indicators, then a key, then its value."""
    owner, start = column, column
    while line.startswith(("- ", "? ", "-\t", "?\t"), column) or line[column:] in ("-", "?"):
        _push(scan, column, "-", number)
        owner = column
        column = _skip_space(line, column + 1)
    key = _key_end(line, column)
    if key is not None:
        _push(scan, column, "k", number)
        owner, column = column, key
    elif column == start and not scan.pending and scan.blocks:
        return  # a continuation line of a plain scalar: nothing opens here
    scan.pending = _value(scan, line, _skip_space(line, column), owner, number)


def _push(scan: _Scan, column: int, kind: str, number: int) -> None:
    blocks = scan.blocks
    while blocks and (
        blocks[-1][0] > column or (blocks[-1][0] == column and (kind, blocks[-1][1]) != ("-", "k"))
    ):
        blocks.pop()
    blocks.append((column, kind))
    scan.level(number, column)


def _value(scan: _Scan, line: str, column: int, owner: int, number: int) -> bool:
    """What follows a key or an indicator: flow, a quoted scalar or a block scalar header.

    True when nothing follows, so that the value is on the next line.
    """
    match = _PROPERTY.match(line, column)
    while match and match.end() > column:  # anchors and tags before the value
        column = match.end()
        match = _PROPERTY.match(line, column)
    head = line[column : column + 1]
    if head in ("[", "{"):
        _flow(scan, line, column, number)
    elif head in ('"', "'"):
        if _quote_end(line, column + 1, head) < 0:
            scan.quote = head
    elif head in ("|", ">"):
        scan.literal = owner
    return head in ("", "#")


def _flow(scan: _Scan, line: str, column: int, number: int) -> None:
    """Brackets outside quoted scalars and comments; the depth carries to the next line."""
    last = "["
    token = _FLOW_TOKEN.search(line, column)
    while token is not None:
        text, at = token.group(), token.start()
        after = token.end()
        if text in ("[", "{"):
            scan.flow += 1
            scan.level(number, at)
        elif text in ("]", "}"):
            scan.flow = max(0, scan.flow - 1)
            if not scan.flow:
                return
        elif text == "#" and (at == 0 or line[at - 1] in " \t"):
            return
        elif text in ('"', "'") and last in "[{,:":
            after = _quote_end(line, after, text)
            if after < 0:
                scan.quote = text
                return
        last = text[-1] if text in "[]{},:" else "a"
        token = _FLOW_TOKEN.search(line, after)


def _quote_end(line: str, column: int, quote: str) -> int:
    """The index after the closing `quote` on this line, or -1 when it continues."""
    for match in _QUOTE_END[quote].finditer(line, column):
        if match.group() == quote:
            return match.end()
    return -1


def _key_end(line: str, column: int) -> int | None:
    """The index after the `:` of a key starting at `column`, or None if there is none."""
    head = line[column : column + 1]
    if head in ('"', "'"):
        end = _quote_end(line, column + 1, head)
        if end < 0:
            return None
        end = _skip_space(line, end)
        return end + 1 if line.startswith(":", end) and _spaced(line, end + 1) else None
    if not head or head in "[{#|>&!*":
        return None
    colon = line.find(":", column)
    while colon >= 0 and not _spaced(line, colon + 1):
        colon = line.find(":", colon + 1)
    if colon < 0 or line.find(" #", column, colon) >= 0:
        return None
    return colon + 1


def _spaced(line: str, index: int) -> bool:
    return index >= len(line) or line[index] in " \t"


def _skip_space(line: str, column: int) -> int:
    while column < len(line) and line[column] in " \t":
        column += 1
    return column
