"""Finding kinds of readers of published external data (state-system membership files)."""

from __future__ import annotations

from cmr.catalogue._kind import Kind

KINDS: list[Kind] = []
