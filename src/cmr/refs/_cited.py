"""Which keys observations and codebooks cite, and the `cmr check` part of the lint.

An observation cites keys in `answers.<variable>.citations[].key` and, under codebooks with
events, in `events[].citations[].key`; a codebook names keys in `lineage.origin` and
`concepts.<id>.sources`. The dataset-scope check `cited-entries` reports, for the keys that
the checked observations cite, entries missing a required field or sharing a DOI with
another entry; unused entries are `cmr refs`'s alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from cmr.bibliography import Bibliography
from cmr.findings import Finding
from cmr.refs._entries import doi_findings, field_findings
from cmr.registry import register

register(
    "cited-entries",
    "dataset",
    ("bib-field-missing", "bib-doi-duplicate"),
    "The bibliography entries that the checked observations cite have the fields their type "
    "requires and a DOI no other entry has (`cmr refs` lints every entry).",
)

Where = tuple[str | int, ...]


def citations(data: Any) -> Iterator[tuple[Where, str]]:
    """Each citation of an observation's data: where its key stands, and the key."""
    if not isinstance(data, dict):
        return
    answers, events = data.get("answers"), data.get("events")
    holders: list[tuple[Where, Any]] = []
    if isinstance(answers, dict):
        holders += [(("answers", v), e) for v, e in answers.items() if isinstance(v, str)]
    if isinstance(events, list):
        holders += [(("events", i), e) for i, e in enumerate(events)]
    for where, holder in holders:
        cited = holder.get("citations") if isinstance(holder, dict) else None
        for i, item in enumerate(cited if isinstance(cited, list) else []):
            key = item.get("key") if isinstance(item, dict) else None
            if isinstance(key, str):
                yield (*where, "citations", i, "key"), key


def cited_keys(data: Any) -> frozenset[str]:
    """The keys an observation's data cites."""
    return frozenset(key for _, key in citations(data))


def codebook_citations(data: Any) -> Iterator[tuple[Where, str]]:
    """The keys a codebook's YAML names: `lineage.origin`, `concepts.<id>.sources[]`."""
    if not isinstance(data, dict):
        return
    lineage, concepts = data.get("lineage"), data.get("concepts")
    if isinstance(lineage, dict) and isinstance(lineage.get("origin"), str):
        yield ("lineage", "origin"), lineage["origin"]
    for cid, concept in concepts.items() if isinstance(concepts, dict) else ():
        sources = concept.get("sources") if isinstance(concept, dict) else None
        for i, key in enumerate(sources if isinstance(sources, list) else []):
            if isinstance(key, str):
                yield ("concepts", cid, "sources", i), key


def cited_entry_findings(bib: Bibliography, shown: str, cited: set[str]) -> list[Finding]:
    """The `cited-entries` check: findings on the entries of `cited` that exist."""
    keys = sorted(k for k in cited if k in bib.entries)
    return field_findings(bib, shown, keys) + doi_findings(bib, shown, keys)
