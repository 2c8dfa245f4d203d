"""OLD and NEW of `cmr codebook diff`: a version of the codebook folder or a codebook file."""

from __future__ import annotations

from pathlib import Path

from cmr.codebook import Codebook, CodebookError, Codebooks, load_codebook
from cmr.errors import EnvironmentProblem, one_line


def resolve(books: Codebooks, name: str) -> Codebook:
    """The codebook `name` names: a version in `books` first, else a path to a file.

    Raises `EnvironmentProblem` (one line) for an unknown version or an unreadable file.
    """
    try:
        book = books.get(name)
        if book is None and _looks_like_path(name):
            book = load_codebook(Path(name))
    except CodebookError as exc:
        first = exc.findings[0]
        raise EnvironmentProblem(
            f"{one_line(name)}: cannot use this codebook: {first.message}"
        ) from None
    if book is None:
        known = ", ".join(books.versions) or "none"
        raise EnvironmentProblem(
            f"no codebook version or file {one_line(name)!r} (versions: {known})"
        )
    return book


def _looks_like_path(name: str) -> bool:
    path = Path(name)
    return path.suffix.lower() in (".yaml", ".yml") and path.is_file()
