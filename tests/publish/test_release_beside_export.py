"""`cmr export` and `cmr release` share `dist/`: a release written into the export folder
survives the next export byte for byte, and the README's order of commands works."""

from __future__ import annotations

from pathlib import Path

from support import cmr_run

from .conftest import release


def _bytes(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_export_release_export(ready: Path) -> None:
    """`cmr export --out dist/`, `cmr release 2.1.0 --no-pdf`, `cmr export --out dist/` all
    succeed; the release folder and zip are unchanged by the second export."""
    assert cmr_run(ready, "export", "--out", "dist/").returncode == 0
    done = release(ready, "2.1.0", "--no-pdf")
    assert done.returncode == 0, done.stderr
    dist = ready / "dist"
    made = _bytes(dist / "cmr-dataset-2.1.0")
    zipped = (dist / "cmr-dataset-2.1.0.zip").read_bytes()
    again = cmr_run(ready, "export", "--out", "dist/")
    assert again.returncode == 0, again.stdout + again.stderr
    assert _bytes(dist / "cmr-dataset-2.1.0") == made
    assert (dist / "cmr-dataset-2.1.0.zip").read_bytes() == zipped
    assert (dist / "panel_wide.csv").is_file()
