"""What can be wrong with the entries of a bibliography on their own: required fields
missing, DOIs malformed or shared, keys that differ only in case.

Each function takes the parsed `Bibliography` and the path findings show, and returns
findings located at the entry (or at its `doi` field).

>>> normalise_doi("https://doi.org/10.1000/ABC")
'10.1000/abc'
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from cmr.bibliography import Bibliography, Entry
from cmr.catalogue import finding
from cmr.findings import Finding
from cmr.refs._fields import missing_fields

_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_DOI = re.compile(r"10\.\d{4,9}/\S+")


def normalise_doi(value: str) -> str:
    """A DOI compared as DOIs are: without a resolver prefix, ignoring case."""
    return _PREFIX.sub("", value.strip()).lower()


def field_findings(bib: Bibliography, shown: str, keys: Iterable[str]) -> list[Finding]:
    """`bib-field-missing` for each entry of `keys` that lacks a field its type requires."""
    out = []
    for key in keys:
        entry = bib.entries.get(key)
        missing = missing_fields(entry.entry_type, entry.fields) if entry else []
        if entry is not None and missing:
            where = (shown, entry.line)
            out.append(
                finding(
                    "bib-field-missing",
                    *where,
                    key=key,
                    entry_type=entry.entry_type.lower(),
                    missing=", ".join(missing),
                )
            )
    return out


def _doi_line(entry: Entry) -> int:
    return entry.field_lines.get("doi", entry.line)


def doi_findings(bib: Bibliography, shown: str, keys: Iterable[str]) -> list[Finding]:
    """`bib-doi-duplicate` for each entry of `keys` whose DOI another entry has too."""
    holders: dict[str, list[Entry]] = {}
    for entry in bib.entries.values():
        doi = entry.fields.get("doi", "")
        if _DOI.fullmatch(normalise_doi(doi)):
            holders.setdefault(normalise_doi(doi), []).append(entry)
    out = []
    for key in keys:
        cited = bib.entries.get(key)
        doi = normalise_doi(cited.fields.get("doi", "")) if cited else ""
        others = [e for e in holders.get(doi, []) if e.key != key]
        if cited is not None and others:
            other = others[0]
            out.append(
                finding(
                    "bib-doi-duplicate",
                    shown,
                    _doi_line(cited),
                    doi=doi,
                    key=key,
                    other=other.key,
                    other_line=other.line,
                )
            )
    return out


def malformed_dois(bib: Bibliography, shown: str) -> list[Finding]:
    """`bib-doi-malformed` for each entry whose `doi` is not `10.<registrant>/<suffix>`."""
    return [
        finding("bib-doi-malformed", shown, _doi_line(e), doi=e.fields["doi"], key=e.key)
        for e in bib.entries.values()
        if "doi" in e.fields and not _DOI.fullmatch(normalise_doi(e.fields["doi"]))
    ]


def case_duplicates(bib: Bibliography, shown: str) -> list[Finding]:
    """`bib-key-case-duplicate` for each key that an earlier key equals ignoring case."""
    first: dict[str, Entry] = {}
    out = []
    for entry in sorted(bib.entries.values(), key=lambda e: e.line):
        seen = first.setdefault(entry.key.lower(), entry)
        if seen is not entry:
            params = {"key": entry.key, "other": seen.key, "other_line": seen.line}
            out.append(finding("bib-key-case-duplicate", shown, entry.line, **params))
    return out
