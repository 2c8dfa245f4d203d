"""The dataset's citation as a Citation File Format 1.2.0 document (CITATION.cff).

`cmr release` writes it into each release with the release's version and date; `cmr cite
--format cff` prints it. The origin data set goes under `references`, as CFF asks for works
a dataset builds on.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from cmr.publish._metadata import Metadata
from cmr.publish._origin import Reference

__all__ = ["cff_data", "cff_text"]

# BibTeX entry types as CFF reference types (CFF 1.2.0 `definitions.reference.type`)
_TYPES = {
    "article": "article",
    "book": "book",
    "inbook": "book",
    "incollection": "book",
    "inproceedings": "conference-paper",
    "proceedings": "proceedings",
    "report": "report",
    "techreport": "report",
    "thesis": "thesis",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "online": "website",
    "dataset": "data",
    "manual": "manual",
    "unpublished": "unpublished",
}
MESSAGE = (
    "If you use this dataset, please cite this version of it, and the data set its codebook "
    "descends from (listed under references)."
)


def cff_data(meta: Metadata, origin: Reference | None) -> dict[str, Any]:
    """The CFF mapping, in CFF's usual field order, without empty fields."""
    out: dict[str, Any] = {
        "cff-version": "1.2.0",
        "message": MESSAGE if origin is not None else MESSAGE.split(", and")[0] + ".",
        "type": "dataset",
        "title": meta.title,
        "version": meta.version,
        "date-released": meta.date,
        "authors": [a.cff() for a in meta.authors] or None,
        "license": _licence(meta.license),
        "repository-code": meta.repository,
        "url": meta.url,
        "doi": meta.doi,
        "abstract": meta.abstract,
        "keywords": list(meta.keywords) or None,
        "references": _references(meta, origin) or None,
    }
    for key, value in meta.carried.items():  # as the dataset's own CITATION.cff has them
        if key != "references":
            out.setdefault(key, value)
    return {k: v for k, v in out.items() if v}


def _references(meta: Metadata, origin: Reference | None) -> list[dict[str, Any]]:
    """The origin, then the references of the dataset's own CITATION.cff (the origin not
    twice: a reference with its DOI or title is left out)."""
    first = [_reference(origin)] if origin is not None else []
    same = {str(v).casefold() for r in first for k, v in r.items() if k in ("doi", "title")}
    own = meta.carried.get("references") or []
    kept = [r for r in own if not same & {str(r.get(k, "")).casefold() for k in ("doi", "title")}]
    return first + kept


def cff_text(meta: Metadata, origin: Reference | None) -> str:
    """CITATION.cff's text: YAML, deterministic, UTF-8 characters kept."""
    return yaml.safe_dump(cff_data(meta, origin), sort_keys=False, allow_unicode=True, width=100)


def _reference(ref: Reference) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": _TYPES.get(ref.kind, "generic"),
        "title": ref.get("title"),
        "authors": [a.cff() for a in ref.authors] or [{"name": "anonymous"}],
        "journal": ref.get("journal"),
        "collection-title": ref.get("booktitle"),
        "volume": _number(ref.get("volume")),
        "issue": ref.get("number"),
        "publisher": _entity(ref.get("publisher")),
        "institution": _entity(ref.get("institution") or ref.get("school")),
        "year": _number(ref.get("year")),
        "doi": _doi(ref.get("doi")),
        "url": ref.get("url"),
    }
    start, _, end = ref.get("pages").partition("–")
    out.update({"start": _number(start), "end": _number(end)})
    return {k: v for k, v in out.items() if v not in ("", None)}


def _licence(text: str | None) -> str | list[str] | None:
    """CFF's `license`: one SPDX id, or a list of them for a choice (`A OR B`)."""
    choice = (text or "").split(" OR ")
    return choice if len(choice) > 1 else text


def _doi(text: str) -> str:
    """A DOI as CFF writes it (`10.1177/...`), without a resolver or `doi:` in front."""
    return re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", text, flags=re.IGNORECASE)


def _entity(name: str) -> dict[str, str] | None:
    return {"name": name} if name else None


def _number(text: str) -> int | str | None:
    text = text.strip()
    if not text:
        return None
    return int(text) if re.fullmatch(r"\d+", text) else text
