"""Finding kinds of the bibliography lint (cmr refs)."""

from __future__ import annotations

from cmr.catalogue._kind import Kind

KINDS: list[Kind] = []
