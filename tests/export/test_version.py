"""The dataset version the export writes: the argument (`cmr release`), the setting, or the
dataset repository's release tag."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from cmr.export import export
from cmr.project import Project


def _versions(out: Path) -> tuple[str, str, str]:
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    meta = json.loads(pq.read_schema(out / "panel_long.parquet").metadata[b"cmr"])
    return package["version"], package["cmr"]["dataset_version"], meta["dataset_version"]


def test_dataset_version_comes_from_settings(panel_project: Path) -> None:
    """`dataset_version` in cmr.toml is written to Parquet and datapackage.json."""
    (panel_project / "cmr.toml").write_text('dataset_version = "2.3.0"\n', encoding="utf-8")
    run = export(panel_project / "dist", project=Project.find(panel_project))
    assert run.result.success
    assert _versions(run.out) == ("2.3.0",) * 3


def test_dataset_version_argument_overrides_settings(panel_project: Path) -> None:
    """`export(dataset_version=...)` (as `cmr release` passes it) wins over the settings."""
    (panel_project / "cmr.toml").write_text('dataset_version = "2.3.0"\n', encoding="utf-8")
    run = export(
        panel_project / "dist", project=Project.find(panel_project), dataset_version="3.0.0"
    )
    assert run.result.success
    assert _versions(run.out) == ("3.0.0",) * 3


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_dataset_version_comes_from_the_release_tag(panel_project: Path, tmp_path: Path) -> None:
    """Without a setting, a dataset repository whose HEAD carries `v1.4.0` exports 1.4.0."""
    out = tmp_path / "out"

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
            cwd=panel_project,
            check=True,
            capture_output=True,
        )

    git("init", "-q")
    git("add", "-A")
    git("commit", "-q", "-m", "data")
    git("tag", "v1.4.0")
    run = export(out, project=Project.find(panel_project))
    assert run.result.success
    assert _versions(run.out) == ("1.4.0",) * 3
