"""The bibliography: BibTeX entries that observations cite by key.

Parsed with bibtexparser; entries keep the line they start on so that a bad entry or a key
defined twice is reported where it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cmr import _files
from cmr.catalogue import finding
from cmr.findings import Finding

MAX_BYTES = 64_000_000


@dataclass(frozen=True)
class Entry:
    key: str
    entry_type: str
    fields: dict[str, str]
    line: int
    field_lines: dict[str, int] = field(default_factory=dict)
    """The line each field starts on, by lower-case field name."""


@dataclass
class Bibliography:
    path: Path
    entries: dict[str, Entry] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    exists: bool = True

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(self.entries)


def load_bibliography(path: str | Path, root: Path | None = None) -> Bibliography:
    """Read a .bib file; problems become findings, never exceptions."""
    import bibtexparser
    from bibtexparser.model import DuplicateBlockKeyBlock, ParsingFailedBlock

    path = Path(path)
    bib = Bibliography(path)
    if not path.exists() and not path.is_symlink():
        bib.exists = False
        return bib
    raw = _files.read_bytes(path, root=root, limit=MAX_BYTES)
    text = _files.decode_text(raw) if isinstance(raw, bytes) else raw
    if isinstance(text, _files.FileProblem):
        bib.findings.append(finding(text.code, str(path), text.line, text.column, **text.params))
        return bib
    library = _quietly(bibtexparser.parse_string, text)  # type: ignore[attr-defined]
    for block in library.failed_blocks:
        line = (block.start_line or 0) + 1
        if isinstance(block, DuplicateBlockKeyBlock):
            problem = f"key {block.key!r} is defined twice"
        elif isinstance(block, ParsingFailedBlock):
            reason = str(block.error).strip() or "it is not closed, or a field is malformed"
            problem = f"cannot parse entry: {reason}"
        else:  # pragma: no cover - bibtexparser adds kinds of failed block over time
            problem = f"cannot parse block ({type(block).__name__})"
        bib.findings.append(finding("bibliography-invalid", str(path), line, 1, problem=problem))
    for entry in library.entries:
        fields = {f.key.lower(): str(f.value) for f in entry.fields}
        line = (entry.start_line or 0) + 1
        lines = {f.key.lower(): (f.start_line or entry.start_line or 0) + 1 for f in entry.fields}
        bib.entries[entry.key] = Entry(entry.key, entry.entry_type, fields, line, lines)
    if not bib.entries and not bib.findings:
        bib.findings.append(finding("bibliography-empty", str(path)))
    return bib


def _quietly(parse: Any, text: str) -> Any:
    """Parse with bibtexparser's own log messages held back: its problems become findings."""
    import contextlib
    import io
    import logging

    logger = logging.getLogger("bibtexparser")
    previous = logger.disabled
    logger.disabled = True
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            return parse(text)
    finally:
        logger.disabled = previous
