"""`cmr site --out` aimed at what it must never replace, a previous site whose manifest lies,
and builds killed half-way: nothing outside the output folder is touched, nothing foreign is
deleted, the previous site survives, and every refusal is one line (exit 2) or a finding
(exit 1), never a traceback."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from site_support import synthetic
from support import cmr_run, make_project

from cmr.site import MANIFEST


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The synthetic dataset (read only)."""
    return synthetic(tmp_path_factory.mktemp("folder") / "data")


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def _built(dataset: Path, out: Path) -> dict[str, bytes]:
    done = cmr_run(dataset, "site", "--out", str(out))
    assert done.returncode == 0, done.stdout + done.stderr
    return _files(out)


@pytest.mark.parametrize("out", ["/", ".", "..", "observations", "observations/AZE", "codebook"])
def test_an_out_that_is_or_holds_the_dataset_is_refused_at_once(dataset: Path, out: str) -> None:
    """The root folder, the dataset, a folder holding it, the observations or the codebook:
    one line on stderr and exit 2, nothing read through or written."""
    before = sorted(os.listdir(dataset))
    done = cmr_run(dataset, "site", "--out", out)
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stdout == "" and len(done.stderr.splitlines()) == 1
    assert done.stderr.startswith(f"cmr: --out {out} ")
    assert sorted(os.listdir(dataset)) == before


def test_an_out_below_a_file_names_the_file(dataset: Path) -> None:
    """`--out README/site` where README is a file: one line naming the file, exit 2."""
    done = cmr_run(dataset, "site", "--out", "CHANGELOG.md/site/x")
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr == "cmr: --out CHANGELOG.md/site/x: CHANGELOG.md is a file, not a folder\n"


@pytest.mark.parametrize("target", [".", "observations", ".."])
def test_a_link_to_the_dataset_is_refused_like_the_dataset(
    dataset: Path, tmp_path: Path, target: str
) -> None:
    """A symbolic link to the dataset, its observations or a folder holding it is refused as
    what it points to."""
    link = tmp_path / "site"
    link.symlink_to((dataset / target).resolve())
    done = cmr_run(dataset, "site", "--out", str(link))
    assert done.returncode == 2, done.stdout + done.stderr
    assert len(done.stderr.splitlines()) == 1
    assert link.is_symlink()


def test_a_folder_of_foreign_files_is_named_and_left_alone(dataset: Path, tmp_path: Path) -> None:
    """A home-like folder (files, a deep tree, a link out) is refused with a finding at its
    first entry, exit 1, and stays as it was."""
    home = tmp_path / "home"
    deep = home / ".cache" / "a" / "b" / "c"
    deep.mkdir(parents=True)
    (deep / "blob").write_bytes(b"\0" * 100)
    (home / ".bashrc").write_text("alias ll='ls -l'\n", encoding="utf-8")
    (home / "elsewhere").symlink_to(dataset)
    before = _files(home)
    done = cmr_run(dataset, "site", "--out", str(home))
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"{home}/.bashrc:1:1: error site-folder-foreign" in done.stdout
    assert "(and 2 more)" in done.stdout
    assert _files(home) == before and (home / "elsewhere").is_symlink()


