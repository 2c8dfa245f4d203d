"""Finding kinds of drafts, carried-forward answers and the status board."""

from __future__ import annotations

from cmr.catalogue._kind import Kind

KINDS: list[Kind] = []
