"""What a release adds to the exported panel: the codebook, the citation, the changelog and
the data licence."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from cmr.codebook import Codebooks
from cmr.project import Project
from cmr.publish._cff import cff_text
from cmr.publish._changelog import CHANGELOG, released_changelog
from cmr.publish._citation import Citable
from cmr.publish._metadata import CFF_FILE
from cmr.publish._render import render_codebook
from cmr.publish._zip import SUMS

__all__ = ["DATA_LICENCES", "write_contents"]

#: Licence files of the dataset copied into a release when present at its root.
DATA_LICENCES = ("LICENSE-DATA", "LICENSE-DATA.md", "LICENSE-DATA.txt")


def write_contents(
    project: Project, folder: Path, cited: Citable, when: dt.datetime, pdf: bool
) -> dict[str, str]:
    """Write the codebook, CITATION.cff, CHANGELOG.md and the data licence into `folder`;
    return the title of each file written, by its path in `folder`."""
    meta, origin = cited
    _write(folder / CFF_FILE, cff_text(meta, origin).encode("utf-8"))
    changes = released_changelog(project, str(meta.version), when.date().isoformat())
    _write(folder / CHANGELOG, changes.encode("utf-8"))
    titles = {
        CFF_FILE: f"How to cite release {meta.version} (Citation File Format 1.2.0)",
        CHANGELOG: "What changed in each release of the dataset",
        SUMS: "The SHA-256 checksum of every other file (sha256sum -c SHA256SUMS)",
    }
    for name in DATA_LICENCES:
        if (project.root / name).is_file():
            shutil.copyfile(project.root / name, folder / name)
            titles[name] = "The licence of the data"
    return {**titles, **_codebook(project, folder / "codebook", cited, when, pdf)}


def _codebook(
    project: Project, into: Path, cited: Citable, when: dt.datetime, pdf: bool
) -> dict[str, str]:
    """Every codebook version's YAML, and the latest rendered for reading and printing."""
    books = Codebooks(project.codebook_dir)
    into.mkdir()
    titles = {}
    for version in books.versions:
        shutil.copyfile(project.codebook_dir / f"{version}.yaml", into / f"{version}.yaml")
        titles[f"{into.name}/{version}.yaml"] = f"Codebook {version}, as cmr reads it (YAML)"
    latest = books.latest
    for fmt in ("md", "html", *(("pdf",) if pdf else ())):
        data = render_codebook(project, latest, fmt, cited=cited, when=when)
        _write(into / f"{latest.version}.{fmt}", data)
        titles[f"{into.name}/{latest.version}.{fmt}"] = (
            f"Codebook {latest.version}, to read ({fmt})"
        )
    return titles


def _write(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    path.chmod(0o644)
