"""What a release adds to the exported panel: the codebook, the citation, the changelog and
the data licence."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from cmr.codebook import Codebooks
from cmr.project import Project
from cmr.publish._cff import cff_text
from cmr.publish._changelog import CHANGELOG
from cmr.publish._citation import Citable
from cmr.publish._metadata import CFF_FILE
from cmr.publish._render import render_codebook

__all__ = ["DATA_LICENCES", "write_contents"]

#: Licence files of the dataset copied into a release when present at its root.
DATA_LICENCES = ("LICENSE-DATA", "LICENSE-DATA.md", "LICENSE-DATA.txt")


def write_contents(
    project: Project, folder: Path, cited: Citable, when: dt.datetime, pdf: bool
) -> None:
    """Write the codebook, CITATION.cff, CHANGELOG.md and the data licence into `folder`."""
    meta, origin = cited
    _write(folder / CFF_FILE, cff_text(meta, origin).encode("utf-8"))
    shutil.copyfile(project.root / CHANGELOG, folder / CHANGELOG)
    for name in DATA_LICENCES:
        if (project.root / name).is_file():
            shutil.copyfile(project.root / name, folder / name)
    _codebook(project, folder / "codebook", cited, when, pdf)


def _codebook(project: Project, into: Path, cited: Citable, when: dt.datetime, pdf: bool) -> None:
    """Every codebook version's YAML, and the latest rendered for reading and printing."""
    books = Codebooks(project.codebook_dir)
    into.mkdir()
    for version in books.versions:
        shutil.copyfile(project.codebook_dir / f"{version}.yaml", into / f"{version}.yaml")
    latest = books.latest
    for fmt in ("md", "html", *(("pdf",) if pdf else ())):
        data = render_codebook(project, latest, fmt, cited=cited, when=when)
        _write(into / f"{latest.version}.{fmt}", data)


def _write(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    path.chmod(0o644)
