"""The `--cite-memo` entry: a bibliography entry for a legacy memo, appended, never rewritten.

The entry says only what the memo says: its number and title (`Observation no. 201:
Azeri-Armenian Conflict`) and that it is a legacy coding memo; memos name no author or date, so
the entry has none (`@misc` requires neither). It is appended with one `os.write` on an
`O_APPEND` descriptor, after a newline when the file does not end with one, so the file's
existing bytes stay an exact prefix whatever happens; a bibliography that does not parse is
left alone.

>>> print(memo_entry("memo201", 201, "Azeri-Armenian Conflict", "201.txt"), end="")
@misc{memo201,
  title = {Observation no. 201: Azeri-Armenian Conflict},
  howpublished = {Legacy coding memo},
  note = {Imported by cmr import-memo from 201.txt},
}
"""

from __future__ import annotations

import os
import re
from pathlib import Path

_KEY = re.compile(r"[A-Za-z0-9_:.+/-]+")
_UNSAFE = str.maketrans({"{": "(", "}": ")", "\\": "/", "\n": " ", "\r": " "})


def valid_key(key: str) -> bool:
    """A key BibTeX reads as one: letters, digits and `_:.+/-`, nothing else."""
    return _KEY.fullmatch(key) is not None


def memo_entry(key: str, number: int | str | None, context: str | None, name: str) -> str:
    """The entry's text; braces and backslashes in the memo's words become harmless."""
    title = f"Observation no. {number}" if number is not None else f"Legacy coding memo {name}"
    if context:
        title += f": {context}"
    fields = {
        "title": title,
        "howpublished": "Legacy coding memo",
        "note": f"Imported by cmr import-memo from {name}",
    }
    body = "".join(f"  {k} = {{{v.translate(_UNSAFE)}}},\n" for k, v in fields.items())
    return f"@misc{{{key},\n{body}}}\n"


def append_entry(path: Path, entry: str) -> None:
    """Append `entry` to `path` (created when absent) in one write; raises OSError."""
    flags = os.O_RDWR | os.O_APPEND | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        fd = os.open(path, flags | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        size = os.fstat(fd).st_size
        ends = size == 0 or os.pread(fd, 1, size - 1) == b"\n"
        data = (b"\n" if ends and size else b"\n\n" if size else b"") + entry.encode("utf-8")
        written = os.write(fd, data)
        if written != len(data):
            raise OSError(f"only {written} of {len(data)} bytes could be appended")
        os.fsync(fd)
    finally:
        os.close(fd)
