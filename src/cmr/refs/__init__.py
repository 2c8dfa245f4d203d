"""The bibliography lint (`cmr refs`) and the part of it `cmr check` runs.

>>> result = lint(Project.find())      # doctest: +SKIP

* `lint(project)`: every entry against every observation and codebook version;
* `cited_entry_findings(bib, shown, keys)`: the registered dataset check `cited-entries`
  (entries that observations cite, missing a required field or sharing a DOI);
* `missing_fields`, `normalise_doi`: the tables and rules behind them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cmr.refs._cited import citations, cited_entry_findings, cited_keys, codebook_citations
from cmr.refs._entries import normalise_doi
from cmr.refs._fields import REQUIRED, missing_fields

if TYPE_CHECKING:
    from cmr.refs._lint import lint


def __getattr__(name: str) -> object:
    """`lint` is imported when first used: `cmr check` imports this package for the
    `cited-entries` check and needs none of the lint's reading."""
    if name == "lint":
        from cmr.refs._lint import lint

        return lint
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "REQUIRED",
    "citations",
    "cited_entry_findings",
    "cited_keys",
    "codebook_citations",
    "lint",
    "missing_fields",
    "normalise_doi",
]
