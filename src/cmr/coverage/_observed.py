"""The observation files as coverage sees them: country, year, code, status and the moment
each describes, read without checking them (`cmr check` does that).

A file that cannot be read as YAML is kept as `unreadable`, placed by its path, so that its
country-year is neither counted as coded nor as missing without a word.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cmr import _files
from cmr._yaml import Locator, YamlError, loads
from cmr.catalogue import finding
from cmr.codebook import Codebook, Codebooks
from cmr.discovery import discover
from cmr.findings import Finding
from cmr.layout import layout
from cmr.observation import MAX_BYTES
from cmr.project import Project
from cmr.units import reference_moment, unit_of

FINAL, DRAFT, INDEPENDENT, UNREADABLE = "final", "draft", "independent", "unreadable"


@dataclass(frozen=True)
class Observed:
    """One observation file: where it is shown, what it codes, and what it says."""

    file: str
    path: str
    iso3c: str
    year: int
    status: str
    """final or draft for `<ISO3>/<year>.yaml`; independent for a coder's own coding;
    unreadable when the file is not well-formed YAML holding a mapping."""
    cown: int | None = None
    moment: dt.date | None = None
    how: str = ""
    """Where the moment comes from: `as_of`, a unit's reference date, or 31 December."""

    def position(self, key: str) -> tuple[int, int]:
        """Line and column of the top-level field `key` (of the file's start, if absent)."""
        text = _text(self.path, None)
        if text is None:
            return 1, 1
        locator = Locator.try_compose(text)
        if locator is None:
            return 1, 1
        where = locator.position((key,))
        return where.line, where.column

    def finding(self, code: str, key: str, **params: Any) -> Finding:
        """A finding of kind `code` at the top-level field `key` of this file."""
        line, column = self.position(key)
        return finding(code, self.file, line, column, iso3c=self.iso3c, year=self.year, **params)


def read_observed(project: Project, show: Callable[[str], str] = str) -> list[Observed]:
    """Every observation file of `project`, in path order."""
    books = Codebooks(project.codebook_dir)
    root = project.root
    folder = os.fspath(project.observations_dir)
    out = []
    for path in discover([project.observations_dir]).files:
        where = layout(os.path.abspath(path), folder)
        if where is not None:
            status = INDEPENDENT if where.independent else FINAL
            shown = show(path)
            out.append(_observed(path, shown, where.iso3c, where.year, status, books, root))
    return out


def _observed(
    path: str, shown: str, iso3c: str, year: int, status: str, books: Codebooks, root: Path
) -> Observed:
    data = _data(path, root)
    if data is None:
        return Observed(shown, path, iso3c, year, UNREADABLE)
    if status == FINAL and data.get("status") == "draft":
        status = DRAFT
    cown = data.get("cown")
    version = data.get("codebook")
    book = books.get(version) if isinstance(version, str) else None
    moment, how = _moment(book, data, year) if 1 <= year <= 9999 else (None, "")
    code = cown if isinstance(cown, int) and not isinstance(cown, bool) else None
    return Observed(shown, path, iso3c, year, status, code, moment, how)


def _text(path: str, root: Path | None) -> str | None:
    """The file's text, read as `cmr check` reads it (a FIFO, a device, a link out of the
    repository or an oversized file is never opened); None when it cannot be."""
    raw = _files.read_bytes(Path(path), root=root, limit=MAX_BYTES)
    text = raw if isinstance(raw, _files.FileProblem) else _files.decode_text(raw)
    return None if isinstance(text, _files.FileProblem) else text


def _data(path: str, root: Path) -> dict[str, Any] | None:
    text = _text(path, root)
    if text is None:
        return None
    try:
        data = loads(text)
    except (YamlError, RecursionError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _moment(book: Codebook | None, data: dict[str, Any], year: int) -> tuple[dt.date | None, str]:
    """The moment the observation describes, and where that moment comes from."""
    as_of = _date(data.get("as_of"))
    if book is None:
        return as_of or dt.date(year, 12, 31), "as_of" if as_of else "31 December"
    unit = unit_of(book, data)
    moment = reference_moment(book, {**data, "year": year})
    if unit is not None and not unit.as_of_required:
        return moment, f"the {unit.id} unit's reference date"
    return moment, "as_of" if as_of == moment else "31 December"


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
