"""Writing an export folder as a whole: every file goes into a temporary folder beside the
target, which replaces the target only once all files are complete.

An interrupted or failing export removes its temporary folder and leaves the previous export
as it was. The swap is two renames (old aside, new in place); if the second fails, the old
folder is put back.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyarrow as pa


def write_parquet(table: pa.Table, path: Path) -> None:
    """Parquet with zstd compression; dictionary columns stay dictionary-encoded."""
    import pyarrow.parquet as pq

    pq.write_table(
        table,
        path,
        compression="zstd",
        use_dictionary=True,
        write_statistics=True,
        store_schema=True,
    )


def write_csv(table: pa.Table, path: Path) -> None:
    """RFC 4180 CSV: UTF-8, a header, strings quoted (evidence may hold newlines and quotes)."""
    import pyarrow.csv as pacsv

    options = pacsv.WriteOptions(include_header=True, quoting_style="needed")
    pacsv.write_csv(table, path, write_options=options)


def is_empty(folder: Path) -> bool:
    return not any(folder.iterdir())


@contextmanager
def staging(target: Path) -> Iterator[Path]:
    """A temporary folder beside `target`; on a clean exit it replaces `target`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        yield tmp
        _fsync_files(tmp)
        swap(tmp, target)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)


def _fsync_files(folder: Path) -> None:
    for path in folder.iterdir():
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def swap(new: Path, target: Path) -> None:
    """Put folder `new` where `target` is, removing the old `target` afterwards."""
    # mkdtemp makes the folder private; give it the old folder's mode, or the umask's default
    new.chmod(target.stat().st_mode & 0o7777 if target.exists() else 0o777 & ~_umask())
    if not target.exists():
        os.rename(new, target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
    os.rmdir(old)
    os.rename(target, old)
    try:
        os.rename(new, target)
    except BaseException:
        os.rename(old, target)
        raise
    shutil.rmtree(old)
