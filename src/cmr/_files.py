"""The one way cmr reads a user's input file: refusing what a text file cannot be.

A hostile or unlucky repository can hold a link to `/dev/zero`, a FIFO named `1993.yaml`, a
link to a file outside the repository or a file saved as UTF-16. `read_bytes` looks before it
reads (`lstat`), follows a link only to a regular file inside the repository, never reads more
than its limit and never blocks on a FIFO. `decode_text` turns the bytes into text or says,
with a line and column, why they are not UTF-8. Problems are values (`FileProblem`), not
exceptions; the caller turns them into findings with its own file name.

>>> decode_text(b"\\xef\\xbb\\xbfa: 1\\n")
'a: 1\\n'
>>> decode_text(b"\\xff\\xfea\\x00").code
'file-encoding-bom'
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CHUNK = 1 << 20
_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


@dataclass(frozen=True)
class FileProblem:
    """Why a file cannot be used: a catalogue code, its parameters and where (1-based)."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)
    line: int = 1
    column: int = 1


def read_bytes(path: Path, *, root: Path | None, limit: int) -> bytes | FileProblem:
    """The bytes of the regular file at `path`, at most `limit` of them, or why not.

    A link (or a linked folder on the way) is followed only when it ends inside `root`;
    with `root` None, anywhere. Nothing that is not a regular file is ever opened.
    """
    try:
        first = os.lstat(path)
    except OSError as exc:
        return _unreadable(exc)
    linked = stat.S_ISLNK(first.st_mode) or _through_link(path)
    target = Path(os.path.realpath(path)) if linked else Path(path)
    if linked and root is not None and not _inside(target, root):
        return FileProblem("file-outside-repository", {})
    try:
        seen = os.stat(target) if linked else first
    except OSError as exc:
        reason = "the link points to nothing" if linked else (exc.strerror or str(exc))
        return FileProblem("file-unreadable", {"reason": reason})
    problem = _refuse(seen, limit)
    if problem is not None:
        return problem
    return _read_open(target, seen, limit)


def _through_link(path: Path) -> bool:
    """True when a folder on the way to `path` is a link (the resolved path differs)."""
    return _folder_is_linked(os.path.dirname(os.path.abspath(path)))


@lru_cache(maxsize=4096)
def _folder_is_linked(folder: str) -> bool:
    """Asked once per folder: a dataset has a few hundred folders and many thousand files."""
    return os.path.realpath(folder) != folder


def _inside(target: Path, root: Path) -> bool:
    real_root = Path(os.path.realpath(root))
    return target == real_root or real_root in target.parents


def _refuse(st: os.stat_result, limit: int) -> FileProblem | None:
    if not stat.S_ISREG(st.st_mode):
        return FileProblem("file-not-regular", {"what": describe(st.st_mode)})
    if st.st_size > limit:
        return FileProblem("file-too-large", {"size": st.st_size, "limit": limit})
    return None


def _read_open(target: Path, seen: os.stat_result, limit: int) -> bytes | FileProblem:
    """Open without following a link or blocking, check it is still the file seen, read."""
    try:
        fd = os.open(target, _FLAGS | _NOFOLLOW)
    except OSError as exc:
        return _unreadable(exc)
    try:
        now = os.fstat(fd)
        problem = _refuse(now, limit)
        if problem is not None:
            return problem
        if (now.st_dev, now.st_ino) != (seen.st_dev, seen.st_ino):
            return FileProblem("file-unreadable", {"reason": "the file was replaced while read"})
        return _read_at_most(fd, limit)
    except OSError as exc:
        return _unreadable(exc)
    finally:
        os.close(fd)


def _read_at_most(fd: int, limit: int) -> bytes | FileProblem:
    chunks: list[bytes] = []
    total = 0
    while total <= limit:
        chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    if total > limit:  # it grew after the size check
        return FileProblem("file-too-large", {"size": total, "limit": limit})
    return b"".join(chunks)


def _unreadable(exc: OSError) -> FileProblem:
    return FileProblem("file-unreadable", {"reason": exc.strerror or str(exc)})


def describe(mode: int) -> str:
    """What a file that is not a regular file is, in words: `a folder`, `a FIFO`, …"""
    for test, words in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
        (stat.S_ISLNK, "a link"),
    ):
        if test(mode):
            return words
    return "not a regular file"


def decode_text(raw: bytes) -> str | FileProblem:
    """UTF-8 text (a UTF-8 byte-order mark is dropped), or why the bytes are not that."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return FileProblem("file-encoding-bom", {"encoding": encoding})
    if b"\0" in raw:
        guess = _utf16_without_bom(raw)
        if guess:
            return FileProblem("file-encoding-bom", {"encoding": guess})
        return FileProblem("file-binary", {}, *_position(raw, raw.index(b"\0")))
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line, column = _position(raw, exc.start)
        return FileProblem("file-encoding", {"byte": raw[exc.start]}, line, column)


def _utf16_without_bom(raw: bytes) -> str | None:
    """`UTF-16` when every other byte of the start is NUL (ASCII text saved as UTF-16)."""
    head = raw[:64]
    if len(head) < 4 or len(head) % 2:
        return None
    if (not any(head[1::2]) and all(head[0::2])) or (not any(head[0::2]) and all(head[1::2])):
        return "UTF-16"
    return None


def _position(raw: bytes, offset: int) -> tuple[int, int]:
    """The 1-based line and column (in characters) of byte `offset`."""
    start = raw.rfind(b"\n", 0, offset) + 1
    line = raw.count(b"\n", 0, offset) + 1
    column = len(raw[start:offset].decode("utf-8", "replace")) + 1
    return line, column


@lru_cache(maxsize=256)
def repository_root(folder: str) -> Path:
    """The dataset repository holding `folder` (see `cmr.project`), found once per folder."""
    from cmr.project import Project, ProjectError

    try:
        return Project.find(folder).root
    except ProjectError:  # unreadable settings are reported elsewhere; contain to the folder
        return Path(folder).resolve()
