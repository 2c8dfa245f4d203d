"""Where observation files sit: `<ISO3>/<year>.yaml` and `<ISO3>/<year>/<coder>.yaml`.

`observations/<ISO3>/<year>.yaml` is the adjudicated (or only) coding of a country-year;
`observations/<ISO3>/<year>/<coder>.yaml` is one coder's independent coding of it. Paths are
parsed as strings: this runs once per file on the `cmr check` path.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import PurePath

SUFFIXES = (".yaml", ".yml")
_SPLIT = re.compile(r"[\\/]")


@dataclass(frozen=True)
class Layout:
    """Where a file sits: its country, year and, for an independent coding, its coder."""

    iso3c: str
    year: int
    coder: str | None = None

    @property
    def independent(self) -> bool:
        return self.coder is not None


def layout(path: str | PurePath) -> Layout | None:
    """The layout of an observation file, or None when it sits elsewhere.

    >>> layout("observations/AZE/1993/jdoe.yaml")
    Layout(iso3c='AZE', year=1993, coder='jdoe')
    >>> layout("observations/AZE/1993.yaml").independent
    False
    """
    parts = _SPLIT.split(os.path.splitext(os.fspath(path))[0])
    if len(parts) >= 3 and parts[-2].isdigit() and parts[-3].isupper():
        return Layout(parts[-3], int(parts[-2]), parts[-1])
    if len(parts) >= 2 and parts[-1].isdigit() and parts[-2].isupper():
        return Layout(parts[-2], int(parts[-1]))
    return None


def is_independent(path: str | PurePath) -> bool:
    """True for `<ISO3>/<year>/<coder>.yaml`, an independent coding."""
    found = layout(path)
    return found is not None and found.independent
