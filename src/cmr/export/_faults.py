"""Fault injection, for tests only: `CMR_FAULT` makes an export die or fail at a named point.

    CMR_FAULT=export:<point>           the process SIGKILLs itself at <point>
    CMR_FAULT=export:<point>:<errno>   OSError(<errno>) is raised at <point>
    CMR_FAULT=export:<point>:sigint    the process gets SIGINT (Ctrl-C) at <point>
    CMR_FAULT=export:<errno>           the same at the first file written (point `write`)

<errno> is one of `ERRNOS`; <point> one of `POINTS`. This module is the only reader of the
variable; unset (as in every real run) it does nothing.
"""

from __future__ import annotations

import errno
import os
import signal
from pathlib import Path

ENV = "CMR_FAULT"
POINTS = (
    "locked",  # the lock is taken, nothing checked yet
    "staging",  # the staging folder exists and is marked, nothing written
    "write",  # about to write a file (each file)
    "staged-some",  # the Parquet files are written
    "staged-all",  # every table is written, datapackage.json is not
    "before-publish",  # everything is written and synced, just before the exchange
    "after-publish",  # the new set is in place, the old one not yet removed
    "mid-cleanup",  # the old set is half removed
)
ERRNOS = {
    "enospc": errno.ENOSPC,
    "eacces": errno.EACCES,
    "erofs": errno.EROFS,
    "eexist": errno.EEXIST,
    "enotempty": errno.ENOTEMPTY,
}


def at(point: str, path: Path | None = None) -> None:
    """Die or fail here when `CMR_FAULT` names this point; otherwise do nothing."""
    spec = os.environ.get(ENV, "")
    if not spec.startswith("export:"):
        return
    parts = spec.removeprefix("export:").split(":")
    if parts[0] in ERRNOS:
        parts = ["write", parts[0]]
    if parts[0] != point:
        return
    if len(parts) == 1:
        os.kill(os.getpid(), signal.SIGKILL)
    if parts[1] == "sigint":  # as Ctrl-C: KeyboardInterrupt at the next instruction
        os.kill(os.getpid(), signal.SIGINT)
        return
    code = ERRNOS[parts[1]]
    raise OSError(code, os.strerror(code), None if path is None else str(path))
