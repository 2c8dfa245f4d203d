"""Several release tags on HEAD: the highest in PEP 440's order is the release (a candidate
before its final release, a development release before its pre-releases)."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import cmr_run

from cmr.versioning import head_release

from .test_versioning import git, repo  # noqa: F401 - `repo` is a fixture

ORDERED = [
    ("v2.1.0rc1 v2.1.0", "2.1.0"),
    ("v2.1.0rc2 v2.1.0rc10", "2.1.0rc10"),
    ("v1.9.0 v1.10.0", "1.10.0"),
    ("v2.0.0-beta.1 v2.0.0", "2.0.0"),
    ("v2.1.0a1 v2.1.0.dev1", "2.1.0a1"),
    ("v2.1.0 v2.1.0.post1", "2.1.0.post1"),
]


@pytest.mark.parametrize(("tags", "highest"), ORDERED)
def test_the_highest_tag_on_head_is_the_release(repo: Path, tags: str, highest: str) -> None:  # noqa: F811
    """Tags compare as versions, not as lists of numbers."""
    for tag in tags.split():
        git(repo, "tag", tag)
    assert head_release(repo) == highest


def test_a_candidate_promoted_on_the_same_commit_is_released_final(repo: Path) -> None:  # noqa: F811
    """HEAD tagged v2.1.0rc1 and v2.1.0: releasing the candidate is refused, naming 2.1.0."""
    git(repo, "tag", "v2.1.0rc1")
    git(repo, "tag", "v2.1.0")
    done = cmr_run(repo, "release", "2.1.0rc1", "--no-pdf")
    assert done.returncode == 2 and "HEAD is tagged as release 2.1.0, not 2.1.0rc1" in done.stderr
