"""The dataset's `CHANGELOG.md`, read as cmr reads every input: a regular UTF-8 file inside
the dataset, of sane size (`cmr._files`).

A changelog that is a link out of the dataset (to `/etc/passwd`), a folder, a FIFO, binary or
not UTF-8 is a finding at the file, and the site is not built: it would publish what it
should not, or hang.
"""

from __future__ import annotations

import os

from cmr import _files
from cmr.catalogue import finding
from cmr.findings import Finding
from cmr.project import Project

NAME = "CHANGELOG.md"
MAX_BYTES = 2_000_000


def read_changelog(project: Project) -> tuple[str | None, list[Finding]]:
    """(the changelog's text or None when there is none, findings when it cannot be shown)."""
    path = project.root / NAME
    if not os.path.lexists(path):
        return None, []
    raw = _files.read_bytes(path, root=project.root, limit=MAX_BYTES)
    text = _files.decode_text(raw) if isinstance(raw, bytes) else raw
    if isinstance(text, _files.FileProblem):
        at = project.display(path)
        return None, [finding(text.code, at, text.line, text.column, **text.params)]
    return text, []
