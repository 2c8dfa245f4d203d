"""A dataset project for the publishing tests: all codebook versions (1.2.0 names its origin)
and a fixed dataset version."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import make_project


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    """A dataset with every codebook version, outside git, at dataset version 2.1.0."""
    root = make_project(tmp_path / "data", up_to=None)
    (root / "cmr.toml").write_text('dataset_version = "2.1.0"\n', encoding="utf-8")
    return root
