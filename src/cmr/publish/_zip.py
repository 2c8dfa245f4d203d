"""A release's checksums and its zip, byte-identical across runs and machines.

The zip holds every file of the release folder under the folder's name, in sorted order, each
stored (not deflated: deflate's output differs between zlib builds, so the same files could
give other bytes elsewhere), dated with the release moment, with permissions 0644, created on
"Unix" and with no extra fields (no extended timestamps, no owners).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import zipfile
from pathlib import Path

__all__ = ["SUMS", "files_of", "write_sums", "write_zip"]

SUMS = "SHA256SUMS"
ZIP_EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)  # the earliest moment a zip can record


def files_of(folder: Path) -> list[str]:
    """Every file under `folder`, as sorted POSIX paths relative to it."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def write_sums(folder: Path) -> None:
    """`SHA256SUMS` in `folder`: `sha256  path` for every other file, as `sha256sum -c` reads."""
    lines = [f"{_sha256(folder / name)}  {name}\n" for name in files_of(folder) if name != SUMS]
    (folder / SUMS).write_text("".join(lines), encoding="utf-8", newline="\n")


def write_zip(folder: Path, target: Path, when: dt.datetime) -> None:
    """`folder` zipped into `target`, every entry under `folder.name/`, dated `when` (UTC)."""
    stamp = max(when.astimezone(dt.UTC), ZIP_EPOCH).timetuple()[:6]
    with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED, allowZip64=True) as archive:
        for name in files_of(folder):
            info = zipfile.ZipInfo(f"{folder.name}/{name}", date_time=stamp)
            info.create_system = 3  # Unix, so that the permissions below are read
            info.external_attr = (0o100644 & 0xFFFF) << 16
            info.compress_type = zipfile.ZIP_STORED
            large = (folder / name).stat().st_size > zipfile.ZIP64_LIMIT
            with (
                (folder / name).open("rb") as src,
                archive.open(info, "w", force_zip64=large) as dst,
            ):
                while chunk := src.read(1 << 20):
                    dst.write(chunk)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()
