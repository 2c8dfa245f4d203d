"""What a citation says about the dataset: title, authors, licence, addresses, version, date.

Each field comes from the dataset's own data, in this order: the CITATION.cff at the dataset's
root, the `release` settings table (`cmr.publish._settings`), the latest codebook (`title`,
`license`, `description`). The version is `cmr.versioning.dataset_version` unless a release
names one; the date is `SOURCE_DATE_EPOCH`'s day, else the day of the commit at HEAD.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from cmr.codebook import Codebook
from cmr.findings import Finding
from cmr.project import Project
from cmr.publish._cfffile import read_cff
from cmr.publish._people import Author, from_setting
from cmr.publish._settings import release_settings
from cmr.versioning import commit_date, dataset_version

__all__ = ["CFF_FILE", "Metadata", "load_metadata", "release_date"]

CFF_FILE = "CITATION.cff"


@dataclass(frozen=True)
class Metadata:
    """The dataset as a citation describes it."""

    title: str
    authors: tuple[Author, ...]
    version: str
    date: str | None
    license: str | None = None
    repository: str | None = None
    url: str | None = None
    doi: str | None = None
    abstract: str | None = None
    keywords: tuple[str, ...] = ()
    name: str = "dataset"
    """The codebook's name (`codebook:`), which keys the dataset's BibTeX entry."""
    carried: dict[str, Any] = field(default_factory=dict, compare=False)
    """Fields of the dataset's CITATION.cff that its CFF carries as they are (`references`,
    `identifiers`, `contact`, …; `cmr.publish._cfffile.CARRIED`)."""

    def at(self, version: str, date: str | None) -> Metadata:
        """The same dataset at another version and date (a release)."""
        return replace(self, version=version, date=date)


def load_metadata(project: Project, book: Codebook) -> tuple[Metadata, list[Finding]]:
    """The dataset's metadata, with the findings of a CITATION.cff that cannot be used."""
    path = project.root / CFF_FILE
    cff, findings = read_cff(path, project.display(path))
    table = release_settings(project)
    pick = {k: cff.get(k) or table.get(k) for k in ("title", "repository", "url", "doi")}
    authors = cff.get("authors") or tuple(from_setting(a) for a in table.get("authors", ()))
    meta = Metadata(
        title=str(pick["title"] or book.title),
        authors=authors,
        version=dataset_version(project),
        date=release_date(project.root),
        license=_licence(cff.get("license")) or _text(book.raw.get("license")),
        repository=pick["repository"],
        url=pick["url"],
        doi=pick["doi"],
        abstract=_abstract(cff, table, book),
        keywords=_keywords(cff.get("keywords")),
        carried=dict(cff.get("carried") or {}),
        name=book.name,
    )
    return meta, findings


def release_date(root: Path) -> str | None:
    """`SOURCE_DATE_EPOCH`'s day (UTC), else the day of the commit at HEAD, else None."""
    from cmr.export._epoch import moment

    when = moment()
    if when is not None:
        return when.date().isoformat()
    return commit_date(root)


def _abstract(cff: dict[str, Any], table: dict[str, Any], book: Codebook) -> str | None:
    text = cff.get("abstract") or table.get("abstract") or book.raw.get("description")
    return " ".join(str(text).split()) if text else None


def _keywords(value: Any) -> tuple[str, ...]:
    """CFF `keywords`: a list of words; anything else gives none."""
    return tuple(k for k in value if _text(k)) if isinstance(value, list) else ()


def _licence(value: Any) -> str | None:
    """A CFF `license`: one SPDX id, or a list of them (read as a choice, `A OR B`)."""
    if isinstance(value, list):
        return " OR ".join(str(v) for v in value) or None
    return _text(value)


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
