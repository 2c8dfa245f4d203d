"""The search index: questions, countries, country-years and evidence, as plain scripts.

The site's search runs in the reader's browser from two scripts of `[kind, title, url, text]`
entries: `search-index.js` (`window.CMR_SEARCH_INDEX`: questions, countries, country-years;
small, loaded with the page) and `search-evidence.js` (`window.CMR_SEARCH_EVIDENCE`: the
evidence and notes of every answer, the bulk of the index, added by the search script the
first time a reader types a word). Both are classic `<script src>` files, so search works from
`file://` (where browsers block module imports and `fetch`) and on any static host, with no
request to another host.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from cmr.codebook import Codebook
from cmr.site._anchors import anchor
from cmr.site._model import CountryYear

Entry = tuple[str, str, str, str]


def index_entries(book: Codebook, years: Iterable[CountryYear]) -> list[Entry]:
    """The entries loaded with the page, in a fixed order: questions, countries,
    country-years."""
    years = list(years)
    entries: list[Entry] = [
        (
            "question",
            f"{q.id} {q.label}",
            f"codebook.html#{anchor(q.variable)}",
            f"{q.variable} {q.text}",
        )
        for q in book.questions
    ]
    seen: dict[str, str] = {}
    for cy in years:
        seen.setdefault(cy.iso3c, cy.country)
    entries += [("country", name, f"{iso}.html", iso) for iso, name in sorted(seen.items())]
    entries += [
        ("country-year", f"{cy.country} {cy.year}", f"{cy.slug}.html", f"{cy.iso3c} {cy.status}")
        for cy in years
    ]
    return entries


def evidence_entries(years: Iterable[CountryYear]) -> Iterator[Entry]:
    """One entry per answer with evidence or a note, by country-year and question."""
    for cy in years:
        yield from _evidence(cy)


def _evidence(cy: CountryYear) -> list[Entry]:
    """One entry per answer of the main coding with its evidence (and note)."""
    if cy.main is None:
        return []
    out = []
    for q in cy.main.codebook.questions:
        entry = cy.main.answers.get(q.variable)
        if not isinstance(entry, dict):
            continue
        text = " ".join(str(entry.get(k) or "") for k in ("evidence", "note")).strip()
        if text:
            title = f"{cy.country} {cy.year}: {q.id} {q.label}"
            out.append(("evidence", title, f"{cy.slug}.html#{anchor(q.variable)}", text))
    return out


def index_script(entries: Iterable[Entry], name: str = "CMR_SEARCH_INDEX") -> Iterator[bytes]:
    """A script setting `window.<name>`, in chunks: one assignment, one entry per line."""
    yield f"window.{name} = [\n".encode()
    for count, entry in enumerate(entries):
        row = json.dumps(list(entry), ensure_ascii=False)
        row = row.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
        yield (",\n" if count else "").encode() + row.encode("utf-8")
    yield b"\n];\n"
