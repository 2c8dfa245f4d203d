"""The dataset's citation as plain text (APA-like) and as RIS, for reference managers."""

from __future__ import annotations

from cmr.publish._metadata import Metadata
from cmr.publish._origin import Reference
from cmr.publish._people import Author

__all__ = ["reference_text", "ris", "text"]

# BibTeX entry types as RIS types
_RIS = {
    "article": "JOUR",
    "book": "BOOK",
    "inbook": "CHAP",
    "incollection": "CHAP",
    "inproceedings": "CPAPER",
    "report": "RPRT",
    "techreport": "RPRT",
    "thesis": "THES",
    "phdthesis": "THES",
    "mastersthesis": "THES",
    "online": "ELEC",
    "dataset": "DATA",
}


def text(meta: Metadata, origin: Reference | None) -> str:
    """Two paragraphs: the dataset version, then the data set it descends from."""
    year = meta.date[:4] if meta.date else "n.d."
    where = meta.url or meta.repository
    parts = [
        f"{_authors(meta.authors)} ({year})." if meta.authors else "",
        f"{meta.title} (Version {meta.version}) [Data set].",
        f"{where}." if where else "",
        f"https://doi.org/{meta.doi}" if meta.doi else "",
        f"Licence: {meta.license}." if meta.license else "",
    ]
    said = " ".join(" ".join(p.split()) for p in parts if p)  # one line, whatever the fields hold
    out = "Cite the dataset version:\n\n  " + said + "\n"
    if origin is not None:
        out += (
            "\nand the data set its codebook descends from:\n\n  " + reference_text(origin) + "\n"
        )
    return out


def reference_text(ref: Reference) -> str:
    """A bibliography entry as one APA-like line."""
    venue = ref.get("journal") or ref.get("booktitle") or ref.get("publisher")
    volume, issue = ref.get("volume"), ref.get("number")
    if issue:  # 62(7); an issue without its volume is named as such
        volume = f"{volume}({issue})" if volume else f"issue {issue}"
    located = ", ".join(p for p in (venue, volume, ref.get("pages")) if p)
    parts = [
        f"{_authors(ref.authors)} ({ref.get('year') or 'n.d.'}).",
        f"{ref.get('title')}.",
        f"{located}." if located else "",
        f"https://doi.org/{ref.get('doi')}" if ref.get("doi") else ref.get("url"),
    ]
    return " ".join(p for p in parts if p)


def _authors(authors: tuple[Author, ...]) -> str:
    names = [a.initials() for a in authors]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + ", & " + names[-1]


def ris(meta: Metadata, origin: Reference | None) -> str:
    """RIS records: the dataset (`TY  - DATA`), then the origin."""
    rows = [("TY", "DATA"), *(("AU", a.inverted()) for a in meta.authors), ("TI", meta.title)]
    rows += [("ET", meta.version), ("PY", (meta.date or "")[:4])]
    rows += [("DA", (meta.date or "").replace("-", "/")), ("DO", meta.doi or "")]
    rows += [("UR", meta.url or meta.repository or ""), ("ER", "")]
    if origin is not None:
        rows += _ris_origin(origin)
    return "".join(
        f"{tag}  - {' '.join(value.split())}".rstrip() + "\n"  # one line per tag, always
        for tag, value in rows
        if value.strip() or tag == "ER"
    )


def _ris_origin(ref: Reference) -> list[tuple[str, str]]:
    start, _, end = ref.get("pages").partition("–")
    rows = [("TY", _RIS.get(ref.kind, "GEN")), *(("AU", a.inverted()) for a in ref.authors)]
    rows += [("TI", ref.get("title")), ("T2", ref.get("journal") or ref.get("booktitle"))]
    rows += [("VL", ref.get("volume")), ("IS", ref.get("number")), ("SP", start), ("EP", end)]
    rows += [("PB", ref.get("publisher")), ("PY", ref.get("year")), ("DO", ref.get("doi"))]
    return [*rows, ("UR", ref.get("url")), ("ER", "")]
