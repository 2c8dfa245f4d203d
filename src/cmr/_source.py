"""The offending line of a file with a caret under the column, as compilers show it.

    observations/AZE/1993.yaml:12:7: error yaml-syntax YAML syntax: `confidence` is ...
       12 |       confidence: high
          |       ^

Only the text reporter uses it, for the few findings that say a file is not well-formed YAML;
the file is read again through `cmr._files` (a regular file inside its repository, of sane
size), and anything that cannot be read is simply not shown.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

MAX_BYTES = 2_000_000
WIDTH = 100  # characters of a long line shown around the column
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def excerpt(file: str, line: int, column: int) -> list[str]:
    """The two lines shown under a finding at `file:line:column`; none when unreadable."""
    source = _line(file, line)
    if source is None:
        return []
    shown, caret = _window(source, max(column, 1) - 1)
    number = str(line)
    return [f"  {number} | {shown}".rstrip(), f"  {' ' * len(number)} | {caret}"]


def _line(file: str, line: int) -> str | None:
    """Line `line` (1-based) of `file`, or None when it cannot be read or does not exist."""
    from cmr import _files

    path = Path(file)
    root = _files.repository_root(os.path.dirname(os.path.abspath(path)))
    raw = _files.read_bytes(path, root=root, limit=MAX_BYTES)
    if not isinstance(raw, bytes):
        return None
    text = raw.decode("utf-8", "replace").removeprefix("\ufeff")
    lines = _LINE_BREAK.split(text)
    return lines[line - 1] if 0 < line <= len(lines) else None


def _window(source: str, at: int) -> tuple[str, str]:
    """The part of `source` shown (long lines cut around `at`) and the caret line under it.

    Tabs stay tabs in both lines so that the caret lines up in any terminal; other control
    characters are shown as `?`.
    """
    start = max(0, min(at - WIDTH // 2, len(source) - WIDTH))
    part = source[start : start + WIDTH]
    shown = "".join(c if c.isprintable() or c == "\t" else "?" for c in part)
    left = "…" if start else ""
    right = "…" if start + WIDTH < len(source) else ""
    pad = "".join("\t" if c == "\t" else " " for c in shown[: at - start])
    return f"{left}{shown}{right}", f"{' ' * len(left)}{pad}^"
