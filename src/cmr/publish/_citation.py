"""`citation(project, fmt)`: how to cite the dataset version and the data set it descends from.

>>> print(citation(Project.find(), "text"))      # doctest: +SKIP
Cite the dataset version:
  ...
"""

from __future__ import annotations

from collections.abc import Callable

from cmr.catalogue import finding
from cmr.codebook import Codebook, CodebookError, Codebooks
from cmr.findings import Finding
from cmr.project import Project
from cmr.publish._bibtex import bibtex
from cmr.publish._cff import cff_text
from cmr.publish._metadata import CFF_FILE, Metadata, load_metadata
from cmr.publish._origin import Reference, load_origin
from cmr.publish._plain import ris, text

__all__ = ["FORMATS", "Citable", "PublishError", "citable", "citation"]

Citable = tuple[Metadata, Reference | None]
FORMATS: dict[str, Callable[[Metadata, Reference | None], str]] = {
    "text": text,
    "bibtex": bibtex,
    "ris": ris,
    "cff": cff_text,
}


class PublishError(Exception):
    """Data that stop a citation or a release: the findings say where (exit 1)."""

    def __init__(self, findings: list[Finding]):
        super().__init__("; ".join(f.render() for f in findings))
        self.findings = findings


def citation(project: Project, fmt: str = "text", *, version: str | None = None) -> str:
    """The citation of the dataset in `project`, as `fmt` (one of `FORMATS`).

    `version` replaces the dataset's version (`cmr.versioning.dataset_version`). Raises
    `PublishError` when CITATION.cff or the codebook's origin cannot be used.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown citation format {fmt!r}; use one of {', '.join(FORMATS)}")
    meta, origin = citable(project, need_authors=fmt == "cff")
    if version is not None:
        meta = meta.at(version, meta.date)
    return FORMATS[fmt](meta, origin)


def citable(
    project: Project, book: Codebook | None = None, *, need_authors: bool = False
) -> Citable:
    """The dataset's metadata and origin (latest codebook by default), or `PublishError`;
    `need_authors`: for CITATION.cff, so a dataset without authors is an error too (CFF
    requires them), as is a value CFF 1.2.0 does not allow (`cmr.publish._cffcheck`)."""
    try:
        book = book or Codebooks(project.codebook_dir).latest
    except CodebookError as exc:
        raise PublishError(exc.findings) from None
    meta, findings = load_metadata(project, book)
    origin, missing = load_origin(project, book)
    if need_authors and not meta.authors:
        shown = project.display(project.root / CFF_FILE)
        missing.append(finding("cite-authors-missing", shown, where=shown))
    if findings or missing:
        raise PublishError([*findings, *missing])
    if need_authors:  # what will be written as CITATION.cff must be valid CFF
        from cmr.publish._cffcheck import output_findings

        invalid = output_findings(project, book, meta, origin)
        if invalid:
            raise PublishError(invalid)
    return meta, origin
