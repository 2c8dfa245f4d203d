"""Reading a memo file into clean text: decoding, line endings and invisible characters.

Word processors and PDF tools export text with Windows line endings, a byte-order mark,
non-breaking spaces, soft hyphens and page breaks. They are normalised here so that the parser
sees plain lines; line numbers stay those an editor shows.
"""

from __future__ import annotations

from pathlib import Path

from cmr import _files
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
_UNICODE_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)


def read_memo(path: Path, shown: str) -> tuple[str | None, list[Finding]]:
    """The memo's normalised text, or None with the findings that say why it cannot be read.

    The file is looked at before it is read (`cmr._files`): a FIFO, a device or a link to one
    is refused unopened, and no more than `MAX_BYTES` are read.
    """
    raw = _files.read_bytes(path, root=None, limit=MAX_BYTES)
    if isinstance(raw, _files.FileProblem):
        if raw.code == "file-too-large":
            return None, [finding("memo-too-large", shown, **raw.params)]
        return None, [_located(raw, shown)]
    text, problem = decode(raw, shown)
    if text is None:
        return None, problem
    text = normalise(text)
    if not text.strip():
        return None, [finding("memo-empty", shown)]
    return text, []


def _located(problem: _files.FileProblem, shown: str) -> Finding:
    return finding(problem.code, shown, problem.line, problem.column, **problem.params)


def decode(raw: bytes, shown: str) -> tuple[str | None, list[Finding]]:
    """UTF-8 (with or without BOM), or UTF-16/32 when a BOM says so ("Unicode text" exports)."""
    for bom, encoding in _UNICODE_BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), []
            except UnicodeDecodeError as exc:
                return None, [finding("file-encoding", shown, byte=raw[exc.start])]
    text = _files.decode_text(raw)
    if isinstance(text, _files.FileProblem):
        return None, [_located(text, shown)]
    return text, []


def normalise(text: str) -> str:
    """LF line endings, plain spaces, no soft hyphens or zero-width characters.

    >>> normalise("Yes.\\u00a0\\r\\nN\\u00ado\\r")
    'Yes. \\nNo\\n'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n").replace("\x85", "\n")
    text = _soft_hyphens(text)  # one ending a line marks a split word; the parser joins
    return text.translate(_SPACES).translate(_INVISIBLE)


def _soft_hyphens(text: str) -> str:
    """Soft hyphens dropped, except one that ends a line (before trailing spaces).

    Line by line, so that no run of soft hyphens and spaces is scanned twice.
    """
    lines = text.split("\n")
    for i, line in enumerate(lines[:-1]):
        if "\u00ad" in line:
            body = line.rstrip(" \t")
            end = "\u00ad" if body.endswith("\u00ad") else ""
            lines[i] = body.replace("\u00ad", "") + end + line[len(body) :]
    lines[-1] = lines[-1].replace("\u00ad", "")
    return "\n".join(lines)
