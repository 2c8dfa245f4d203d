"""`cmr release` given hostile versions and places: refused in one line (exit 2), nothing made,
nothing of anyone else's touched."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .conftest import release

TOO_LONG = "1." * 40 + "0"


def refused(done: object, *words: str) -> None:
    """`done` exited 2 with one line on stderr holding `words`, and printed nothing else."""
    assert done.returncode == 2, (done.stdout, done.stderr)  # type: ignore[attr-defined]
    lines = done.stderr.strip().splitlines()  # type: ignore[attr-defined]
    assert len(lines) == 1 and all(w in lines[0] for w in words), lines
    assert done.stdout == ""  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("version", "said"),
    [
        ("../x", "is not a release version"),
        ("1.0.0/..", "is not a release version"),
        (" ", "is not a release version"),
        ("1.0.0\n", "'1.0.0\\\\n' is not a release version"),
        ("١.٠.٠", "is not a release version"),  # Arabic-Indic digits
        ("1.0.0+../x", "is not a release version"),
        ("01.0.0", "write it 1.0.0"),
        ("2026.01", "write it 2026.1"),
        (TOO_LONG, "use at most 64"),
    ],
)
def test_a_hostile_version_is_refused_before_anything_is_made(
    ready: Path, version: str, said: str
) -> None:
    """Path pieces, blanks, line breaks, other digits, leading zeros, very long: exit 2."""
    refused(release(ready, "--no-pdf", "--", version), said)
    assert not (ready / "dist").exists()


def test_empty_out_is_refused(ready: Path) -> None:
    """`--out ''` is not taken to mean the working folder."""
    refused(release(ready, "--no-pdf", "--out", "", "2.1.0"), "--out is empty")
    assert sorted(p.name for p in ready.iterdir()) == sorted(
        ["CHANGELOG.md", "LICENSE-DATA", "cmr.toml", "codebook", "observations"]
    )


@pytest.mark.parametrize("inside", ["observations", "codebook/releases"])
def test_out_among_the_inputs_is_refused(ready: Path, inside: str) -> None:
    """A release inside the observations or the codebook is refused naming --out; no folder
    is created there."""
    before = sorted(p.relative_to(ready) for p in ready.rglob("*"))
    refused(release(ready, "--no-pdf", "--out", inside, "2.1.0"), f"--out {inside} is inside")
    assert sorted(p.relative_to(ready) for p in ready.rglob("*")) == before


def test_out_that_is_a_file_or_under_one_is_refused(ready: Path, tmp_path: Path) -> None:
    """A file where the folder (or one of its parents) should be: exit 2, the file unchanged."""
    (tmp_path / "afile").write_text("mine\n", encoding="utf-8")
    refused(release(ready, "--no-pdf", "--out", str(tmp_path / "afile"), "2.1.0"), "afile")
    done = release(ready, "--no-pdf", "--out", str(tmp_path / "afile" / "sub"), "2.1.0")
    refused(done, "a file stands where a folder")
    assert (tmp_path / "afile").read_text(encoding="utf-8") == "mine\n"


def test_a_zip_alone_or_a_link_to_nothing_counts_as_released(ready: Path, tmp_path: Path) -> None:
    """An existing zip, even a dangling link named like it, is never replaced."""
    (tmp_path / "z").mkdir()
    (tmp_path / "z" / "cmr-dataset-2.1.0.zip").write_bytes(b"not mine to replace")
    done = release(ready, "--no-pdf", "--out", str(tmp_path / "z"), "2.1.0")
    refused(done, "release 2.1.0 exists", "cmr-dataset-2.1.0.zip")
    assert (tmp_path / "z" / "cmr-dataset-2.1.0.zip").read_bytes() == b"not mine to replace"
    (tmp_path / "l").mkdir()
    os.symlink(tmp_path / "nowhere", tmp_path / "l" / "cmr-dataset-2.1.0.zip")
    done = release(ready, "--no-pdf", "--out", str(tmp_path / "l"), "2.1.0")
    refused(done, f"exists ({tmp_path / 'l' / 'cmr-dataset-2.1.0.zip'})")
    assert not (tmp_path / "nowhere").exists()


def test_a_folder_without_its_zip_is_an_incomplete_release(ready: Path, tmp_path: Path) -> None:
    """A release folder without its zip (a release killed while placed) is named as such."""
    (tmp_path / "out" / "cmr-dataset-2.1.0").mkdir(parents=True)
    done = release(ready, "--no-pdf", "--out", str(tmp_path / "out"), "2.1.0")
    refused(done, "release 2.1.0 is incomplete", "exists without its zip")
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["cmr-dataset-2.1.0"]


def test_foreign_files_and_leftovers_beside_a_release_are_kept(ready: Path, tmp_path: Path) -> None:
    """A release into a folder holding a user's files and an old staging folder, through a
    symlink: it lands where the link points, and everything else stays as it was."""
    target = tmp_path / "elsewhere"
    leftover = target / ".cmr-dataset-2.1.0.release-abcdefgh"
    leftover.mkdir(parents=True)
    (leftover / "keep").write_text("x", encoding="utf-8")
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    (tmp_path / "link").symlink_to(target)
    done = release(ready, "--no-pdf", "--out", str(tmp_path / "link"), "2.1.0")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in target.iterdir()) == sorted(
        [leftover.name, "notes.txt", "cmr-dataset-2.1.0", "cmr-dataset-2.1.0.zip"]
    )
    assert (leftover / "keep").read_text(encoding="utf-8") == "x"
    assert (target / "notes.txt").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("epoch", ["253402300799", "4354819200"])
def test_a_moment_no_zip_can_hold_is_refused(ready: Path, epoch: str) -> None:
    """SOURCE_DATE_EPOCH after 2107 (the zip format's last year): one line, nothing made."""
    done = release(ready, "--no-pdf", "--out", "new/deeper", "2.1.0", epoch=epoch)
    refused(done, "is after 2107", "SOURCE_DATE_EPOCH")
    assert not (ready / "new").exists()


def test_a_malformed_epoch_is_refused(ready: Path) -> None:
    """SOURCE_DATE_EPOCH that is not a number of seconds: one line, nothing made."""
    refused(release(ready, "--no-pdf", "2.1.0", epoch="yesterday"), "SOURCE_DATE_EPOCH=")
    assert not (ready / "dist").exists()


def test_out_inside_a_published_release_is_refused(ready: Path, tmp_path: Path) -> None:
    """A release is never added to: --out inside a release folder (beside its zip) is refused
    and the folder stays as it was."""
    (tmp_path / "cmr-dataset-1.0.0").mkdir()
    (tmp_path / "cmr-dataset-1.0.0.zip").write_bytes(b"a release")
    done = release(ready, "--no-pdf", "--out", str(tmp_path / "cmr-dataset-1.0.0" / "x"), "2.1.0")
    refused(done, "is inside release folder cmr-dataset-1.0.0")
    assert list((tmp_path / "cmr-dataset-1.0.0").iterdir()) == []


@pytest.mark.parametrize(
    ("existing", "version"),
    [("2.1.0-rc.1", "2.1.0rc1"), ("2.1.0rc1", "v2.1.0-rc1"), ("2.1", "2.1.0"), ("2.1.0", "2.1")],
)
def test_another_spelling_of_a_released_version_is_refused(
    ready: Path, tmp_path: Path, existing: str, version: str
) -> None:
    """A semantic and a PEP 440 spelling of one version (or 2.1 and 2.1.0) name one release."""
    (tmp_path / f"cmr-dataset-{existing}").mkdir()
    (tmp_path / f"cmr-dataset-{existing}.zip").write_bytes(b"released")
    done = release(ready, "--no-pdf", "--out", str(tmp_path), "--", version)
    refused(done, f"exists as {tmp_path / f'cmr-dataset-{existing}'}", "PEP 440")
