"""Reading the small text files a release carries (CHANGELOG.md, CITATION.cff) without trusting
them: a regular file of UTF-8 text, not too large, or a problem saying where reading stopped.

A FIFO, a folder or a device in their place is a problem, never a hang.
"""

from __future__ import annotations

import stat
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Read", "read_text"]


@dataclass(frozen=True)
class Read:
    """The text of a file, or the problem that stopped reading it and the line it is on;
    `missing` when there is nothing at the path at all."""

    text: str = ""
    problem: str | None = None
    line: int = 1
    missing: bool = False


def read_text(path: Path, limit: int) -> Read:
    """`path` read as UTF-8 text of at most `limit` bytes."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        dangling = path.is_symlink()
        return Read(problem="it is a link to nothing" if dangling else None, missing=not dangling)
    except OSError as exc:
        return Read(problem=f"it cannot be read ({exc.strerror})")
    if not stat.S_ISREG(mode):
        return Read(problem="it is not a regular file")
    try:
        with path.open("rb") as fh:
            raw = fh.read(limit + 1)
    except OSError as exc:
        return Read(problem=f"it cannot be read ({exc.strerror})")
    if len(raw) > limit:
        return Read(problem=f"it is larger than {limit:,} bytes")
    return _decoded(raw)


def _decoded(raw: bytes) -> Read:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return Read(problem=f"it is not UTF-8 text (byte 0x{raw[exc.start]:02x})", line=line)
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        return Read(problem="it holds NUL bytes: it is not text", line=line)
    return Read(text.removeprefix("\ufeff"))
