"""Finding kinds of the declared case universe and cmr coverage."""

from __future__ import annotations

from cmr.catalogue._kind import Kind

KINDS: list[Kind] = []
