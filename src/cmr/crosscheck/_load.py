"""Reading one observation for a comparison: fast when the file is sound, located when not.

`cmr crosscheck` needs an observation's data, codebook and text, not the checks `cmr check`
runs. A regular UTF-8 file of sane size that parses as YAML 1.2 into a mapping naming a
codebook version the dataset has, with a year (and `as_of` where its unit needs one) that
places it in time, is taken as it is. Anything else (a link, a FIFO or device, a file too
large, bad encoding or syntax, an unknown codebook, no usable year) is read again by
`cmr.observation.read_observation`, whose located findings say why it cannot be compared.
"""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path
from typing import Any

from cmr import _yaml, units
from cmr.codebook import Codebook, CodebookError, Codebooks
from cmr.findings import Finding
from cmr.observation import MAX_BYTES, Observation, read_observation
from cmr.project import Project


def load(
    path: str, books: Codebooks, project: Project, shown: str
) -> tuple[Observation | None, str, list[Finding]]:
    """The observation at `path`, its text, and the error findings when it cannot be read."""
    found = _quick(Path(path), books, shown)
    if found is not None:
        return found
    obs, findings = read_observation(
        Path(path),
        books,
        display=shown,
        root=project.root,
        observations=project.observations_dir,
    )
    errors = [f for f in findings if f.severity == "error"]
    if obs is None or (errors and not placeable(obs.codebook, obs.data)):
        return None, "", errors
    try:
        return obs, Path(path).read_text(encoding="utf-8-sig"), []
    except (OSError, UnicodeError):
        return None, "", errors


def _quick(
    path: Path, books: Codebooks, shown: str
) -> tuple[Observation, str, list[Finding]] | None:
    try:
        info = path.lstat()  # a link, FIFO, device or folder is left to read_observation
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            return None
        text = path.read_bytes().decode("utf-8-sig")
        data = _yaml.loads(text)
    except (OSError, UnicodeError, _yaml.YamlError):
        return None
    version = data.get("codebook") if isinstance(data, dict) else None
    try:
        book = books.get(version) if isinstance(version, str) else None
    except CodebookError:
        return None
    if book is None or not isinstance(data, dict) or not placeable(book, data):
        return None
    return Observation(shown, data, book), text, []


def placeable(book: Codebook, data: dict[str, Any]) -> bool:
    """True when the observation's reference moment can be known: a calendar year, a unit
    of its codebook, and a date in `as_of` where the unit needs one (or, in a codebook
    without units, where it is given). Otherwise its `cmr check` errors say why."""
    year = data.get("year")
    if not isinstance(year, int) or isinstance(year, bool):
        return False
    unit = units.unit_of(book, data)
    if not dt.MINYEAR <= year <= dt.MAXYEAR or (data.get("unit") is not None and unit is None):
        return False
    as_of = data.get("as_of")
    if (unit is not None and not unit.as_of_required) or (unit is None and as_of is None):
        return True
    try:
        return isinstance(as_of, str) and bool(dt.date.fromisoformat(as_of))
    except ValueError:
        return False
