"""Finding kinds of messages a coder acts on: countries, YAML mistakes, usage."""

from __future__ import annotations

from cmr.catalogue._kind import Kind

KINDS: list[Kind] = []
