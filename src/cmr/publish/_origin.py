"""The data set a codebook descends from: its `lineage.origin`, looked up in the bibliography.

Nothing about the origin is written in cmr: the key comes from the codebook and every field
from the dataset's bibliography, so a codebook with another origin (or none) is cited the
same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cmr.bibliography import Entry, load_bibliography
from cmr.catalogue import finding
from cmr.codebook import Codebook
from cmr.findings import Finding
from cmr.project import Project
from cmr.publish._people import Author, from_bibtex

__all__ = ["Reference", "line_of", "load_origin", "reference_of"]


@dataclass(frozen=True)
class Reference:
    """A bibliography entry as citations need it."""

    key: str
    kind: str
    authors: tuple[Author, ...]
    fields: dict[str, str]
    line: int = 1
    lines: dict[str, int] = field(default_factory=dict, compare=False)
    """The line of the entry, and of each of its fields by lower-case name."""

    def get(self, name: str) -> str:
        """A field with BibTeX's braces removed and `--` as an en dash; "" when absent."""
        value = self.fields.get(name, "")
        return " ".join(value.replace("{", "").replace("}", "").replace("--", "–").split())


def load_origin(project: Project, book: Codebook) -> tuple[Reference | None, list[Finding]]:
    """The origin of `book` (None when it declares no lineage), or a finding when the
    bibliography lacks its key."""
    if book.lineage is None:
        return None, []
    key = book.lineage.origin
    bib = load_bibliography(project.bibliography, root=project.root)
    entry = bib.entries.get(key)
    if entry is None:  # why the bibliography could not give it, then what is missing
        errors = [f for f in bib.findings if f.severity == "error"]
        where = project.display(book.path) if book.path else "codebook"
        shown = project.display(project.bibliography)
        shown += "" if bib.exists else ", which does not exist"
        line = line_of(book, "origin:")
        return None, [
            *errors,
            finding("cite-origin-unknown", where, line, key=key, bibliography=shown),
        ]
    return reference_of(entry), []


def reference_of(entry: Entry) -> Reference:
    """A bibliography entry as a `Reference`."""
    authors = from_bibtex(entry.fields.get("author") or entry.fields.get("editor", ""))
    kind = entry.entry_type.lower()
    return Reference(entry.key, kind, authors, dict(entry.fields), entry.line, entry.field_lines)


def line_of(book: Codebook, needle: str) -> int:
    """The first line of the codebook file holding `needle` (1 when unreadable)."""
    try:
        lines = book.path.read_text(encoding="utf-8").splitlines() if book.path else []
    except (OSError, UnicodeDecodeError):
        return 1
    return next((n for n, text in enumerate(lines, 1) if text.strip().startswith(needle)), 1)
