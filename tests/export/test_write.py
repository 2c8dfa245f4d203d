"""Writing the export: deterministic bytes, all-or-nothing, and never over a stranger's folder."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyreadstat
import pytest
from support import write_observation

from cmr.export import _build

from .conftest import panel_data


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def siblings(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.parent.iterdir() if p.name.startswith(f".{folder.name}"))


def test_every_file_is_written(exported: Path) -> None:
    """An export writes the panels, the companion tables, the Stata file and the package."""
    assert sorted(p.name for p in exported.iterdir()) == [
        "citations.csv",
        "codebook.csv",
        "codings.csv",
        "codings.parquet",
        "datapackage.json",
        "panel_long.csv",
        "panel_long.parquet",
        "panel_wide.csv",
        "panel_wide.dta",
        "panel_wide.parquet",
        "sources.csv",
    ]


def test_two_exports_are_byte_identical(
    panel_project: Path, export_to: Callable[..., Any], tmp_path: Path
) -> None:
    """Exporting the same observations twice gives the same bytes in every file."""
    first = export_to(panel_project, tmp_path / "one").out
    second = export_to(panel_project, tmp_path / "two").out
    one = {k: v for k, (v, _) in snapshot(first).items()}
    two = {k: v for k, (v, _) in snapshot(second).items()}
    assert one == two


def test_broken_observation_writes_nothing(
    exported: Path, panel_project: Path, run_cli: Callable[..., Any]
) -> None:
    """An export over a broken observation exits 1, prints findings and keeps the old output."""
    before = snapshot(exported)
    data = panel_data(panel_project, "ARM", 1995)
    data["answers"][next(iter(data["answers"]))]["answer"] = "maybe"
    write_observation(panel_project, data)
    result = run_cli("export", project=panel_project)
    assert result.exit_code == 1
    assert "ARM/1995.yaml:" in result.output
    assert " error answer-not-in-scale " in result.output
    assert snapshot(exported) == before
    assert siblings(exported) == []


def test_failure_while_writing_keeps_previous_export(
    exported: Path,
    panel_project: Path,
    export_to: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A crash half-way through writing leaves the previous export and no temporary folder."""
    before = snapshot(exported)

    def crash(*args: Any) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(_build, "write_dta", crash)
    with pytest.raises(RuntimeError, match="disk full"):
        export_to(panel_project, exported)
    assert snapshot(exported) == before
    assert siblings(exported) == []


