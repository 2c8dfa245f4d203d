"""The downloads of a release folder (`dist/cmr-dataset-VERSION/`): files, sizes, checksums.

`SHA256SUMS` (as `sha256sum` writes it) lists the release's files. Each listed file is read,
its checksum compared, and copied into the site under `downloads/`; a missing file, a
mismatch or a line that cannot be read is a finding and no site is built.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from cmr.catalogue import finding
from cmr.errors import EnvironmentProblem
from cmr.findings import Finding

SUMS = "SHA256SUMS"
_LINE = re.compile(r"^([0-9a-fA-F]{64}) [ *]([^/\\]+)$")


@dataclass(frozen=True)
class Download:
    """One release file: its name, size in bytes, sha256 and content."""

    name: str
    size: int
    sha256: str
    data: bytes

    @property
    def size_text(self) -> str:
        """`1.2 MB`, `340 kB` or `12 bytes`: decimal units, as file managers show them."""
        for unit, scale in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
            if self.size >= scale:
                return f"{self.size / scale:.1f} {unit}"
        return f"{self.size} bytes"


def read_release(folder: Path, shown: str) -> tuple[list[Download], list[Finding]]:
    """The files `folder`'s SHA256SUMS lists, verified; findings for what does not hold."""
    sums = folder / SUMS
    if not sums.is_file():
        raise EnvironmentProblem(
            f"--release {shown}: no {SUMS} in it; give a release folder made by `cmr release` "
            "(dist/cmr-dataset-VERSION/)"
        )
    at = f"{shown.rstrip('/')}/{SUMS}"
    downloads, findings = [], []
    lines = sums.read_text(encoding="utf-8", errors="replace").splitlines()
    for number, line in enumerate(lines, start=1):
        match = _LINE.match(line)
        if not match:
            if line.strip():
                findings.append(finding("site-release-sums-malformed", at, number))
            continue
        expected, name = match[1].lower(), match[2]
        path = folder / name
        if not path.is_file() or path.is_symlink():
            findings.append(finding("site-release-file-missing", at, number, name=name))
            continue
        data = path.read_bytes()
        actual = hashlib.sha256(data).hexdigest()
        if actual != expected:
            mismatch = {"name": name, "actual": actual, "expected": expected}
            findings.append(finding("site-release-checksum", at, number, **mismatch))
            continue
        downloads.append(Download(name, len(data), actual, data))
    return sorted(downloads, key=lambda d: d.name), findings


def sums_file(folder: Path) -> bytes:
    """The release's SHA256SUMS as it is, offered beside the files it lists."""
    return (folder / SUMS).read_bytes()
