"""Bytes of a published file to text: which encoding, and whether it is text at all.

Files published by others come as UTF-8 (with or without a byte-order mark), as Latin-1 (the
Gleditsch & Ward lists), or saved by a spreadsheet as UTF-16 with a mark. `decode` tries them
in that order and says which it used (UTF-16 is also recognised without a mark, by the NUL
byte beside each ASCII character); a file holding NUL bytes or mostly control characters
is not text and is refused, as is a file too large to be a list of states or events.

>>> decode(b"\\xef\\xbb\\xbfa,b\\r\\n").text, decode(b"C\\xf4te").encoding
('a,b\\r\\n', 'latin-1')
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

MAX_BYTES = 64 * 1024 * 1024
"""Far above any state-system or coup list; a larger file is refused, not read."""

_CONTROL = frozenset(range(32)) - {9, 10, 12, 13}


@dataclass(frozen=True)
class Decoded:
    """The text of a file, the encoding it was read in, and why it could not be (if so)."""

    text: str
    encoding: str
    problem: str = ""
    """Empty when the file is text; else one line saying why it is not."""
    bad_line: int = 0
    bad_column: int = 0
    """Where the first byte that is not UTF-8 stands, when the file fell back to Latin-1."""


def _utf16(data: bytes) -> Decoded | None:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        codec = "utf-16"
    else:
        codec = _utf16_without_mark(data)
        if not codec:
            return None
    try:
        text = data.decode(codec).removeprefix("\ufeff")
    except UnicodeDecodeError:
        return Decoded("", "utf-16", "looks like UTF-16 but is not UTF-16 text throughout")
    if "\x00" in text:
        return Decoded("", "utf-16", "holds NUL characters: a binary file, not delimited text")
    return Decoded(text, "utf-16")


def _utf16_without_mark(data: bytes) -> str:
    """`utf-16-le` or `utf-16-be` when the file starts as text saved in UTF-16 without a mark
    (every other byte NUL, the others not: ASCII letters, digits and delimiters); else ``."""
    head = data[:64]
    if len(head) < 4 or len(data) % 2:
        return ""
    if not any(head[1::2]) and all(head[0::2]):
        return "utf-16-le"
    if not any(head[0::2]) and all(head[1::2]):
        return "utf-16-be"
    return ""


def _binary(data: bytes) -> str:
    if b"\x00" in data:
        return "holds NUL bytes: a binary file, not delimited text"
    head = data[:4096]
    if sum(1 for b in head if b in _CONTROL) * 10 > len(head):
        return "is mostly control characters: a binary file, not delimited text"
    return ""


def _where(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column of byte `offset` (columns counted in bytes)."""
    before = data[:offset]
    line_start = max(before.rfind(b"\n"), before.rfind(b"\r")) + 1
    return before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1, (
        offset - line_start + 1
    )


def decode(data: bytes) -> Decoded:
    """The text of `data`: UTF-16 (with a mark, or ASCII text without one), else UTF-8 (a
    mark dropped), else Latin-1. End-of-file marks (Ctrl-Z) that old DOS tools leave at the
    end are dropped."""
    data = data.rstrip(b"\x1a")
    if len(data) > MAX_BYTES:
        return Decoded("", "", f"is {len(data)} bytes, larger than the {MAX_BYTES} cmr reads")
    utf16 = _utf16(data)
    if utf16 is not None:
        return utf16
    problem = _binary(data)
    if problem:
        return Decoded("", "", problem)
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError as exc:
        line, column = _where(data, exc.start)
        text = data.removeprefix(codecs.BOM_UTF8).decode("latin-1")
        return Decoded(text, "latin-1", bad_line=line, bad_column=column)