def test_previous_export_is_replaced_whole(
    exported: Path, panel_project: Path, export_to: Callable[..., Any]
) -> None:
    """A second export replaces the folder: files the old export listed do not linger."""
    package = json.loads((exported / "datapackage.json").read_text("utf-8"))
    package["cmr"]["manifest"]["stale.csv"] = "sha256:0"
    (exported / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    (exported / "stale.csv").write_text("old\n", encoding="utf-8")
    run = export_to(panel_project, exported)
    assert run.result.success
    assert not (exported / "stale.csv").exists()
    assert siblings(exported) == []


def test_export_without_manifest_is_replaced(
    exported: Path, panel_project: Path, export_to: Callable[..., Any]
) -> None:
    """An export written before the manifest (files in `cmr.files` and the resources) is
    still recognised as cmr's and replaced."""
    package = json.loads((exported / "datapackage.json").read_text("utf-8"))
    del package["cmr"]["manifest"]
    (exported / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    run = export_to(panel_project, exported)
    assert run.result.success and siblings(exported) == []


def test_manifest_lists_every_other_file(exported: Path) -> None:
    """datapackage.json's manifest names every other file of the export with its sha256."""
    manifest = json.loads((exported / "datapackage.json").read_text("utf-8"))["cmr"]["manifest"]
    names = sorted(p.name for p in exported.iterdir() if p.name != "datapackage.json")
    assert list(manifest) == names
    for name, digest in manifest.items():
        assert digest == "sha256:" + hashlib.sha256((exported / name).read_bytes()).hexdigest()


@pytest.mark.parametrize("stranger", ["notes.txt", ".DS_Store", "panel_long.csv/"])
def test_a_stranger_beside_an_export_is_refused(
    exported: Path, panel_project: Path, run_cli: Callable[..., Any], stranger: str
) -> None:
    """A file (or a folder under a name cmr uses) that no export wrote stops the export with
    a finding at that file, and nothing is deleted."""
    path = exported / stranger.rstrip("/")
    if stranger.endswith("/"):
        path.unlink()
        path.mkdir()
        (path / "mine.txt").write_text("precious\n", encoding="utf-8")
    else:
        path.write_text("precious\n", encoding="utf-8")
    before = snapshot(exported)
    result = run_cli("export", project=panel_project)
    assert result.exit_code == 1
    assert f"dist/{stranger.rstrip('/')}:1:1: error export-folder-foreign " in result.output
    assert snapshot(exported) == before


@pytest.mark.parametrize("content", ["file", "folder"])
def test_refuses_a_folder_that_is_not_an_export(
    panel_project: Path, tmp_path: Path, run_cli: Callable[..., Any], content: str
) -> None:
    """A non-empty folder without cmr's datapackage.json (a finding, exit 1), or a file (a
    usage problem, exit 2), is never replaced."""
    out = tmp_path / "thesis"
    if content == "folder":
        out.mkdir()
        (out / "chapter1.tex").write_text("precious\n", encoding="utf-8")
    else:
        out.write_text("precious\n", encoding="utf-8")
    result = run_cli("export", "--out", str(out), project=panel_project)
    if content == "folder":
        assert result.exit_code == 1 and "export-folder-foreign" in result.output
    else:
        assert result.exit_code == 2 and "is a file, not a folder" in result.output
    precious = out / "chapter1.tex" if content == "folder" else out
    assert precious.read_text(encoding="utf-8") == "precious\n"


def test_empty_folder_is_accepted(
    panel_project: Path, tmp_path: Path, export_to: Callable[..., Any]
) -> None:
    """An existing empty folder may receive an export."""
    (tmp_path / "empty").mkdir()
    run = export_to(panel_project, tmp_path / "empty")
    assert run.result.success and "datapackage.json" in run.files


def test_no_clock_time_unless_source_date_epoch(
    panel_project: Path,
    tmp_path: Path,
    export_to: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without SOURCE_DATE_EPOCH there is no creation date; with it, the package and the
    Stata header carry that moment."""
    plain = export_to(panel_project, tmp_path / "plain").out
    assert "created" not in json.loads((plain / "datapackage.json").read_text("utf-8"))
    _, meta = pyreadstat.read_dta(plain / "panel_wide.dta", metadataonly=True)
    assert meta.creation_time == dt.datetime(1970, 1, 1)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    dated = export_to(panel_project, tmp_path / "dated").out
    package = json.loads((dated / "datapackage.json").read_text("utf-8"))
    assert package["created"] == "2023-11-14T22:13:20Z"
    _, meta = pyreadstat.read_dta(dated / "panel_wide.dta", metadataonly=True)
    assert meta.creation_time == dt.datetime(2023, 11, 14, 22, 13)


def test_export_through_a_symlinked_folder(panel_project: Path, tmp_path: Path) -> None:
    """An output folder given as a symlink is written through; the link stays a link."""
    from cmr.export import export
    from cmr.project import Project

    base = tmp_path / "outputs"
    base.mkdir()
    real = base / "real"
    link = base / "link"
    link.symlink_to(real, target_is_directory=True)
    for _ in range(2):
        run = export(link, project=Project.find(panel_project))
        assert run.result.success
    assert link.is_symlink() and (real / "datapackage.json").is_file()
    assert sorted(p.name for p in base.iterdir()) == ["link", "real"]
