"""Reading a memo file into clean text: decoding, line endings and invisible characters.

Word processors and PDF tools export text with Windows line endings, a byte-order mark,
non-breaking spaces, soft hyphens and page breaks. They are normalised here so that the parser
sees plain lines; line numbers stay those an editor shows.
"""

from __future__ import annotations

import re
from pathlib import Path

from cmr.catalogue import finding
from cmr.findings import Finding

MAX_BYTES = 5_000_000

# Spaces that look like spaces: no-break, figure, narrow no-break, ideographic, and the like.
_SPACES = dict.fromkeys(
    map(
        ord,
        "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
        "\u2008\u2009\u200a\u202f\u205f\u3000\f\v",
    ),
    " ",
)
# Characters that carry nothing in running text: zero-width spaces and joiners, BOMs.
_SOFT_HYPHEN = re.compile("\u00ad(?![ \\t]*\n)")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)


def read_memo(path: Path, shown: str) -> tuple[str | None, list[Finding]]:
    """The memo's normalised text, or None with the findings that say why it cannot be read."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [finding("file-unreadable", shown, reason=exc.strerror or str(exc))]
    if len(raw) > MAX_BYTES:
        return None, [finding("memo-too-large", shown, size=len(raw), limit=MAX_BYTES)]
    text, problem = decode(raw, shown)
    if text is None:
        return None, problem
    text = normalise(text)
    if not text.strip():
        return None, [finding("memo-empty", shown)]
    return text, []


def decode(raw: bytes, shown: str) -> tuple[str | None, list[Finding]]:
    """UTF-8 (with or without BOM), or UTF-16 when a BOM says so ("Unicode text" exports)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), []
        except UnicodeDecodeError:
            return None, [finding("file-encoding", shown, byte=raw[0])]
    if b"\0" in raw:
        return None, [finding("file-binary", shown)]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        return None, [finding("file-encoding", shown, line, column, byte=raw[exc.start])]


def normalise(text: str) -> str:
    """LF line endings, plain spaces, no soft hyphens or zero-width characters.

    >>> normalise("Yes.\\u00a0\\r\\nN\\u00ado\\r")
    'Yes. \\nNo\\n'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n").replace("\x85", "\n")
    text = _SOFT_HYPHEN.sub("", text)  # one ending a line marks a split word; the parser joins
    return text.translate(_SPACES).translate(_INVISIBLE)
