"""Swapping two folders in one step: Linux `renameat2(2)` through ctypes.

`exchange(new, target)` atomically exchanges two folders of one file system with
`RENAME_EXCHANGE`; `place(new, target)` moves a folder to a name that must not exist with
`RENAME_NOREPLACE`. Both return False when `renameat2` is unavailable (not Linux, a C library
older than glibc 2.28, a file system without it); the caller then falls back to plain renames.
"""

from __future__ import annotations

import ctypes
import errno
import functools
import os
from collections.abc import Callable
from pathlib import Path

AT_FDCWD = -100
RENAME_NOREPLACE = 1
RENAME_EXCHANGE = 2
UNSUPPORTED = (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP)


@functools.cache
def renameat2_function() -> Callable[..., int] | None:
    """libc's `renameat2`, or None where there is none."""
    try:
        func = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    func.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    func.restype = ctypes.c_int
    return func


def _renameat2(src: Path, dst: Path, flags: int) -> bool:
    func = renameat2_function()
    if func is None:
        return False
    if func(AT_FDCWD, os.fsencode(src), AT_FDCWD, os.fsencode(dst), flags) == 0:
        return True
    code = ctypes.get_errno()
    if code in UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(dst))


def exchange(new: Path, target: Path) -> bool:
    """Atomically swap folders `new` and `target`; False when the system cannot."""
    return _renameat2(new, target, RENAME_EXCHANGE)


def place(new: Path, target: Path) -> bool:
    """Atomically move `new` to `target`, failing if `target` exists; False when the
    system cannot."""
    return _renameat2(new, target, RENAME_NOREPLACE)
