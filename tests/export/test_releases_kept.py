"""A release (`cmr release` writes `dist/cmr-dataset-VERSION/` and its zip) may live in the export
folder: an export carries it over untouched and never deletes it, even after a kill."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cmr.export import _publish


def _release(folder: Path, version: str = "1.0.0") -> dict[str, bytes]:
    """Write a release-like folder and zip into `folder`; return their files and bytes."""
    made = folder / f"cmr-dataset-{version}"
    made.mkdir()
    (made / "SHA256SUMS").write_text("abc  panel_wide.csv\n", encoding="utf-8")
    (made / "panel_wide.csv").write_text("iso3c,year\nAZE,1993\n", encoding="utf-8")
    (folder / f"cmr-dataset-{version}.zip").write_bytes(b"PK\x05\x06" + bytes(18))
    return _files(folder)


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.relative_to(folder).parts[0].startswith("cmr-dataset-")
    }


def test_export_keeps_a_release_in_its_folder(
    exported: Path, panel_project: Path, export_to: Callable[..., Any]
) -> None:
    """Exporting again into a folder holding a release succeeds and leaves it byte-identical."""
    before = _release(exported)
    run = export_to(panel_project, exported)
    assert run.result.success and run.written
    assert _files(exported) == before
    assert (exported / "datapackage.json").is_file()


def test_a_stranger_beside_a_release_is_still_refused(
    exported: Path, panel_project: Path, export_to: Callable[..., Any]
) -> None:
    """A release does not open the folder to other files: a user's note is still foreign."""
    _release(exported)
    (exported / "notes.txt").write_text("mine\n", encoding="utf-8")
    run = export_to(panel_project, exported)
    assert [f.code for f in run.result.findings] == ["export-folder-foreign"]
    assert (exported / "notes.txt").read_text(encoding="utf-8") == "mine\n"


def test_a_release_left_in_an_interrupted_exchange_comes_back(
    exported: Path, panel_project: Path, export_to: Callable[..., Any]
) -> None:
    """A kill between the exchange and the carrying over leaves the release in the old set
    beside the folder; the next export moves it back and removes the rest."""
    aside = exported.parent / f"{_publish.stage_prefix(exported)}abcd1234"
    shutil.copytree(exported, aside)  # the old set, under a staging name, after the exchange
    before = _release(aside)
    assert export_to(panel_project, exported).written
    assert _files(exported) == before
    assert not aside.exists()


def test_discard_never_removes_a_release(exported: Path) -> None:
    """`discard` refuses a folder holding a release, even one cmr's manifest proves its own."""
    before = _release(exported)
    assert _publish.discard(exported) is False
    assert _files(exported) == before


def test_a_release_left_with_no_folder_in_place_comes_back(
    exported: Path, panel_project: Path, export_to: Callable[..., Any]
) -> None:
    """A kill between the two renames of the fallback leaves no folder and the old set aside;
    the next export puts the release back in the new folder."""
    aside = exported.parent / f"{_publish.stage_prefix(exported)}abcd1234"
    os.rename(exported, aside)
    before = _release(aside)
    assert export_to(panel_project, exported).written
    assert _files(exported) == before
    assert (exported / "datapackage.json").is_file() and not aside.exists()
