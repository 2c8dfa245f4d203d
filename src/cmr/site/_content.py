"""Everything a site shows, gathered once from the checked dataset: `Content`.

The pages (`cmr.site._pages`) only lay out what is here; every list is in a fixed order, so
two builds from the same files give the same bytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from markupsafe import Markup

from cmr.bibliography import Bibliography
from cmr.codebook import Codebook, Codebooks
from cmr.observation import Observation
from cmr.site._codebook import VersionChanges, version_changes
from cmr.site._markdown import render
from cmr.site._matrix import Matrix, counts, matrix
from cmr.site._model import CountryYear, by_country, country_years
from cmr.site._plots import Plot, plots
from cmr.site._references import Reference, reference
from cmr.site._release import Download
from cmr.site._settings import SiteSettings
from cmr.site._universe import UniverseView


@dataclass
class Content:
    """The dataset as the site shows it."""

    book: Codebook
    codebooks: Codebooks
    years: list[CountryYear]
    bib: Bibliography
    versions: list[VersionChanges]
    settings: SiteSettings
    downloads: list[Download] = field(default_factory=list)
    release_name: str = ""
    sums: bytes | None = None
    universe: UniverseView | None = None
    citations: dict[str, str] = field(default_factory=dict)
    uncitable: dict[str, str] = field(default_factory=dict)
    """Citation formats the dataset cannot give, with the reason."""
    changelog: Markup | None = None

    @property
    def countries(self) -> dict[str, list[CountryYear]]:
        return by_country(self.years)

    @property
    def matrix(self) -> Matrix:
        return matrix(self.years)

    @property
    def counts(self) -> dict[str, int]:
        return counts(self.years)

    def plots(self) -> list[Plot]:
        """A plot per question of the latest codebook, over the final adjudicated codings."""
        finals = [cy.main for cy in self.years if cy.main is not None and cy.status == "final"]
        return plots(self.book.questions, finals)

    @cached_property
    def books(self) -> dict[str, Codebook]:
        """Every codebook version, oldest first, the latest included."""
        found = (self.codebooks.get(v) for v in self.codebooks.versions)
        return {book.version: book for book in found if book is not None}

    @property
    def book_pages(self) -> dict[str, str]:
        """The page of each codebook version: `codebook.html` for the latest."""
        latest = self.book.version
        return {v: "codebook.html" if v == latest else f"codebook-{v}.html" for v in self.books}

    @cached_property
    def references(self) -> dict[str, Reference]:
        """Every entry of the bibliography as a reference, made once."""
        return {key: reference(key, entry) for key, entry in self.bib.entries.items()}

    def ref(self, key: str) -> Reference:
        """The reference of `key` (the bare key when the bibliography lacks it)."""
        found = self.references.get(key)
        return found if found is not None else reference(key, None)

    def cited(self, keys: list[str]) -> list[Reference]:
        """The references of `keys` (each once), by their short form and key."""
        found = {key: self.ref(key) for key in keys}
        return sorted(found.values(), key=lambda r: (r.short.casefold(), r.key))


def gather(
    books: Codebooks, observations: list[Observation], bib: Bibliography,
    settings: SiteSettings, changelog: str | None = None,
) -> Content:  # fmt: skip
    """The content of the site from the checked `observations` and the dataset's
    `changelog` text."""
    return Content(
        books.latest,
        books,
        country_years(observations),
        bib,
        version_changes(books),
        settings,
        changelog=render(changelog) if changelog is not None else None,
    )


def cited_keys(cy: CountryYear) -> list[str]:
    """Every bibliography key a country-year's codings cite (answers and events)."""
    keys: list[str] = []
    for obs in cy.codings:
        items: list[Any] = [e for e in obs.answers.values() if isinstance(e, dict)]
        items += [e for e in obs.data.get("events") or [] if isinstance(e, dict)]
        for item in items:
            for c in item.get("citations") or []:
                if isinstance(c, dict) and isinstance(c.get("key"), str):
                    keys.append(c["key"])
    return keys


def release_version(folder: Path) -> str | None:
    """`1.2.0` for a release folder named `cmr-dataset-1.2.0`, else None."""
    found = re.fullmatch(r"cmr-dataset-(.+)", folder.name)
    return found[1] if found else None
