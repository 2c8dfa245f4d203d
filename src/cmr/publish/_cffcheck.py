"""The citation cmr writes as CITATION.cff must be valid CFF 1.2.0 whatever it is made from.

The dataset's own CITATION.cff is checked when read (`cmr.publish._cfffile`) and the release
settings when loaded; what remains are values from the codebook (`license`, `title`,
`description`) and from the origin's bibliography entry (a `doi` written as a link, a `year`
that is not a number). Each is a `cite-field-invalid` finding at the line it comes from, so
that `cmr cite --format cff` and `cmr release` never write a file `cffconvert --validate`
refuses.
"""

from __future__ import annotations

from cmr.catalogue import finding
from cmr.codebook import Codebook
from cmr.findings import Finding
from cmr.project import Project
from cmr.publish._cff import cff_data
from cmr.publish._cffschema import Path_, dotted, schema_problems
from cmr.publish._metadata import Metadata
from cmr.publish._origin import Reference, line_of

__all__ = ["output_findings"]

# CFF reference keys and the BibTeX fields they come from (`cmr.publish._cff`)
_BIB = {"issue": "number", "start": "pages", "end": "pages", "authors": "author"}
_BIB.update({"collection-title": "booktitle", "year": "year", "institution": "institution"})
# CFF keys and the codebook fields they may come from
_BOOK = {"license": "license:", "title": "title:", "abstract": "description:"}


def output_findings(
    project: Project, book: Codebook, meta: Metadata, origin: Reference | None
) -> list[Finding]:
    """A `cite-field-invalid` finding for each place where the CFF of `meta` and `origin`
    breaks the CFF 1.2.0 schema."""
    out = []
    for place, problem in schema_problems(cff_data(meta, origin)):
        where, line = _source(project, book, origin, place)
        out.append(finding("cite-field-invalid", where, line, field=dotted(place), problem=problem))
    return out


def _source(
    project: Project, book: Codebook, origin: Reference | None, place: Path_
) -> tuple[str, int]:
    """The file and line the value at `place` comes from."""
    if place[:1] == ("references",) and origin is not None:
        key = str(place[2]) if len(place) > 2 else ""
        line = origin.lines.get(_BIB.get(key, key), origin.line)
        return project.display(project.bibliography), line
    shown = project.display(book.path) if book.path else "codebook"
    return shown, line_of(book, _BOOK.get(str(place[0]), "\0")) if place else 1
