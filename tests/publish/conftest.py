"""A dataset project for the publishing tests: all codebook versions (1.2.0 names its origin)
and a fixed dataset version."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from support import make_project, observation_data


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
