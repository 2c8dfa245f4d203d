"""`comparable_since(books)`: per variable, the earliest version its values compare with.

For each variable of the latest codebook, walk back through the versions in order: the
variable stays comparable across a step when no breaking change of that step concerns it (a
rename or a moved id follows the question back); the walk stops at the first step that breaks
it, or where the question did not exist.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from cmr.codebook import Codebook, CodebookError, Codebooks
from cmr.versions._diff import diff
from cmr.versions._model import Diff


def comparable_since(books: Codebooks | Sequence[Codebook]) -> dict[str, str]:
    """{variable of the latest version: earliest version from which its values are comparable}.

    >>> comparable_since(Codebooks("codebook"))["some_variable"]     # doctest: +SKIP
    '1.0.0'
    """
    chain = _chain(books)
    if not chain:
        return {}
    latest = chain[-1]
    since = {v: latest.version for v in latest.variables}
    names = {v: v for v in latest.variables}  # latest variable -> its name at this step
    for old, new in reversed(list(itertools.pairwise(chain))):
        step = diff(old, new)
        back = {m.new_variable: m.old_variable for m in step.matches}
        for variable, name in list(names.items()):
            if name in back and not _broken(step, name):
                since[variable] = old.version
                names[variable] = back[name]
            else:
                del names[variable]
    return since


def _broken(step: Diff, variable: str) -> bool:
    """A breaking change of `step` concerns `variable` (its question, its scale or window,
    or everything, like the reference moment)."""
    return any(
        variable in c.questions or (not c.questions and c.section == "reference")
        for c in step.breaking
    )


def _chain(books: Codebooks | Sequence[Codebook]) -> list[Codebook]:
    if not isinstance(books, Codebooks):
        return list(books)
    out = []
    for version in books.versions:
        try:
            book = books.get(version)
        except CodebookError:  # reported by `cmr check`; the chain goes on without it
            continue
        if book is not None:
            out.append(book)
    return out
