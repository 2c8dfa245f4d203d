"""Two releases of the same commit are byte-identical whatever the machine's state (working
folder, time zone, umask, locale, file times, SOURCE_DATE_EPOCH unset), in a git checkout and
outside one; the zip is valid, its entries are the folder's files, SHA256SUMS verifies and
datapackage.json describes every file."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .test_licences import cff_errors

CMR = [sys.executable, "-c", "from cmr.cli import main; main()"]
NAME = "cmr-dataset-2.1.0"
COMMITTED = "1700000000"  # 2023-11-14T22:13:20Z


def git(root: Path, *args: str) -> None:
    """Run git in `root` as a fixed committer at a fixed moment."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_AUTHOR_DATE": f"@{COMMITTED} +0000",
        "GIT_COMMITTER_DATE": f"@{COMMITTED} +0000",
    }
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def hostile_release(root: Path, out: Path, *, cwd: Path, umask: int, **env: str) -> None:
    """`cmr release 2.1.0 --no-pdf --out OUT` from `cwd`, SOURCE_DATE_EPOCH unset."""
    environ = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    done = subprocess.run(
        [*CMR, "release", "2.1.0", "--no-pdf", "--out", str(out)],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**environ, **env},
        umask=umask,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def release_twice(root: Path, tmp_path: Path) -> tuple[Path, Path]:
    """The release made twice: once plainly, once from a subfolder in another zone, locale and
    umask after every input file's time changed."""
    hostile_release(root, tmp_path / "a", cwd=root, umask=0o022, TZ="UTC", LANG="C")
    for path in root.rglob("*"):
        if ".git" not in path.parts:
            os.utime(path, (1, 1))
    hostile_release(
        root,
        tmp_path / "b",
        cwd=root / "observations",
        umask=0o077,
        TZ="Pacific/Kiritimati",
        LANG="tr_TR.UTF-8",
        LC_ALL="tr_TR.UTF-8",
    )
    return tmp_path / "a", tmp_path / "b"


def assert_identical_and_sound(a: Path, b: Path) -> zipfile.ZipFile:
    """Same zip and SHA256SUMS bytes; the zip tests clean and holds exactly the folder's files;
    the sums verify; CITATION.cff is valid CFF 1.2.0; datapackage.json describes every file
    with its size and hash."""
    assert (a / f"{NAME}.zip").read_bytes() == (b / f"{NAME}.zip").read_bytes()
    assert (a / NAME / "SHA256SUMS").read_bytes() == (b / NAME / "SHA256SUMS").read_bytes()
    tested = subprocess.run(
        [sys.executable, "-m", "zipfile", "-t", str(a / f"{NAME}.zip")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert tested.returncode == 0 and "Done testing" in tested.stdout
    files = sorted(p.relative_to(a / NAME).as_posix() for p in (a / NAME).rglob("*") if p.is_file())
    archive = zipfile.ZipFile(a / f"{NAME}.zip")
    assert archive.namelist() == [f"{NAME}/{f}" for f in files]
    assert all(archive.read(f"{NAME}/{f}") == (a / NAME / f).read_bytes() for f in files)
    if shutil.which("sha256sum"):
        checked = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=a / NAME, check=False)
        assert checked.returncode == 0
    assert cff_errors((a / NAME / "CITATION.cff").read_text(encoding="utf-8")) == []
    package = json.loads((a / NAME / "datapackage.json").read_text(encoding="utf-8"))
    described = {r["path"]: r for r in package["resources"]}
    assert set(described) == set(files) - {"datapackage.json"}
    assert {"panel_wide.parquet", "codebook/1.2.0.yaml", "CITATION.cff"} <= set(described)
    for path, item in described.items():
        if path != "SHA256SUMS":
            data = (a / NAME / path).read_bytes()
            assert item["bytes"] == len(data)
            assert item["hash"] == f"sha256:{hashlib.sha256(data).hexdigest()}"
    return archive


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_releases_of_one_commit_are_identical_in_a_checkout(ready: Path, tmp_path: Path) -> None:
    """In a git checkout, without SOURCE_DATE_EPOCH, both releases carry HEAD's commit time."""
    (ready / ".gitignore").write_text("dist/\n", encoding="utf-8")
    git(ready, "init", "-q")
    git(ready, "add", "-A")
    git(ready, "commit", "-q", "-m", "data")
    git(ready, "tag", "v2.1.0")
    a, b = release_twice(ready, tmp_path)
    archive = assert_identical_and_sound(a, b)
    assert {i.date_time for i in archive.infolist()} == {(2023, 11, 14, 22, 13, 20)}
    assert "date-released: '2023-11-14'" in (a / NAME / "CITATION.cff").read_text("utf-8")


def test_releases_outside_git_are_identical(ready: Path, tmp_path: Path) -> None:
    """Outside git, without SOURCE_DATE_EPOCH, both releases are dated 1980-01-01, and
    Frictionless validates the package (every file's size and hash included)."""
    a, b = release_twice(ready, tmp_path)
    archive = assert_identical_and_sound(a, b)
    assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(a / NAME / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])[:5]
