"""The pages of the site, rendered from `Content` with the Jinja templates of this package.

`pages(content)` returns every file of the site as `{relative path: bytes}`: the HTML pages,
the style sheet, the search script and its index, and the release files under `downloads/`.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

from cmr import _version
from cmr.site._content import Content, cited_keys, release_version
from cmr.site._markdown import prose
from cmr.site._matrix import LABELS
from cmr.site._model import CountryYear
from cmr.site._search import index_entries, index_script

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
    )
    env.filters["count_in"] = lambda code, counts: counts.get(code, 0)
    env.filters["prose"] = prose
    return env


def pages(content: Content) -> dict[str, bytes]:
    """Every file of the site, by relative path."""
    env = environment()
    common = _common(content)
    out: dict[str, str | bytes] = {}

    def page(name: str, template: str, live: bool = False, **extra: Any) -> None:
        ctx = {**common, "page": name, "live_search": live, **extra}
        out[name] = env.get_template(template).render(ctx)

    page("index.html", "index.html", True)
    page("search.html", "search.html", True)
    page("codebook.html", "codebook.html", rules=content.rules(), cited=_codebook_refs(content))
    page("coverage.html", "coverage.html", plots=content.plots(), universe=content.universe)
    page("downloads.html", "downloads.html", downloads=content.downloads,
         release_name=content.release_name)  # fmt: skip
    page("cite.html", "cite.html", citations=content.citations, origin=_origin(content),
         citation_missing="No citation could be made for this dataset.")  # fmt: skip
    page("changelog.html", "changelog.html", dataset_changelog=content.changelog)
    for iso, years in content.countries.items():
        page(f"{iso}.html", "country.html", iso=iso, years=years)
    for cy in content.years:
        page(f"{cy.slug}.html", "country_year.html", **_country_year(content, cy))
    out["search-index.js"] = index_script(index_entries(content.book, content.years))
    for name in STATIC:
        out[name] = resources.files("cmr.site").joinpath("static", name).read_bytes()
    files = {k: v.encode("utf-8") if isinstance(v, str) else v for k, v in out.items()}
    files.update({f"downloads/{d.name}": d.data for d in content.downloads})
    if content.sums is not None:
        files["downloads/SHA256SUMS"] = content.sums
    return files


def _common(content: Content) -> dict[str, Any]:
    book = content.book
    site = {
        "title": content.settings.title or book.title,
        "lang": content.settings.lang,
        "nav": NAV,
        "version": book.version,
        "dataset_version": release_version(Path(content.release_name or ".")) or "",
        "cmr_version": _version.__version__,
    }
    return {
        "site": site,
        "book": book,
        "versions": content.versions,
        "status_label": LABELS,
        "counts": content.counts,
        "countries": content.countries,
        "matrix": content.matrix,
        "refs": {key: content.ref(key) for key in content.bib.entries},
    }


def _country_year(content: Content, cy: CountryYear) -> dict[str, Any]:
    first = cy.main or cy.independent[0]
    events = [e for e in first.data.get("events") or [] if isinstance(e, dict)]
    return {
        "cy": cy,
        "questions": first.codebook.questions,
        "events": events,
        "event_types": {t.code: t.label for t in first.codebook.events.types},
        "tiers": {t.code: t.label for t in first.codebook.source_tiers},
        "cited": content.cited(cited_keys(cy)),
    }


def _codebook_refs(content: Content) -> list[Any]:
    return content.cited([key for _, key in content.book.cited_keys()])


def _origin(content: Content) -> Any:
    lineage = content.book.lineage
    return content.ref(lineage.origin) if lineage is not None else None
