"""Publishing an export folder in one atomic step, and cleaning up after interrupted ones.

Files are written into a staging folder beside the target (`.<name>.cmr-stage-<random>`: the
same parent, so the same file system), marked by a `.cmr-staging` file while incomplete. Once
every file is written and synced the marker goes, and the staging folder and the target are
exchanged by one `renameat2(RENAME_EXCHANGE)` (a target that does not exist yet is created by
`RENAME_NOREPLACE`): at every moment the target is either the complete old set or the complete
new one. The old set, now under the staging name, is then removed, listed files only; the
releases it held (`cmr.export._manifest.is_release`) are first moved into the new target, one
rename each, and an export that finds them in a leftover staging folder moves them back.

Where `renameat2` is unavailable (see `cmr.export._rename`) the exchange is two renames, old
aside then new in place; a kill between the two leaves no target until the next export, which
cleans up both sets beside it and writes the target anew.

An export first removes the leftovers of interrupted ones: folders beside the target with the
staging name pattern that cmr can prove it made, by the marker or by a manifest listing every
file in them (`cmr.export._manifest`), and empty ones. Anything else is left alone.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from cmr.export import _faults, _rename
from cmr.export._manifest import PACKAGE, foreign, is_release

MARKER = ".cmr-staging"
MARKER_TEXT = "An unfinished `cmr export`; the next export removes this folder.\n"


def stage_prefix(target: Path) -> str:
    return f".{target.name}.cmr-stage-"


def is_stage(target: Path, name: str) -> bool:
    """True when `name` is a staging name of `target` (mkdtemp's 8 random characters)."""
    return re.fullmatch(re.escape(stage_prefix(target)) + r"[a-z0-9_]{8}", name) is not None


@contextmanager
def staging(target: Path) -> Iterator[Path]:
    """A marked staging folder beside `target`; on a clean exit it replaces `target`."""
    folder = Path(tempfile.mkdtemp(prefix=stage_prefix(target), dir=target.parent))
    old: Path | None = folder
    try:
        (folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        _faults.at("staging")
        yield folder
        _seal(folder)
        _faults.at("before-publish")
        old = publish(folder, target)
        _faults.at("after-publish")
    finally:
        if old is not None:
            with suppress(OSError):  # what stays behind goes with the next export
                carry_releases(old, target)
                discard(old, "mid-cleanup")


def _seal(folder: Path) -> None:
    """Sync every file, then drop the marker: the folder is now a complete export."""
    for path in folder.iterdir():
        fsync(path)
    (folder / MARKER).unlink()
    fsync(folder)


def fsync(path: Path) -> None:
    """Sync a file or folder to disk (a no-op for a folder on Windows)."""
    if os.name == "nt" and path.is_dir():  # Windows cannot open a folder to sync it
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish(new: Path, target: Path) -> Path | None:
    """Put folder `new` at `target` in one step; return where the old target now is."""
    new.chmod(_mode(target))
    if not os.path.lexists(target):
        if not _rename.place(new, target):
            os.rename(new, target)
        old = None
    elif _rename.exchange(new, target):
        old = new
    else:
        old = _two_step(new, target)
    fsync(target.parent)
    return old


def _two_step(new: Path, target: Path) -> Path:
    """The fallback: the old target aside (under a staging name), then `new` in its place."""
    aside = Path(tempfile.mkdtemp(prefix=stage_prefix(target), dir=target.parent))
    os.rmdir(aside)
    os.rename(target, aside)
    try:
        os.rename(new, target)
    except BaseException:
        os.rename(aside, target)
        raise
    return aside


def _mode(target: Path) -> int:
    """The old folder's permissions, or what a plain mkdir gives (mkdtemp gives 0700)."""
    if target.exists():
        return target.stat().st_mode & 0o7777
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o777 & ~mask


def carry_releases(old: Path, target: Path) -> None:
    """Move the releases of folder `old` into `target` (made if missing), never over anything
    there."""
    names = sorted(n for n in os.listdir(old) if is_release(n))
    if old == target or not names:
        return
    if not os.path.lexists(target):  # killed between the two renames of the fallback
        os.mkdir(target)
    for name in names:
        if not os.path.lexists(target / name):
            os.rename(old / name, target / name)


def clean_leftovers(target: Path) -> None:
    """Remove what interrupted exports to `target` left beside it, when provably theirs,
    after moving back the releases an interrupted export left in one."""
    for name in sorted(os.listdir(target.parent)):
        path = target.parent / name
        if not is_stage(target, name):
            continue
        with suppress(OSError):  # best effort: a leftover never stops an export
            if stat.S_ISDIR(os.lstat(path).st_mode):
                carry_releases(path, target)
                discard(path)


def discard(folder: Path, point: str | None = None) -> bool:
    """Remove staging or old export `folder` if cmr provably made it; True when removed.

    The proof (the marker, else `datapackage.json`) goes last, so that a kill half-way leaves
    a folder the next export can still prove is cmr's.
    """
    names = os.listdir(folder)
    if any(is_release(n) for n in names) or (MARKER not in names and foreign(folder)):
        return False  # a release is never removed, and a folder cmr cannot prove its own
    if not all(stat.S_ISREG(os.lstat(folder / n).st_mode) for n in names):
        return False
    last = [n for n in (PACKAGE, MARKER) if n in names]
    for count, name in enumerate([*sorted(set(names) - set(last)), *last]):
        os.unlink(folder / name)
        if count == 0 and point is not None:
            _faults.at(point)
    os.rmdir(folder)
    return True
