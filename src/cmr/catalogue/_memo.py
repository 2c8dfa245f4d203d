"""Finding kinds of the memo family."""

from __future__ import annotations

from cmr.catalogue._kind import Kind

KINDS: list[Kind] = []
