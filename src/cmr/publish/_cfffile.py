"""The dataset's own CITATION.cff, read as the source of its citation.

It must be a regular file of UTF-8 YAML (at most `LIMIT` bytes) that meets the CFF 1.2.0
schema (`cmr.publish._cffschema`) and names a title and its authors. Anything else is a
`cff-invalid` finding at the line of the problem; no field of a file with a problem is used.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cmr import _yaml
from cmr.catalogue import finding
from cmr.findings import Finding
from cmr.publish._cffschema import dotted, schema_problems
from cmr.publish._people import from_cff
from cmr.publish._textfile import read_text

__all__ = ["CARRIED", "LIMIT", "read_cff"]

LIMIT = 1 << 20  # bytes; CITATION.cff files are a few kilobytes
_KEPT = ("title", "url", "doi", "license", "abstract", "keywords")
#: CFF fields cmr does not make itself but carries, as the file has them, into what it writes
CARRIED = (
    "contact",
    "identifiers",
    "license-url",
    "preferred-citation",
    "references",
    "repository",
    "repository-artifact",
)


def read_cff(path: Path, shown: str) -> tuple[dict[str, Any], list[Finding]]:
    """CITATION.cff's fields (renamed to ours), or none with the findings saying why; no file,
    no fields."""
    read = read_text(path, LIMIT)
    if read.problem is not None:
        return {}, [finding("cff-invalid", shown, read.line, problem=read.problem)]
    if read.missing:
        return {}, []
    try:
        data = _yaml.loads(read.text)
    except _yaml.YamlError as exc:
        problem = f"not readable YAML ({exc.message})"
        return {}, [finding("cff-invalid", shown, exc.line, exc.column, problem=problem)]
    findings = _problems(read.text, data, shown)
    if findings:
        return {}, findings
    authors = tuple(a for a in map(from_cff, data["authors"]) if a is not None)
    carried = {k: data[k] for k in CARRIED if k in data}
    return {
        **{k: data.get(k) for k in _KEPT},
        "repository": data.get("repository-code"),
        "authors": authors,
        "carried": carried,
    }, []


def _problems(text: str, data: Any, shown: str) -> list[Finding]:
    """The schema's problems, then cmr's own (a title with text, authors who name someone),
    each at its line."""
    found = schema_problems(data) or _named(data)
    if not found:
        return []
    locator = _yaml.Locator.try_compose(text)
    out = []
    for place, problem in found:
        at = locator.position(place) if locator is not None else _yaml.Position(1, 1)
        out.append(finding("cff-invalid", shown, at.line, at.column, problem=problem))
    return out


def _named(data: dict[str, Any]) -> list[tuple[tuple[str | int, ...], str]]:
    title = data.get("title")
    if not (isinstance(title, str) and title.strip()):
        return [(("title",), "title needs text")]
    return [
        (
            ("authors", n),
            f"{dotted(('authors', n))} needs `family-names` (a person) or `name` (an organisation)",
        )
        for n, item in enumerate(data["authors"])
        if from_cff(item) is None
    ]
