"""Putting a finished release in place: made in a staging folder, moved to names that must not
exist, folder first and zip last, so that the zip's presence marks a complete release.

Nothing is ever replaced: a name taken meanwhile raises `FileExistsError`, and the staging
folder (with whatever was made) is removed whatever happens. SIGINT and SIGTERM are held back
while the two names are placed and while the staging folder is removed, so an interruption
leaves both names or neither, and no half-removed staging folder. A killed process (SIGKILL)
may leave `.cmr-dataset-VERSION.release-*` behind, which holds nothing anyone else wrote.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["created_folders", "place", "signals_held", "staging"]


@contextmanager
def created_folders(base: Path) -> Iterator[None]:
    """Make folder `base` and its missing parents; on the way out, remove those it made that
    are still empty (nothing was released into them)."""
    made = [p for p in (base, *base.parents) if not os.path.lexists(p)]
    base.mkdir(parents=True, exist_ok=True)
    try:
        yield
    finally:
        for folder in made:  # deepest first
            try:
                folder.rmdir()
            except OSError:  # not empty, or not ours to remove any more
                break


@contextmanager
def staging(base: Path, name: str) -> Iterator[Path]:
    """A fresh staging folder inside `base` for release `name`, removed on the way out."""
    stage = Path(tempfile.mkdtemp(prefix=f".{name}.release-", dir=base))
    try:
        yield stage
    finally:
        with signals_held():
            shutil.rmtree(stage, ignore_errors=True)


@contextmanager
def signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM held back (delivered on the way out), so that what the block does to
    the file system is not cut in half; a no-op where signals cannot be blocked."""
    import signal

    if not hasattr(signal, "pthread_sigmask"):  # Windows
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def place(stage: Path, folder: Path, archive: Path) -> None:
    """Move `stage/<folder name>` to `folder`, then `stage/<archive name>` to `archive`."""
    with signals_held():  # both names, or neither
        _place(stage, folder, archive)


def _place(stage: Path, folder: Path, archive: Path) -> None:
    from cmr.export import _rename

    if os.path.lexists(folder) or os.path.lexists(archive):
        raise FileExistsError(folder)
    made = stage / folder.name
    if not _rename.place(made, folder):  # renameat2 unavailable: the check above must do
        os.rename(made, folder)
    try:
        os.link(stage / archive.name, archive)  # never over an existing file
    except BaseException:
        os.rename(folder, made)  # back into the stage, which is removed
        raise
