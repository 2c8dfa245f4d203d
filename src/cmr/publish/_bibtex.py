"""The dataset's citation as BibTeX: an entry for the version, and the origin's entry as the
bibliography holds it (its bibliographic fields)."""

from __future__ import annotations

import re

from cmr.publish._metadata import Metadata
from cmr.publish._origin import Reference
from cmr.publish._people import Author

__all__ = ["bibtex", "latex"]

# the fields BibTeX and biblatex styles print; a bibliography's own notes stay out
_FIELDS = (
    *("author", "editor", "title", "subtitle", "booktitle", "journal", "journaltitle"),
    *("edition", "series", "volume", "number", "chapter", "pages", "publisher", "institution"),
    *("school", "organization", "address", "location", "type", "howpublished", "month"),
    *("year", "date", "doi", "isbn", "issn", "url", "urldate"),
)


# LaTeX's special characters in plain text (CFF, settings and codebook values are plain text);
# braces become commands, so that a lone `{` cannot unbalance the entry
_LATEX = {
    **{ch: "\\" + ch for ch in "&%#$_"},
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_VERBATIM = ("doi", "url")  # read verbatim by biblatex and BibTeX's url package: no escapes


def bibtex(meta: Metadata, origin: Reference | None) -> str:
    """`@misc{<codebook name>-<version>, ...}`, then the origin's entry."""
    fields = [
        ("author", " and ".join(_name(a) for a in meta.authors)),
        ("title", latex(meta.title)),
        ("year", (meta.date or "")[:4]),
        ("date", meta.date or ""),
        ("version", latex(meta.version)),
        ("howpublished", "Data set"),
        ("doi", _verbatim(meta.doi or "")),
        ("url", _verbatim(meta.url or meta.repository or "")),
        ("note", f"Licence: {latex(meta.license)}" if meta.license else ""),
    ]
    key = re.sub(r"[^A-Za-z0-9_.:-]+", "-", f"{meta.name}-{meta.version}")
    out = [_entry("misc", key, fields)]
    if origin is not None:
        kept = [(f, _escape(f, origin.fields[f])) for f in _FIELDS if f in origin.fields]
        out.append(_entry(origin.kind, origin.key, kept))
    return "\n".join(out)


def latex(text: str) -> str:
    """Plain text as BibTeX field text: LaTeX's special characters escaped (`R\\&D`, a
    lone brace as `\\textbraceleft{}`), lines folded."""
    return "".join(_LATEX.get(ch, ch) for ch in " ".join(text.split()))


def _entry(kind: str, key: str, fields: list[tuple[str, str]]) -> str:
    shown = [(name, value) for name, value in fields if value]
    width = max((len(name) for name, _ in shown), default=0)
    body = "".join(f"  {name.ljust(width)} = {{{value}}},\n" for name, value in shown)
    return f"@{kind}{{{key},\n{body}}}\n"


def _name(author: Author) -> str:
    """`Family, Given`, each part braced when it holds a comma or ` and `; an organisation
    braced whole, so that BibTeX takes it as one name."""
    if not author.is_person:
        return "{" + latex(author.name) + "}"
    family, given = _part(author.family), _part(author.given)
    return f"{family}, {given}" if given else family


def _part(text: str) -> str:
    escaped = latex(text)
    return "{" + escaped + "}" if re.search(r",|\band\b", escaped, re.IGNORECASE) else escaped


def _verbatim(text: str) -> str:
    """An address as BibTeX reads it verbatim: braces percent-encoded, spaces dropped."""
    return "".join(text.split()).replace("{", "%7B").replace("}", "%7D")


def _escape(name: str, value: str) -> str:
    """A bibliography field: `&`, `%`, `#` escaped, unless already or in an address; line
    breaks folded."""
    if name in _VERBATIM:
        return " ".join(value.split())
    return re.sub(r"(?<!\\)([&%#])", r"\\\1", " ".join(value.split()))
