"""`lint`: the bibliography against what cites it (`cmr refs`).

Reads every observation file and every codebook version's YAML for the keys they cite, then
reports: cited keys the bibliography lacks (at the citing line), entries nothing cites
(`bib-entry-unused`), entries missing required fields, duplicate keys (also ignoring case),
shared and malformed DOIs (at the entry's line in the bibliography).

>>> lint(Project.find()).success       # doctest: +SKIP
True
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from cmr import _files, _yaml
from cmr.bibliography import Bibliography, load_bibliography
from cmr.catalogue import finding
from cmr.codebook import Codebooks
from cmr.discovery import discover
from cmr.findings import Finding, Result
from cmr.project import Project, shown_relative_to_cwd
from cmr.refs._cited import Where, citations, codebook_citations
from cmr.refs._entries import case_duplicates, doi_findings, field_findings, malformed_dois

MAX_BYTES = 16_000_000


@dataclass
class _Uses:
    """What was read: the keys cited, and findings about what cites them."""

    keys: set[str] = field(default_factory=set)
    findings: list[Finding] = field(default_factory=list)
    files: int = 0


def lint(project: Project) -> Result:
    """Lint `project`'s bibliography against its observations and codebooks."""
    result = Result()
    shown = project.display(project.bibliography)
    bib = load_bibliography(project.bibliography, root=project.root)
    if not bib.exists:
        result.extend([finding("bibliography-missing", shown, bibliography=shown)])
        return result
    result.extend(replace(f, file=shown) for f in bib.findings)
    uses = _Uses()
    _read_observations(project, bib, shown, uses)
    _read_codebooks(project, bib, shown, uses)
    result.files = uses.files
    result.extend(uses.findings)
    result.extend(_entry_findings(bib, shown, uses.keys))
    return result


def _entry_findings(bib: Bibliography, shown: str, used: set[str]) -> list[Finding]:
    keys = list(bib.entries)
    unused = [
        finding("bib-entry-unused", shown, e.line, key=e.key)
        for e in bib.entries.values()
        if e.key not in used
    ]
    return [
        *unused,
        *field_findings(bib, shown, keys),
        *doi_findings(bib, shown, keys),
        *malformed_dois(bib, shown),
        *case_duplicates(bib, shown),
    ]


def _read_observations(project: Project, bib: Bibliography, shown: str, uses: _Uses) -> None:
    show = shown_relative_to_cwd()
    found = discover([project.observations_dir], show)
    uses.findings.extend(found.findings)
    for path in found.files:
        uses.files += 1
        data, text = _load(Path(path), show(path), project.root, uses)
        cited = list(citations(data))
        _note(cited, text, show(path), bib, shown, uses, footnotes=data)


def _read_codebooks(project: Project, bib: Bibliography, shown: str, uses: _Uses) -> None:
    show = shown_relative_to_cwd()
    for version in Codebooks(project.codebook_dir).versions:
        path = project.codebook_dir / f"{version}.yaml"
        uses.files += 1
        data, text = _load(path, show(path), project.root, uses)
        _note(list(codebook_citations(data)), text, show(path), bib, shown, uses, footnotes=None)


def _load(path: Path, display: str, root: Path, uses: _Uses) -> tuple[Any, str]:
    """The file's data and text; `(None, "")` after a finding when it cannot be read."""
    raw = _files.read_bytes(path, root=root, limit=MAX_BYTES)
    text = _files.decode_text(raw) if isinstance(raw, bytes) else raw
    if isinstance(text, _files.FileProblem):
        uses.findings.append(finding(text.code, display, text.line, text.column, **text.params))
        return None, ""
    try:
        return _yaml.loads(text), text
    except _yaml.YamlError as err:
        params = {"problem": err.message}
        uses.findings.append(finding("yaml-syntax", display, err.line, err.column, **params))
        return None, ""


def _note(
    cited: list[tuple[Where, str]],
    text: str,
    display: str,
    bib: Bibliography,
    shown: str,
    uses: _Uses,
    footnotes: Any,
) -> None:
    """Record the keys `cited`; a key the bibliography lacks is a finding where it stands."""
    uses.keys.update(key for _, key in cited)
    unknown = [(where, key) for where, key in cited if key not in bib.entries]
    locator = _yaml.Locator.try_compose(text) if unknown else None
    for where, key in unknown:
        at = locator.position(where) if locator else _yaml.Position(1, 1)
        footnote = _footnote(footnotes, where)
        if footnote is not None:
            found = finding(
                "citation-unresolved-footnote", display, at.line, at.column, footnote=footnote
            )
        else:
            close = difflib.get_close_matches(key, sorted(bib.entries), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            found = finding(
                "citation-unknown-key",
                display,
                at.line,
                at.column,
                key=key,
                bibliography=shown,
                hint=hint,
            )
        uses.findings.append(found)


def _footnote(data: Any, where: Where) -> int | None:
    """The memo footnote number of the citation at `where`, when it records one."""
    node = data
    for step in where[:-1]:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            return None
    number = node.get("footnote") if isinstance(node, dict) else None
    return number if isinstance(number, int) and not isinstance(number, bool) else None
