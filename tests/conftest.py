"""Shared fixtures: the repository, throwaway dataset projects and a CLI runner."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from support import REPO, SEEDS, make_project, observation_data, write_observation

from cmr.cli import cli

__all__ = ["REPO", "SEEDS", "observation_data", "write_observation"]


@pytest.fixture
def repo() -> Path:
    """The repository root (it is itself a dataset project)."""
    return REPO


@pytest.fixture
def seeds() -> Path:
    """../shared/seeds, or skip when it is absent (as on a user's machine)."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not available")
    return SEEDS


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh dataset project with the repository's codebook and an empty bibliography."""
    return make_project(tmp_path)


@pytest.fixture
def run_cli() -> Callable[..., Result]:
    """Run `cmr ARGS` in-process; `project` selects the dataset folder."""

    def run(*args: str, project: Path | None = None) -> Result:
        prefix = ["-C", str(project)] if project is not None else []
        return CliRunner().invoke(cli, [*prefix, *args], catch_exceptions=False)

    return run


@pytest.fixture
def make_observation(project: Path) -> Callable[..., Path]:
    """Write a valid observation into the `project` fixture; keyword arguments as above."""

    def make(relpath: str | None = None, **kwargs: object) -> Path:
        return write_observation(project, observation_data(project, **kwargs), relpath)

    return make
