"""A dataset project for the publishing tests: all codebook versions (1.2.0 names its origin)
and a fixed dataset version."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from support import make_project, observation_data, write_observation


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    """A dataset with every codebook version, outside git, at dataset version 2.1.0."""
    root = make_project(tmp_path / "data", up_to=None)
    (root / "cmr.toml").write_text('dataset_version = "2.1.0"\n', encoding="utf-8")
    return root


def valid_observation(project: Path, year: int = 1993, **fields: object) -> dict[str, Any]:
    """A valid codebook-1.2.0 observation: every answer `no`, each citation with its tier."""
    from cmr.codebook import Codebooks

    book = Codebooks(project / "codebook").latest
    data = observation_data(project, year=year, **fields)
    for variable, answer in data["answers"].items():
        answer["citations"] = [{**c, "tier": "scholarly"} for c in answer["citations"]]
        if "no" not in book.by_variable[variable].scale.codes:  # a question about a "yes"
            answer["answer"] = "not_applicable"
    return data


CHANGELOG = "# Changelog\n\n## [2.1.0] - 2026-11-30\n\n- First release of the test dataset.\n"


@pytest.fixture
def ready(dataset: Path) -> Path:
    """The dataset with one valid observation, an author, a changelog naming 2.1.0 and a
    data licence."""
    settings = 'dataset_version = "2.1.0"\n[release]\nauthors = ["Doe, Jane"]\n'
    (dataset / "cmr.toml").write_text(settings, encoding="utf-8")
    write_observation(dataset, valid_observation(dataset))
    (dataset / "CHANGELOG.md").write_text(CHANGELOG, encoding="utf-8")
    (dataset / "LICENSE-DATA").write_text("The data licence.\n", encoding="utf-8")
    return dataset


def release(
    project: Path,
    *args: str,
    epoch: str = "1700000000",
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """`cmr release ARGS` in `project` (or `cwd` inside it), with SOURCE_DATE_EPOCH set
    (empty: unset) and `env` added; never a traceback."""
    done = subprocess.run(
        [sys.executable, "-c", "from cmr.cli import main; main()", "release", *args],
        cwd=cwd or project,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "SOURCE_DATE_EPOCH": epoch, **(env or {})},
    )
    assert "Traceback" not in done.stderr and "unexpected error" not in done.stderr, done.stderr
    return done
