"""The pages of the site, rendered from `Content` with the Jinja templates of this package.

`pages(content)` yields every file of the site as (relative path, bytes): the HTML pages,
the style sheet, the search script and its index, and the release files under `downloads/`.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

from cmr import _version
from cmr.codebook import Codebook
from cmr.site._anchors import anchor
from cmr.site._codebook import rules_by_question
from cmr.site._content import Content, cited_keys, release_version
from cmr.site._markdown import printable, prose
from cmr.site._matrix import LABELS
from cmr.site._model import CountryYear
from cmr.site._search import evidence_entries, index_entries, index_script
from cmr.site._stage import FileContent

NAV = (
    ("index.html", "Home"),
    ("codebook.html", "Codebook"),
    ("coverage.html", "Coverage"),
    ("downloads.html", "Downloads"),
    ("cite.html", "Cite"),
    ("changelog.html", "Changelog"),
    ("search.html", "Search"),
)
STATIC = ("style.css", "search.js")


def environment() -> jinja2.Environment:
    """The templates of `cmr.site`, HTML-escaped, with a stable layout of whitespace."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("cmr.site", "templates"),
        autoescape=True,
        keep_trailing_newline=True,
        finalize=printable,
    )
    env.filters["anchor"] = anchor
    env.filters["count_in"] = lambda code, counts: counts.get(code, 0)
    env.filters["prose"] = prose
    return env


def pages(content: Content) -> Iterator[tuple[str, FileContent]]:
    """Every file of the site as (relative path, bytes), one at a time (a large dataset's
    pages are written as they are made, not held in memory)."""
    env = environment()
    common = _common(content)

    def page(name: str, template: str, live: bool = False, **extra: Any) -> tuple[str, bytes]:
        ctx = {**common, "page": name, "live_search": live, **extra}
        return name, env.get_template(template).render(ctx).encode("utf-8")

    yield page("index.html", "index.html", True)
    yield page("search.html", "search.html", True)
    for version, book in content.books.items():
        yield page(content.book_pages[version], "codebook.html", **_codebook(content, book))
    yield page("coverage.html", "coverage.html", plots=content.plots(), universe=content.universe)
    yield page("downloads.html", "downloads.html", downloads=content.downloads,
               release_name=content.release_name)  # fmt: skip
    yield page("cite.html", "cite.html", citations=content.citations, origin=_origin(content),
               uncitable=content.uncitable)  # fmt: skip
    yield page("changelog.html", "changelog.html", dataset_changelog=content.changelog)
    for iso, years in content.countries.items():
        yield page(f"{iso}.html", "country.html", iso=iso, years=years)
    for cy in content.years:
        yield page(f"{cy.slug}.html", "country_year.html", **_country_year(content, cy))
    yield "search-index.js", index_script(index_entries(content.book, content.years))
    yield "search-evidence.js", index_script(evidence_entries(content.years), "CMR_SEARCH_EVIDENCE")
    for name in STATIC:
        yield name, resources.files("cmr.site").joinpath("static", name).read_bytes()
    yield from ((f"downloads/{d.name}", d.data) for d in content.downloads)
    if content.sums is not None:
        yield "downloads/SHA256SUMS", content.sums


def _common(content: Content) -> dict[str, Any]:
    book = content.book
    site = {
        "title": content.settings.title or book.title,
        "lang": content.settings.lang,
        "nav": NAV,
        "version": book.version,
        "dataset_version": release_version(Path(content.release_name or ".")) or "",
        "cmr_version": _version.__version__.split("+")[0],  # no local part: no build date
    }
    return {
        "site": site,
        "book": book,
        "versions": content.versions,
        "status_label": LABELS,
        "counts": content.counts,
        "countries": content.countries,
        "matrix": content.matrix,
        "latest": book.version,
        "book_pages": content.book_pages,
        "refs": content.references,
    }


def _country_year(content: Content, cy: CountryYear) -> dict[str, Any]:
    first = cy.main or cy.independent[0]
    events = [e for e in first.data.get("events") or [] if isinstance(e, dict)]
    ids = [anchor(e.get("id"), "event") for e in events]
    firsts = [at if at not in ids[:n] else "" for n, at in enumerate(ids)]  # a draft's twins
    return {
        "cy": cy,
        "questions": first.codebook.questions,
        "events": list(zip(events, firsts, strict=True)),
        "event_types": {t.code: t.label for t in first.codebook.events.types},
        "tiers": {t.code: t.label for t in first.codebook.source_tiers},
        "book_page": content.book_pages.get(first.codebook.version, "codebook.html"),
        "cited": content.cited(cited_keys(cy)),
    }


def _codebook(content: Content, book: Codebook) -> dict[str, Any]:
    """The page of one codebook version: its questions with their rules and its sources."""
    return {
        "book": book,
        "rules": rules_by_question(book)[0],
        "cited": content.cited([key for _, key in book.cited_keys()]),
    }


def _origin(content: Content) -> Any:
    lineage = content.book.lineage
    return content.ref(lineage.origin) if lineage is not None else None