@pytest.mark.parametrize("listed", ["../../victim.txt", "ABSOLUTE", "../victim.txt"])
def test_a_manifest_naming_files_outside_deletes_nothing_outside(
    dataset: Path, tmp_path: Path, listed: str
) -> None:
    """A previous site whose `cmr-site.json` lists `../../victim.txt` or an absolute path:
    the rebuild replaces the site and every file outside it survives."""
    victims = [tmp_path / "victim.txt", tmp_path / "a" / "victim.txt"]
    site = tmp_path / "a" / "b" / "site"
    _built(dataset, site)
    for victim in victims:
        victim.write_text("keep me\n", encoding="utf-8")
    name = str(victims[0]) if listed == "ABSOLUTE" else listed
    manifest = json.loads((site / MANIFEST).read_text(encoding="utf-8"))
    manifest["cmr"]["manifest"][name] = "sha256:" + "0" * 64
    (site / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    done = cmr_run(dataset, "site", "--out", str(site))
    assert done.returncode == 0, done.stdout + done.stderr
    assert [v.read_text(encoding="utf-8") for v in victims] == ["keep me\n"] * 2
    assert name not in (site / MANIFEST).read_text(encoding="utf-8")


def test_a_page_swapped_for_a_link_out_is_foreign(dataset: Path, tmp_path: Path) -> None:
    """A listed page replaced by a link to a file outside is not cmr's: exit 1, the link and
    its target stay."""
    site = tmp_path / "site"
    _built(dataset, site)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n", encoding="utf-8")
    (site / "index.html").unlink()
    (site / "index.html").symlink_to(victim)
    done = cmr_run(dataset, "site", "--out", str(site))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "index.html:1:1: error site-folder-foreign" in done.stdout
    assert (site / "index.html").is_symlink() and victim.read_text(encoding="utf-8") == "keep me\n"


def test_a_garbled_manifest_makes_the_folder_foreign(dataset: Path, tmp_path: Path) -> None:
    """A `cmr-site.json` that is not a manifest proves nothing: exit 1, every file kept."""
    site = tmp_path / "site"
    _built(dataset, site)
    (site / MANIFEST).write_text('{"cmr": {"format": "cmr-site-1", "manifest": [', "utf-8")
    before = _files(site)
    done = cmr_run(dataset, "site", "--out", str(site))
    assert done.returncode == 1, done.stdout + done.stderr
    assert _files(site) == before


KILL = """
import os, signal, sys
import cmr.site._run as run, cmr.site._stage as stage
from cmr.cli import main
if sys.argv[1] == "writing":
    real = run.write_files
    def write_files(folder, files):
        def some():
            for n, item in enumerate(files):
                if n == 5:
                    os.kill(os.getpid(), signal.SIGKILL)
                yield item
        return real(folder, some())
    run.write_files = write_files
else:
    stage._seal = lambda folder: os.kill(os.getpid(), signal.SIGKILL)
sys.argv[1:] = sys.argv[2:]
main()
"""


@pytest.mark.parametrize("when", ["writing", "publishing"])
def test_a_build_killed_half_way_leaves_the_previous_site(
    dataset: Path, tmp_path: Path, when: str
) -> None:
    """kill -9 while the pages are written, or just before the swap: the previous site is
    intact, byte for byte, and the next build removes the leftover and succeeds."""
    site = tmp_path / "site"
    before = _built(dataset, site)
    (site / "index.html").write_bytes(before["index.html"])  # untouched, still cmr's
    killed = subprocess.run(
        [sys.executable, "-c", KILL, when, "site", "--out", str(site)],
        cwd=dataset, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert _files(site) == before
    leftovers = [n for n in os.listdir(tmp_path) if n.startswith(".site.cmr-stage")]
    assert len(leftovers) == 1
    assert _built(dataset, site) == before
    assert sorted(os.listdir(tmp_path)) == ["site"]


@pytest.fixture(scope="module")
def bare(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A dataset without observations (quick to check)."""
    return make_project(tmp_path_factory.mktemp("bare") / "data", up_to=None)


@pytest.mark.parametrize(
    ("kind", "code"),
    [
        ("utf16", "file-encoding-bom"),
        ("nul", "file-binary"),
        ("link-out", "file-outside-repository"),
        ("folder", "file-not-regular"),
        ("fifo", "file-not-regular"),
    ],
)
def test_a_changelog_that_cannot_be_shown_stops_the_site(
    bare: Path, tmp_path: Path, kind: str, code: str
) -> None:
    """A CHANGELOG.md saved as UTF-16, with a NUL, linking to /etc/passwd, a folder or a FIFO:
    a finding at the file and exit 1 (never published, never a hang), nothing written."""
    changelog = bare / "CHANGELOG.md"
    if kind == "utf16":
        changelog.write_bytes("# Changelog\n".encode("utf-16"))
    elif kind == "nul":
        changelog.write_bytes(b"# Changelog\n\x00\n")
    elif kind == "link-out":
        changelog.symlink_to("/etc/passwd")
    elif kind == "folder":
        changelog.mkdir()
    else:
        os.mkfifo(changelog)
    try:
        done = cmr_run(bare, "site", "--out", str(tmp_path / "site"))
    finally:
        changelog.rmdir() if kind == "folder" else changelog.unlink()
    assert done.returncode == 1, done.stdout + done.stderr
    assert re.match(rf"CHANGELOG\.md:\d+:\d+: error {code} ", done.stdout)
    assert not (tmp_path / "site").exists()
