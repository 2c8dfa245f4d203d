"""Finding kinds of the static website (cmr site)."""

from __future__ import annotations

from cmr.catalogue._kind import Kind

KINDS: list[Kind] = []
