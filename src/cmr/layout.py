"""Where observation files sit: `<ISO3>/<year>.yaml` and `<ISO3>/<year>/<coder>.yaml`.

`observations/<ISO3>/<year>.yaml` is the adjudicated (or only) coding of a country-year;
`observations/<ISO3>/<year>/<coder>.yaml` is one coder's independent coding of it. Paths are
parsed as strings: this runs once per file on the `cmr check` path.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
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


_ISO3 = re.compile(r"[A-Z]{3}")
_YEAR = re.compile(r"[0-9]{1,5}")


@lru_cache(maxsize=65_536)  # asked several times per file by the checks
def layout(path: str | PurePath, observations: str | PurePath | None = None) -> Layout | None:
    """The layout of an observation file, or None when it sits elsewhere.

    With `observations` (the dataset's observation folder), a file inside it must sit exactly
    one or two folders down; ISO3 codes are three ASCII capitals and years ASCII digits.

    >>> layout("observations/AZE/1993/jdoe.yaml")
    Layout(iso3c='AZE', year=1993, coder='jdoe')
    >>> layout("observations/AZE/1993.yaml").independent
    False
    >>> layout("/d/observations/old/AZE/1993.yaml", "/d/observations") is None
    True
    """
    parts = _SPLIT.split(os.path.splitext(os.fspath(path))[0])
    depth = None
    if observations is not None:
        base = [p for p in _SPLIT.split(os.fspath(observations)) if p]
        steps = [p for p in parts if p]
        if steps[: len(base)] == base:
            depth = len(steps) - len(base)
    if (
        depth in (None, 3)
        and len(parts) >= 3
        and _YEAR.fullmatch(parts[-2])
        and _ISO3.fullmatch(parts[-3])
    ):
        return Layout(parts[-3], int(parts[-2]), parts[-1])
    if (
        depth in (None, 2)
        and len(parts) >= 2
        and _YEAR.fullmatch(parts[-1])
        and _ISO3.fullmatch(parts[-2])
    ):
        return Layout(parts[-2], int(parts[-1]))
    return None


def is_independent(path: str | PurePath) -> bool:
    """True for `<ISO3>/<year>/<coder>.yaml`, an independent coding."""
    found = layout(path)
    return found is not None and found.independent
