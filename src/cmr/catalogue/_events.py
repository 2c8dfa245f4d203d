"""Finding kinds of dated events, units of observation and source tiers."""

from __future__ import annotations

from cmr.catalogue._kind import Kind

KINDS: list[Kind] = []
