"""Texts shown as HTML: a dataset's CHANGELOG.md (headings, lists, paragraphs) and the
codebook's prose (`code` spans), everything else escaped.

Only the plain structure of a changelog is read (`#` headings, `-`/`*` list items, paragraphs,
inline `code`); other markup stays as the text it is. Headings are moved below the page's own
(`#` becomes h3), so the page keeps one h1 and its headings stay in order.
"""

from __future__ import annotations

import re
from html import escape

from markupsafe import Markup

_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_ITEM = re.compile(r"^\s*[-*]\s+(.*)$")
_CODE = re.compile(r"`([^`]+)`")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPECIAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def printable(value: object) -> object:
    """`value` with control characters (a NUL, an escape), which HTML forbids, shown as U+FFFD,
    and any direction override it opens closed at its end, so that a right-to-left override
    in a title cannot reverse the page's text after it; the templates' `finalize`, so every
    text a page prints passes through it."""
    if not isinstance(value, str) or not _SPECIAL.search(value):
        return value
    cleaned = _CONTROL.sub("\ufffd", value) + _closing(value)
    return Markup(cleaned) if isinstance(value, Markup) else cleaned


def _closing(text: str) -> str:
    """The PDF and PDI characters that close the embeddings and isolates `text` leaves open."""
    embeddings = sum(map(text.count, "\u202a\u202b\u202d\u202e")) - text.count("\u202c")
    isolates = sum(map(text.count, "\u2066\u2067\u2068")) - text.count("\u2069")
    return "\u202c" * max(0, embeddings) + "\u2069" * max(0, isolates)


def _inline(text: str) -> str:
    return _CODE.sub(lambda m: f"<code>{m[1]}</code>", escape(text.strip()))


def prose(text: object) -> Markup:
    """A codebook text with its `code` spans as <code>, everything else escaped."""
    return Markup(_inline(str(text)))


def render(text: str, top: int = 3) -> Markup:
    """HTML for changelog `text`; the first heading level becomes h`top`."""
    out: list[str] = []
    para: list[str] = []
    items: list[str] = []

    def flush() -> None:
        if para:
            out.append(f"<p>{_inline(' '.join(para))}</p>")
            para.clear()
        if items:
            out.append("<ul>" + "".join(f"<li>{_inline(i)}</li>" for i in items) + "</ul>")
            items.clear()

    for line in text.splitlines():
        heading, item = _HEADING.match(line), _ITEM.match(line)
        if heading or not line.strip():
            flush()
        if heading:
            level = min(6, top + len(heading[1]) - 1)
            out.append(f"<h{level}>{_inline(heading[2])}</h{level}>")
        elif item:
            if para:
                flush()
            items.append(item[1])
        elif line.strip():
            if items and line.startswith((" ", "\t")):
                items[-1] += " " + line.strip()
            else:
                if items:
                    flush()
                para.append(line)
    flush()
    return Markup("\n".join(out))
