"""Publishing a site folder in one atomic step, with the machinery of `cmr export`.

The files are written into a marked staging folder beside the target
(`.<name>.cmr-stage-<random>`, see `cmr.export._publish`); once all are written and synced the
marker goes and the staging folder replaces the target in one exchange. The old site, now
under the staging name, is removed when its manifest proves cmr wrote all of it. Leftovers of
interrupted builds are removed the same way, and only then.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from cmr.export._publish import MARKER, fsync, is_stage, publish, stage_prefix
from cmr.site._owned import MANIFEST, manifest_text, remove_owned

MARKER_TEXT = "An unfinished `cmr site`; the next build removes this folder.\n"


@contextmanager
def staging(target: Path) -> Iterator[Path]:
    """A marked staging folder beside `target`; on a clean exit it replaces `target`."""
    folder = Path(tempfile.mkdtemp(prefix=stage_prefix(target), dir=target.parent))
    old: Path | None = folder
    try:
        (folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        yield folder
        _seal(folder)
        old = publish(folder, target)
    finally:
        if old is not None:
            with suppress(OSError):  # what stays behind goes with the next build
                remove_owned(old, MARKER)


FileContent = bytes | Iterable[bytes]
"""A file's bytes, or its bytes in chunks (a large index is written as it is made)."""


def write_files(folder: Path, files: Iterable[tuple[str, FileContent]]) -> list[str]:
    """Write `files` (relative posix path, content) and their manifest into `folder`; return
    the paths written, sorted."""
    digests = {}
    for name, content in files:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        with path.open("wb") as fh:
            for chunk in [content] if isinstance(content, bytes) else content:
                fh.write(chunk)
                digest.update(chunk)
        digests[name] = digest.hexdigest()
    (folder / MANIFEST).write_text(manifest_text(digests), encoding="utf-8")
    return sorted(digests)


def _seal(folder: Path) -> None:
    """Sync every file and folder, then drop the marker: the folder is a complete site."""
    for parent, _dirs, names in os.walk(folder):
        for name in names:
            fsync(Path(parent) / name)
        fsync(Path(parent))
    (folder / MARKER).unlink()
    fsync(folder)


def clean_leftovers(target: Path) -> None:
    """Remove what interrupted builds of `target` left beside it, when provably theirs."""
    for name in sorted(os.listdir(target.parent)):
        path = target.parent / name
        if not is_stage(target, name):
            continue
        with suppress(OSError):  # best effort: a leftover never stops a build
            if stat.S_ISDIR(os.lstat(path).st_mode):
                remove_owned(path, MARKER)
