"""Reading a published file without trusting what the path names.

A path given as a membership or coup list may name a folder, a FIFO (opening it would wait
for a writer forever), a device such as `/dev/zero` (reading it never ends), a link loop or a
file far too large. `read_limited` looks before it opens, opens without blocking, checks
again what it opened and reads at most its limit; every refusal is one line, for a finding.

>>> read_limited(Path("/dev/null"), 10)
'is a device, not a regular file'
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
_CHUNK = 1 << 20
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)


def read_limited(path: Path, limit: int) -> bytes | str:
    """The bytes of the regular file `path` (links followed), or why it was not read."""
    try:
        seen = os.stat(path)
        problem = _refused(seen, limit)
        if problem:
            return problem
        fd = os.open(path, _FLAGS)
    except (OSError, ValueError) as exc:
        return f"cannot be read: {getattr(exc, 'strerror', None) or exc}"
    try:
        problem = _refused(os.fstat(fd), limit)
        return problem or _read_at_most(fd, limit)
    except OSError as exc:
        return f"cannot be read: {exc.strerror or exc}"
    finally:
        os.close(fd)


def _refused(info: os.stat_result, limit: int) -> str:
    if not stat.S_ISREG(info.st_mode):
        what = next((words for test, words in _KINDS if test(info.st_mode)), "special")
        return f"is {what}, not a regular file"
    if info.st_size > limit:
        return f"is {info.st_size} bytes, larger than the {limit} cmr reads"
    return ""


def _read_at_most(fd: int, limit: int) -> bytes | str:
    """At most `limit` bytes; a file that grew past it while read is refused."""
    chunks: list[bytes] = []
    total = 0
    while total <= limit:
        chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
    return f"is over {limit} bytes, more than cmr reads"
