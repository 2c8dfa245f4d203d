"""The dataset's citation as BibTeX: an entry for the version, and the origin's entry as the
bibliography holds it (its bibliographic fields)."""

from __future__ import annotations

import re

from cmr.publish._metadata import Metadata
from cmr.publish._origin import Reference
from cmr.publish._people import Author

__all__ = ["bibtex"]

# the fields BibTeX and biblatex styles print; a bibliography's own notes stay out
_FIELDS = (
    *("author", "editor", "title", "subtitle", "booktitle", "journal", "journaltitle"),
    *("edition", "series", "volume", "number", "chapter", "pages", "publisher", "institution"),
    *("school", "organization", "address", "location", "type", "howpublished", "month"),
    *("year", "date", "doi", "isbn", "issn", "url", "urldate"),
)


def bibtex(meta: Metadata, origin: Reference | None) -> str:
    """`@misc{<codebook name>-<version>, ...}`, then the origin's entry."""
    fields = [
        ("author", " and ".join(_name(a) for a in meta.authors)),
        ("title", meta.title),
        ("year", (meta.date or "")[:4]),
        ("date", meta.date or ""),
        ("version", meta.version),
        ("howpublished", "Data set"),
        ("doi", meta.doi or ""),
        ("url", meta.url or meta.repository or ""),
        ("note", f"Licence: {meta.license}" if meta.license else ""),
    ]
    key = re.sub(r"[^A-Za-z0-9_.:-]+", "-", f"{meta.name}-{meta.version}")
    out = [_entry("misc", key, fields)]
    if origin is not None:
        kept = [(f, origin.fields[f]) for f in _FIELDS if f in origin.fields]
        out.append(_entry(origin.kind, origin.key, kept))
    return "\n".join(out)


def _entry(kind: str, key: str, fields: list[tuple[str, str]]) -> str:
    shown = [(name, value) for name, value in fields if value]
    width = max(len(name) for name, _ in shown)
    body = ",\n".join(f"  {name.ljust(width)} = {{{_escape(value)}}}" for name, value in shown)
    return f"@{kind}{{{key},\n{body},\n}}\n"


def _name(author: Author) -> str:
    return author.inverted() if author.is_person else "{" + author.name + "}"


def _escape(value: str) -> str:
    """`&`, `%`, `#` escaped, unless already; line breaks folded."""
    return re.sub(r"(?<!\\)([&%#])", r"\\\1", " ".join(value.split()))
