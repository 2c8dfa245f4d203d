"""Finding kinds of codebook versions compared and observations migrated."""

from __future__ import annotations

from cmr.catalogue._kind import Kind

KINDS: list[Kind] = []
