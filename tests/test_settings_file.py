"""A dataset's settings file is checked before anything runs: one line and exit 2."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support import REPO, cmr_run

SETTINGS = {
    "tool-not-a-table": 'tool = "x"\n',
    "cmr-not-a-table": "tool = {cmr = 5}\n",
    "observations-a-file": '[tool.cmr]\nobservations = "observations/AZE/1992.yaml"\n',
    "codebook-a-file": '[tool.cmr]\ncodebook = "pyproject.toml"\n',
    "bibliography-a-folder": '[tool.cmr]\nbibliography = "observations"\n',
    "empty-version": '[tool.cmr]\ndataset_version = ""\n',
    "control-in-licence": '[tool.cmr]\nlicense = "a\\u0000"\n',
    "outside": '[tool.cmr]\nobservations = "../.."\n',
    "misspelt": "[tool.cmr]\nmin_evidence_char = 10\n",
}


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    for name in ("codebook", "observations"):
        shutil.copytree(REPO / name, tmp_path / name)
    return tmp_path


@pytest.mark.parametrize("text", SETTINGS.values(), ids=SETTINGS.keys())
def test_unusable_settings_are_a_usage_error(dataset: Path, text: str) -> None:
    """Each unusable setting stops `cmr check` with one line and exit 2, before any file."""
    (dataset / "pyproject.toml").write_text(text, encoding="utf-8")
    done = cmr_run(dataset, "check")
    assert done.returncode == 2, done.stderr
    assert done.stdout == "" and len(done.stderr.strip().splitlines()) == 1, done.stderr


@pytest.mark.parametrize("inside", ["observations/AZE/out", "observations", "codebook/out"])
def test_export_is_not_written_among_its_inputs(dataset: Path, inside: str) -> None:
    """`cmr export --out` inside the observation or codebook folder is refused, unwritten."""
    done = cmr_run(dataset, "export", "--out", str(dataset / inside))
    assert done.returncode == 2, done.stderr
    assert not (dataset / inside / "datapackage.json").exists()
