"""Finding kinds of the rules family."""

from __future__ import annotations

from cmr.catalogue._kind import Kind

KINDS: list[Kind] = []
