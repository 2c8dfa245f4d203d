"""`cmr export` against an unlucky machine and a crowded output folder, run as a user runs it.

Environment problems (a full disk, a forbidden or read-only folder, another export writing to
the same folder, a malformed SOURCE_DATE_EPOCH) are one line on stderr and exit status 2; a
file cmr did not write in dist/ is a located finding and exit status 1. In every case the
previous panel is intact and nothing is left beside dist/. Tests run as root, so the disk and
permission failures are injected with `CMR_FAULT`.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from adversarial_support import REPO, SEED, Ran, assert_unchanged, run_cmr, snapshot

from cmr.export._lock import lock_path

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def previous(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The export folder of the repository's dataset, made once, to copy as the old panel."""
    root = tmp_path_factory.mktemp("previous")
    for name in ("codebook", "observations"):
        shutil.copytree(REPO / name, root / name)
    for seed in SEED.glob("*.yaml"):  # the same seed years as the `dataset` fixture
        shutil.copy(seed, root / "observations" / "AZE" / seed.name)
    shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
    assert run_cmr("export", cwd=root).code == 0
    return root / "dist"


@pytest.fixture
def exported(dataset: Path, previous: Path) -> Path:
    """`dataset` with a previous export in dist/."""
    shutil.copytree(previous, dataset / "dist")
    return dataset


def litter(dataset: Path) -> list[str]:
    return sorted(n for n in os.listdir(dataset) if n.startswith(".dist"))


def one_line_exit_2(ran: Ran, *words: str) -> None:
    """Exit status 2, nothing on stdout and one line on stderr holding `words`."""
    assert ran.code == 2, ran.text
    assert ran.out == ""
    assert len(ran.err.splitlines()) == 1, ran.err
    for word in words:
        assert word in ran.err


@pytest.mark.parametrize(
    ("fault", "words"),
    [
        ("export:enospc", "no space left"),
        ("export:write:eacces", "permission denied"),
        ("export:erofs", "read-only file system"),
        ("export:staged-all:enospc", "no space left"),
        ("export:before-publish:eexist", "changed while cmr was writing"),
    ],
)
def test_os_error_is_one_line(
    exported: Path, cmr: Callable[..., Ran], fault: str, words: str
) -> None:
    """A full disk, a forbidden or read-only folder, or a race while writing: exit 2 with
    one line naming dist, the previous panel intact and nothing left beside it."""
    before = snapshot(exported)
    one_line_exit_2(cmr("export", env={"CMR_FAULT": fault}), words, "dist")
    assert_unchanged(before, snapshot(exported), allowed=())
    assert litter(exported) == []


