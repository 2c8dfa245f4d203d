"""`cmr export --allow-partial`: a panel of the observations that have no error.

Without the option any error stops the export. With it, every observation file an error is
about (including files that cannot be read at all) is left out and the rest is exported; the
package then says so in `datapackage.json` (`cmr.partial`, `cmr.excluded`). Errors that are
not about an observation file (a broken codebook, bibliography or settings) still stop it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from cmr.checking import SUFFIXES
from cmr.findings import Finding


def left_out(
    findings: Iterable[Finding], observations_dir: Path, allow_partial: bool
) -> set[str] | None:
    """The files `findings`' errors leave out of the panel: none without errors; None when
    the errors stop the export (always, unless `allow_partial`)."""
    findings = list(findings)
    if not any(f.severity == "error" for f in findings):
        return set()
    if not allow_partial:
        return None
    files, partial_ok = excluded(findings, observations_dir)
    return files if partial_ok else None


def excluded(findings: Iterable[Finding], observations_dir: Path) -> tuple[set[str], bool]:
    """The observation files (as findings show them) that errors leave out, and whether
    every error is about one of them (only then may a partial panel be written)."""
    files: set[str] = set()
    blocked = False
    for item in findings:
        if item.severity != "error":
            continue
        if _is_observation_file(item.file, observations_dir):
            files.add(item.file)
        else:
            blocked = True
    return files, not blocked


def _is_observation_file(shown: str, observations_dir: Path) -> bool:
    path = os.path.realpath(shown)
    root = os.path.join(os.path.realpath(observations_dir), "")
    return path.startswith(root) and path.endswith(SUFFIXES)


def relative(shown: Iterable[str], root: Path) -> list[str]:
    """Files as findings show them, relative to the dataset folder (the same from any
    working directory, so that the package stays reproducible), sorted."""
    base = os.path.abspath(root)
    return sorted(Path(os.path.relpath(os.path.abspath(s), base)).as_posix() for s in shown)
