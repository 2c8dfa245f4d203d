"""The search index: questions, countries, country-years and evidence, as a plain script.

The site's search runs in the reader's browser from `search-index.js`, which sets
`window.CMR_SEARCH_INDEX` to a list of `[kind, title, url, text]` entries. A plain
`<script src>` loads it, so search works from `file://` (where browsers block module imports
and `fetch`) and on any static host, with no request to another host.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from cmr.codebook import Codebook
from cmr.site._model import CountryYear

Entry = tuple[str, str, str, str]


def index_entries(book: Codebook, years: Iterable[CountryYear]) -> list[Entry]:
    """Every entry, in a fixed order: questions, countries, country-years, evidence."""
    years = list(years)
    entries: list[Entry] = [
        ("question", f"{q.id} {q.label}", f"codebook.html#{q.variable}", f"{q.variable} {q.text}")
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
    for cy in years:
        entries += _evidence(cy)
    return entries


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
            out.append(("evidence", title, f"{cy.slug}.html#{q.variable}", text))
    return out


def index_script(entries: list[Entry]) -> str:
    """`search-index.js`: one assignment, one entry per line (diffs stay readable)."""
    rows = ",\n".join(json.dumps(list(e), ensure_ascii=False) for e in entries)
    rows = rows.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.CMR_SEARCH_INDEX = [\n{rows}\n];\n"
