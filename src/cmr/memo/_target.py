"""Where an imported memo goes: never onto an existing observation.

A country-year nobody has coded gets the adjudicated file `<ISO3>/<year>.yaml`. Onto a coded
country-year (the adjudicated file or an independent coding exists) the import is an
independent coding `<ISO3>/<year>/<coder>.yaml`, beside the others. When the importing coder
has coded it already (that independent file exists, or the adjudicated file names the coder),
there is no place to write: `Target.taken` names the file in the way.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cmr import _files, _yaml
from cmr.layout import SUFFIXES

MAX_BYTES = 4_000_000


@dataclass(frozen=True)
class Target:
    """The file to write and, when the coder has coded the country-year, the file that says so."""

    path: Path
    taken: Path | None = None


def choose_target(folder: Path, iso3c: str, year: int, coder: str) -> Target:
    """The place for `coder`'s import of `iso3c` `year` under `folder`."""
    country = folder / iso3c
    adjudicated = [country / f"{year}{s}" for s in SUFFIXES]
    codings = country / str(year)
    mine = [codings / f"{coder}{s}" for s in SUFFIXES]
    existing = [p for p in adjudicated if os.path.lexists(p)]
    if not existing and not _holds_codings(codings):
        return Target(adjudicated[0])
    taken = next((p for p in mine if os.path.lexists(p)), None)
    taken = taken or next((p for p in existing if _coder_of(p, folder) == coder), None)
    return Target(mine[0], taken)


def _holds_codings(folder: Path) -> bool:
    try:
        return any(name.endswith(SUFFIXES) for name in os.listdir(folder))
    except OSError:
        return os.path.lexists(folder)  # there but unreadable: treat as coded, never replace


def _coder_of(path: Path, folder: Path) -> Any:
    """The `coder` an observation file names, or None when it cannot be read."""
    raw = _files.read_bytes(path, root=_files.repository_root(str(folder)), limit=MAX_BYTES)
    text = _files.decode_text(raw) if isinstance(raw, bytes) else raw
    if isinstance(text, _files.FileProblem):
        return None
    try:
        data = _yaml.loads(text)
    except _yaml.YamlError:
        return None
    return data.get("coder") if isinstance(data, dict) else None
