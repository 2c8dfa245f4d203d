"""The printable codebook as data: what its title page, contents and sections hold.

Everything comes from the codebook (and, for the citation and the concepts' sources, from the
dataset's metadata and bibliography), so any codebook renders without code changes. The
templates in `templates/` turn this into Markdown and HTML.
"""

from __future__ import annotations

from typing import Any

from cmr.bibliography import load_bibliography
from cmr.codebook import Codebook, Question
from cmr.project import Project
from cmr.publish._citation import Citable
from cmr.publish._origin import reference_of
from cmr.publish._plain import reference_text, text

__all__ = ["book_context"]


# the ids of the page's own sections, which no question or concept may take
SECTIONS = ("about", "contents", "lineage", "reference-moment", "questions", "concepts")


def book_context(project: Project, book: Codebook, cited: Citable) -> dict[str, Any]:
    """The codebook's title page, citation, lineage, concepts and questions, as plain data."""
    meta, origin = cited
    raw = book.raw
    anchors = _anchors(book)
    return {
        "title": book.title,
        "name": book.name,
        "version": book.version,
        "status": book.status,
        "released": raw.get("released"),
        "license": raw.get("license"),
        "description": _plain(raw.get("description")),
        "citation": text(meta, origin).strip(),
        "dataset_version": meta.version,
        "lineage": _lineage(book),
        "reference_moment": _plain(raw.get("reference_moment")),
        "questions": [_question(book, q, anchors) for q in book.questions],
        "concepts": _concepts(project, book, anchors),
    }


def _lineage(book: Codebook) -> dict[str, Any] | None:
    if book.lineage is None:
        return None
    differences = [_plain(d) for d in book.lineage.differences]
    return {"summary": _plain(book.lineage.summary), "differences": differences}


def _anchors(book: Codebook) -> dict[str, str]:
    """A unique page id for each question (by id) and concept (by `concept-<id>`): folded to
    letters, digits, `-` and `_`, with `-2`, `-3`, … where two fold alike or meet a section."""
    taken, out = set(SECTIONS), {}
    names = [q.id for q in book.questions] + [f"concept-{c}" for c in sorted(book.concepts)]
    for name in names:
        base = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in name.casefold())
        found, n = base or "item", 1
        while found in taken:
            n += 1
            found = f"{base}-{n}"
        taken.add(found)
        out[name] = found
    return out


def _question(book: Codebook, q: Question, anchors: dict[str, str]) -> dict[str, Any]:
    scale = q.scale
    return {
        "id": q.id,
        "anchor": anchors[q.id],
        "variable": q.variable,
        "label": q.label,
        "text": _plain(q.text),
        "summary": _plain(q.guidance.get("summary")),
        "answers": [
            (c, scale.label_of(c), _plain(q.guidance[c])) for c in scale.codes if c in q.guidance
        ],
        "hard_cases": [
            (_plain(h["case"]), _plain(h["rule"])) for h in q.guidance.get("hard_cases", [])
        ],
        "scale": {
            "label": scale.label,
            "values": [(v.code, v.value, v.label, _plain(v.description)) for v in scale.values],
            "missing": [(m.code, m.label, _plain(m.description)) for m in scale.missing],
        },
        "window": None if q.window is None else (q.window.label, _plain(q.window.description)),
        "concepts": [
            (anchors[f"concept-{c}"], book.concepts[c].label)
            for c in q.concepts
            if c in book.concepts
        ],
    }


def _concepts(project: Project, book: Codebook, anchors: dict[str, str]) -> list[dict[str, Any]]:
    if not book.concepts:
        return []
    bib = load_bibliography(project.bibliography, root=project.root)
    out = []
    for cid, concept in sorted(book.concepts.items()):
        sources = [
            reference_text(reference_of(bib.entries[key])) if key in bib.entries else key
            for key in concept.sources
        ]
        out.append(
            {
                "id": cid,
                "anchor": anchors[f"concept-{cid}"],
                "label": concept.label,
                "definition": _plain(concept.definition),
                "terms": [(term, _plain(t)) for term, t in concept.terms],
                "sources": sources,
            }
        )
    return out


def _plain(value: Any) -> str:
    """Folded text: YAML's line breaks inside a paragraph become spaces."""
    return " ".join(str(value).split()) if value is not None else ""
