"""Finding kinds of codebook versions compared and observations migrated."""

from __future__ import annotations

from cmr.catalogue._kind import Kind

KINDS: list[Kind] = [
    Kind(
        "codebook-change-unlisted",
        "error",
        "Breaking change missing from the changelog",
        "A codebook version changes something that makes answers incomparable with the "
        "previous version (`cmr codebook diff` classes it breaking), and no entry of its "
        "`changes` list for this version mentions it. An entry mentions a change when its "
        "summary or details name, as a whole word, the question's id or variable (old or new) "
        "or the item that changed (a scale, a code, a window, a concept, a unit). See "
        'docs/codebook.md, "Comparing versions and migrating observations".',
        "codebook {new}: the changelog does not mention a breaking change since {old}: "
        "{change}; name {names} in a `changes` entry for {new}",
        "versions",
    ),
]
