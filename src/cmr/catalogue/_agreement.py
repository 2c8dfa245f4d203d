"""Finding kinds of the agreement family."""

from __future__ import annotations

from cmr.catalogue._kind import Kind

_E, _W = "error", "warning"
_F = "agreement"

KINDS: list[Kind] = []
