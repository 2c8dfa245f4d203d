"""The dataset version: the setting, else the release tag `v<VERSION>` on HEAD, else a dev
version from `git describe`, else `0.0.0+unversioned`; never a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from support import cmr_run

from cmr.project import Project
from cmr.versioning import UNVERSIONED, dataset_version, release_version

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
GIT_ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(root: Path, *args: str) -> str:
    """Run git in `root` with a fixed identity; its output."""
    env = {**os.environ, **GIT_ENV}
    done = subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.fixture
def repo(dataset: Path) -> Path:
    """The dataset as a git repository with one commit, without a dataset_version setting."""
    (dataset / "cmr.toml").unlink()
    git(dataset, "init", "-q")
    git(dataset, "add", ".")
    git(dataset, "commit", "-q", "-m", "data")
    return dataset


def test_the_setting_wins(dataset: Path) -> None:
    """`dataset_version` in the settings is the version, git or not."""
    assert dataset_version(Project.find(dataset)) == "2.1.0"


def test_outside_git_the_dataset_is_unversioned(dataset: Path) -> None:
    """Without a setting and outside git the version says so."""
    (dataset / "cmr.toml").unlink()
    assert dataset_version(Project.find(dataset)) == UNVERSIONED == "0.0.0+unversioned"


def test_missing_git_is_no_traceback(dataset: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With no git on the PATH the dataset is unversioned, and `cmr cite` still works."""
    (dataset / "cmr.toml").unlink()
    monkeypatch.setenv("PATH", str(dataset / "nowhere"))
    assert dataset_version(Project.find(dataset)) == UNVERSIONED


def test_release_tag_on_head_is_the_version(repo: Path) -> None:
    """HEAD tagged `v1.4.0` on a clean tree is version 1.4.0, also in `cmr cite`."""
    git(repo, "tag", "v1.4.0")
    assert dataset_version(Project.find(repo)) == "1.4.0"
    assert "(Version 1.4.0)" in cmr_run(repo, "cite").stdout


def test_commits_after_a_tag_give_a_dev_version(repo: Path) -> None:
    """Two commits after `v1.4.0`: 1.4.1.dev2+g<hash>; changed files add `.dirty`."""
    git(repo, "tag", "v1.4.0")
    for n in (1, 2):
        (repo / f"note{n}.txt").write_text("x", encoding="utf-8")
        git(repo, "add", ".")
        git(repo, "commit", "-q", "-m", f"note {n}")
    head = git(repo, "rev-parse", "--short", "HEAD")
    assert dataset_version(Project.find(repo)) == f"1.4.1.dev2+g{head}"
    (repo / "note1.txt").write_text("changed", encoding="utf-8")
    assert dataset_version(Project.find(repo)) == f"1.4.1.dev2+g{head}.dirty"


def test_without_tags_the_commit_count_counts(repo: Path) -> None:
    """A repository without release tags: 0.0.1.dev<commits>+g<hash>."""
    head = git(repo, "rev-parse", "--short", "HEAD")
    assert dataset_version(Project.find(repo)) == f"0.0.1.dev1+g{head}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.2.0", "1.2.0"),
        ("v2026.1", "2026.1"),
        ("1.3.0rc1", "1.3.0rc1"),
        ("1.3.0-rc.1", "1.3.0-rc.1"),
        ("1.3.0+Build.5", "1.3.0+Build.5"),
        ("1.3.0+", None),
        ("1.3.0+../x", None),
        ("1.0.post1.dev2", "1.0.post1.dev2"),
        ("latest", None),
        ("1.2.x", None),
        ("", None),
        ("1.2.0\n", None),
    ],
)
def test_release_versions(text: str, expected: str | None) -> None:
    """Release versions are PEP 440 or semantic versions; a leading v is dropped."""
    assert release_version(text) == expected


def test_a_release_must_match_the_tag_on_head(repo: Path) -> None:
    """`cmr release` of another version than HEAD's release tag is refused (exit 2)."""
    git(repo, "tag", "v1.4.0")
    done = cmr_run(repo, "release", "1.5.0", "--no-pdf")
    assert done.returncode == 2
    assert "HEAD is tagged as release 1.4.0, not 1.5.0" in done.stderr
    assert not (repo / "dist").exists()