@pytest.mark.parametrize("point", ["staged-some", "after-publish"])
def test_ctrl_c_cleans_up_at_once(exported: Path, cmr: Callable[..., Ran], point: str) -> None:
    """Ctrl-C during an export exits 130 with one line and leaves dist/ the complete old
    (or, once published, new) panel with nothing beside it, without waiting for a next run."""
    before = snapshot(exported / "dist")
    ran = cmr("export", env={"CMR_FAULT": f"export:{point}:sigint", "SOURCE_DATE_EPOCH": "5"})
    assert ran.code == 130 and ran.err.strip() == "cmr: interrupted", ran.text
    assert (snapshot(exported / "dist") == before) == (point == "staged-some")
    assert litter(exported) == []


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 250 KiB tmpfs: room for one export but not two (skipped where mounting fails)."""
    mount = tmp_path / "small"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=450k", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=True)


@pytest.mark.parametrize(("how", "words"), [("full", "no space left"), ("ro", "read-only")])
def test_real_full_or_read_only_disk(
    dataset: Path,
    previous: Path,
    small_disk: Path,
    cmr: Callable[..., Ran],
    how: str,
    words: str,
) -> None:
    """On a real disk too small for a second export, or remounted read-only, the export
    exits 2 with one line and the previous panel is intact."""
    out = small_disk / "dist"
    shutil.copytree(previous, out)
    if how == "ro":
        subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    before = snapshot(small_disk)
    ran = cmr("export", "--out", str(out), env={"SOURCE_DATE_EPOCH": "5"})
    one_line_exit_2(ran, words, str(out))
    assert snapshot(small_disk) == before
    assert os.listdir(small_disk) == ["dist"]


@pytest.mark.parametrize("value", ["abc", "-5", "1e30", "12 34"])
def test_malformed_source_date_epoch(exported: Path, cmr: Callable[..., Ran], value: str) -> None:
    """A malformed SOURCE_DATE_EPOCH stops the export at once: exit 2, one line."""
    before = snapshot(exported)
    one_line_exit_2(cmr("export", env={"SOURCE_DATE_EPOCH": value}), "SOURCE_DATE_EPOCH=")
    assert_unchanged(before, snapshot(exported), allowed=())
    assert litter(exported) == []


def test_empty_source_date_epoch_means_unset(exported: Path, cmr: Callable[..., Ran]) -> None:
    """SOURCE_DATE_EPOCH set but empty is unset: the export succeeds, byte-identical."""
    before = snapshot(exported)
    assert cmr("export", env={"SOURCE_DATE_EPOCH": ""}).code == 0
    assert_unchanged(before, snapshot(exported), allowed=())


def test_concurrent_export_stops_at_once(exported: Path, cmr: Callable[..., Ran]) -> None:
    """While another export holds dist/'s lock, a second one exits 2 at once, one line."""
    before = snapshot(exported)
    with lock_path(exported / "dist").open("w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        ran = cmr("export")
    lock_path(exported / "dist").unlink()
    one_line_exit_2(ran, "another cmr export is writing to dist", "try again")
    assert_unchanged(before, snapshot(exported), allowed=())


@pytest.mark.parametrize("stranger", ["notes.txt", ".hidden", "sub/thesis.tex", "datapackage.json"])
def test_a_user_file_in_dist_is_never_deleted(
    dataset: Path, previous: Path, cmr: Callable[..., Ran], stranger: str
) -> None:
    """A file in dist/ that no export wrote (beside an export, or alone) is refused with a
    located export-folder-foreign finding and exit 1; nothing is deleted."""
    if stranger != "datapackage.json":
        shutil.copytree(previous, dataset / "dist")
    path = dataset / "dist" / stranger
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"mine": true}\n', encoding="utf-8")
    before = snapshot(dataset)
    ran = cmr("export")
    assert ran.code == 1, ran.text
    assert ran.codes() == ["export-folder-foreign"]
    assert ran.out.startswith(f"dist/{stranger.split('/')[0]}:1:1: error export-folder-foreign")
    assert_unchanged(before, snapshot(dataset), allowed=())


@pytest.mark.parametrize("folder", ["empty", "previous"])
def test_empty_folder_or_previous_export_is_written(
    dataset: Path, previous: Path, cmr: Callable[..., Ran], folder: str
) -> None:
    """An empty dist/ is filled and a previous export replaced; nothing is left beside it."""
    if folder == "empty":
        (dataset / "dist").mkdir()
    else:
        shutil.copytree(previous, dataset / "dist")
        (dataset / "dist" / "panel_long.csv").write_text("edited by hand\n", encoding="utf-8")
    ran = cmr("export")
    assert ran.code == 0, ran.text
    assert snapshot(dataset / "dist") == snapshot(previous)
    assert litter(dataset) == []


def break_1993(dataset: Path) -> None:
    path = dataset / "observations" / "AZE" / "1993.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('answer: "yes"', 'answer: "maybe"', 1), encoding="utf-8")


def test_broken_file_stops_the_export(exported: Path, cmr: Callable[..., Ran]) -> None:
    """Without --allow-partial a file with an error stops the export: exit 1, findings."""
    break_1993(exported)
    before = snapshot(exported)
    ran = cmr("export")
    assert ran.code == 1 and "answer-not-in-scale" in ran.codes()
    assert_unchanged(before, snapshot(exported), allowed=())


def test_allow_partial_exports_the_rest(exported: Path, cmr: Callable[..., Ran]) -> None:
    """--allow-partial leaves the broken file out, exports the rest, warns and marks the
    package partial."""
    break_1993(exported)
    ran = cmr("export", "--allow-partial")
    assert ran.code == 0, ran.text
    assert "export-partial" in ran.codes()
    assert "1 country-year(s)" in ran.out
    package = json.loads((exported / "dist" / "datapackage.json").read_text("utf-8"))
    assert package["cmr"]["partial"] is True
    assert package["cmr"]["excluded"] == ["observations/AZE/1993.yaml"]
    assert litter(exported) == []
