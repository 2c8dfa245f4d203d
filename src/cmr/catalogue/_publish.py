"""Finding kinds of releases, citations and the printable codebook."""

from __future__ import annotations

from cmr.catalogue._kind import Kind

KINDS: list[Kind] = []
