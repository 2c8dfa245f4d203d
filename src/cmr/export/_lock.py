"""One export or site build at a time per output folder: an `flock` on `.<folder>.cmr-lock`
beside it.

A second export into the same folder does not wait: it stops at once with an
`EnvironmentProblem` (exit status 2). The lock file is removed when the export ends; a process
that opened the file before it was removed notices (the path no longer names its file) and
takes the lock anew, so removing it is safe. The kernel drops the lock of a killed process.
Where there is no `flock` (Windows) the file is made and removed but nothing is locked.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from cmr.errors import EnvironmentProblem

try:
    import fcntl
except ImportError:  # Windows: no flock, so exports there are not kept apart
    fcntl = None  # type: ignore[assignment]


def lock_path(target: Path) -> Path:
    """The lock file of export folder `target`."""
    return target.parent / f".{target.name}.cmr-lock"


@contextmanager
def locked(target: Path, shown: str, command: str = "cmr export") -> Iterator[None]:
    """Hold the lock of `target` (whose parent must exist) for the duration of the block;
    `command` is named to a second run that finds it held."""
    path = lock_path(target)
    fd = _acquire(path, shown, command)
    try:
        yield
    finally:
        with suppress(OSError):
            os.unlink(path)
        os.close(fd)


def _acquire(path: Path, shown: str, command: str) -> int:
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
        if fcntl is None:
            return fd
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise EnvironmentProblem(
                f"another {command} is writing to {shown}; try again when it finishes"
            ) from None
        if _names(fd, path):
            return fd
        os.close(fd)  # the holder removed the file as we opened it: lock the new one


def _names(fd: int, path: Path) -> bool:
    """True when `path` still names the file open as `fd`."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return False
    mine = os.fstat(fd)
    return (st.st_dev, st.st_ino) == (mine.st_dev, mine.st_ino)
