"""Reading one observation for a comparison: fast when the file is sound, located when not.

`cmr crosscheck` needs an observation's data, codebook and text, not the checks `cmr check`
runs. A regular UTF-8 file of sane size that parses as YAML 1.2 into a mapping naming a
codebook version the dataset has is taken as it is. Anything else (a link, a file too large,
bad encoding or syntax, an unknown codebook) is read again by `cmr.observation.
read_observation`, whose located findings say why it cannot be compared.
"""

from __future__ import annotations

from pathlib import Path

from cmr import _yaml
from cmr.codebook import CodebookError, Codebooks
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
    if obs is None:
        return None, "", errors
    try:
        return obs, Path(path).read_text(encoding="utf-8-sig"), []
    except (OSError, UnicodeError):
        return None, "", errors


def _quick(
    path: Path, books: Codebooks, shown: str
) -> tuple[Observation, str, list[Finding]] | None:
    try:
        if path.is_symlink() or path.stat().st_size > MAX_BYTES:
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
    if book is None or not isinstance(data, dict):
        return None
    return Observation(shown, data, book), text, []
