"""The keys a codebook cites (its lineage's origin, its concepts' sources) exist in the
dataset's bibliography: a dataset-scope check, since the codebook and the bibliography are
read together only for a dataset."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cmr.catalogue import finding
from cmr.codebook import CodebookError, located
from cmr.registry import register

if TYPE_CHECKING:
    from cmr.codebook import Codebook, Codebooks
    from cmr.findings import Finding

CHECK = register(
    "codebook-sources",
    "dataset",
    ("codebook-source-unknown",),
    "Every key a codebook cites in `lineage.origin` and `concepts.<id>.sources` is an entry "
    "of the dataset's bibliography.",
)


def source_findings(
    books: Codebooks, keys: frozenset[str] | None, bibliography: str
) -> list[Finding]:
    """One finding, on the codebook's line, per cited key the bibliography lacks (none when
    there is no bibliography to look in: that has its own finding)."""
    if keys is None:
        return []
    out = []
    for version in books.versions:
        try:
            book = books.get(version)
        except CodebookError:
            continue  # reported by the codebook scope
        if book is not None:
            out += _unknown(book, keys, bibliography)
    return out


def _unknown(book: Codebook, keys: frozenset[str], bibliography: str) -> list[Finding]:
    shown = str(book.path or book.version)
    found = [
        finding(
            "codebook-source-unknown",
            shown,
            pointer=pointer,
            version=book.version,
            where=pointer.rsplit(".", 1)[0] if pointer[-1].isdigit() else pointer,
            key=key,
            bibliography=bibliography,
        )
        for pointer, key in book.cited_keys()
        if key not in keys
    ]
    if found and book.path is not None:
        return located(found, book.path.read_text(encoding="utf-8"))
    return found
