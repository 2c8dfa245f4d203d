"""Fixtures of the adversarial tests; the helpers are in adversarial_support.py."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from adversarial_support import REPO, SEED, Ran, run_cmr


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    """A copy of the repository's dataset (codebook, observations, settings) to break."""
    root = tmp_path / "ds"
    root.mkdir()
    shutil.copytree(REPO / "codebook", root / "codebook")
    shutil.copytree(REPO / "observations", root / "observations")
    for seed in SEED.glob("*.yaml"):
        shutil.copy(seed, root / "observations" / "AZE" / seed.name)
    shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
    return root


@pytest.fixture
def good_text() -> str:
    """The text of a real observation that checks clean (Azerbaijan 1993, codebook 1.1.0)."""
    return (SEED / "1993.yaml").read_text(encoding="utf-8")


@pytest.fixture
def cmr(dataset: Path) -> Callable[..., Ran]:
    """`cmr(*args)` run inside the `dataset` copy."""

    def run(*args: str, **kwargs: object) -> Ran:
        return run_cmr(*args, cwd=dataset, **kwargs)  # type: ignore[arg-type]

    return run
