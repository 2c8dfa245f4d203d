"""Finding kinds of the files family."""

from __future__ import annotations

from cmr.catalogue._kind import Kind

_E, _W = "error", "warning"
_F = "files"

KINDS: list[Kind] = []
