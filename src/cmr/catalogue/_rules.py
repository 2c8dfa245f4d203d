"""Finding kinds of the rules family that are built into cmr rather than set by a codebook.

The consistency rules a codebook defines in its `rules` section (implication, series,
evidence, window, contradiction) carry their own codes; `docs/codes.md` lists them after the
catalogue, generated from the codebook.
"""

from __future__ import annotations

from cmr.catalogue._kind import Kind

_E, _W = "error", "warning"

KINDS: list[Kind] = [
    Kind(
        "reconciles-missing-coding",
        _E,
        "Reconciled coding missing",
        "An adjudicated file lists in `reconciles` a coder whose independent coding "
        "(observations/<ISO3>/<year>/<coder>.yaml) does not exist.",
        "reconciles {coder!r} but {expected} does not exist",
        "rules",
    ),
    Kind(
        "reconciles-unlisted-coding",
        _W,
        "Independent coding not reconciled",
        "A country-year has an independent coding that its adjudicated file's `reconciles` "
        "list leaves out.",
        "the independent coding by {coder!r} ({coding}) is not listed in `reconciles`",
        "rules",
    ),
    Kind(
        "settings-unknown-code",
        _W,
        "Unknown code in settings",
        "A severity override, `select` or `ignore` entry in the dataset's settings matches no "
        "finding code (often a typo).",
        "{selector!r} in the settings matches no finding code; see `cmr codes`",
        "rules",
    ),
]
