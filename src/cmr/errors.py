"""Problems of the environment, not of the data: a full disk, a read-only or forbidden folder,
a folder that changed under cmr's feet, a malformed environment variable.

The library raises `EnvironmentProblem` with one line that names the path and says what to
do; the command line prints that line and exits with status 2, without a traceback.

>>> raise from_os_error(OSError(28, "No space left on device", "dist"))   # doctest: +SKIP
cmr.errors.EnvironmentProblem: no space left on the device holding dist; free some space ...
"""

from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["EnvironmentProblem", "from_os_error", "one_line", "os_errors_as_problems"]

ADVICE = {
    errno.ENOSPC: "no space left on the device holding {path}; free some space and run again",
    errno.EDQUOT: "disk quota exceeded writing {path}; free some space and run again",
    errno.EACCES: "permission denied writing {path}; fix its permissions or write elsewhere",
    errno.EPERM: "operation not permitted on {path}; fix its permissions or write elsewhere",
    errno.EROFS: "{path} is on a read-only file system; write elsewhere",
    errno.EEXIST: "{path} changed while cmr was writing it; run again",
    errno.ENOTEMPTY: "{path} changed while cmr was writing it; run again",
    errno.ENOTDIR: "a file stands where a folder of {path} should be; move it or write elsewhere",
}


class EnvironmentProblem(Exception):
    """The machine, not the data, stopped the work. `str()` is one line for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


def one_line(text: str) -> str:
    """`text` (a path to show) with line breaks and other control characters escaped as
    `\\n`, `\\r`, `\\t` or `\\xNN`, so that a message naming it stays one line.

    >>> one_line("di\\nst")
    'di\\\\nst'
    """
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else _ESCAPES.get(ch, f"\\x{ord(ch):02x}") for ch in text)


_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def from_os_error(exc: OSError, path: object = None) -> EnvironmentProblem:
    """An `EnvironmentProblem` for `exc`, naming `path` (what the user asked to write), or
    the file the error names."""
    where = path if path is not None else exc.filename
    template = ADVICE.get(exc.errno or 0)
    if template is not None:
        return EnvironmentProblem(template.format(path=where))
    reason = (exc.strerror or str(exc)).splitlines()[0] if str(exc) else type(exc).__name__
    return EnvironmentProblem(f"cannot write {where}: {reason}; check the folder and run again")


@contextmanager
def os_errors_as_problems(path: object) -> Iterator[None]:
    """Turn an `OSError` raised in the block into an `EnvironmentProblem` naming `path`."""
    try:
        yield
    except OSError as exc:
        raise from_os_error(exc, path) from None
