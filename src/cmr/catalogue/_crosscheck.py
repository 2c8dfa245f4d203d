"""Finding kinds of cmr crosscheck against published coup data."""

from __future__ import annotations

from cmr.catalogue._kind import Kind

KINDS: list[Kind] = []
