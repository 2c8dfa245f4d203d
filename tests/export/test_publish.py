"""Publishing an export: faults while writing, the rename fallback, leftovers, the lock,
SOURCE_DATE_EPOCH and partial panels, run in-process through the library."""

from __future__ import annotations

import ctypes
import errno
import fcntl
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from support import cmr_run as cmr
from support import write_observation

from cmr.errors import EnvironmentProblem, from_os_error
from cmr.export import _epoch, _faults, _publish, _rename
from cmr.export._lock import lock_path

from .conftest import panel_data

POINTS = ["locked", "staging", "write", "staged-some", "staged-all", "before-publish"]
FAULTS = [
    *((point, "enospc") for point in POINTS),
    ("write", "eacces"),
    ("before-publish", "eacces"),
    ("staging", "erofs"),
    ("before-publish", "erofs"),
]


def state(folder: Path) -> dict[str, bytes]:
    """Every file in and beside `folder` with its bytes (what a fault must not change)."""
    return {
        str(p.relative_to(folder.parent)): p.read_bytes()
        for p in sorted(folder.parent.rglob("*"))
        if p.is_file() and (p.parent == folder or p.name.startswith(f".{folder.name}"))
    }


def beside(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.parent.iterdir() if p.name.startswith(f".{folder.name}"))


@pytest.mark.parametrize(("point", "code"), FAULTS)
def test_os_error_keeps_previous_export(
    exported: Path,
    panel_project: Path,
    export_to: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
    point: str,
    code: str,
) -> None:
    """An OSError at any point before publishing is one EnvironmentProblem naming the folder;
    the previous export is unchanged and nothing is left beside it."""
    before = state(exported)
    monkeypatch.setenv("CMR_FAULT", f"export:{point}:{code}")
    with pytest.raises(EnvironmentProblem) as caught:
        export_to(panel_project, exported)
    assert "dist" in str(caught.value) and "\n" not in str(caught.value)
    assert state(exported) == before
    assert beside(exported) == []


@pytest.mark.parametrize("previous", ["export", "empty", "missing"])
def test_fallback_without_renameat2(
    panel_project: Path,
    export_to: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
    previous: str,
) -> None:
    """Without renameat2 two renames publish the export, over an export, an empty folder or
    nothing, and leave nothing beside it."""
    out = panel_project / "dist"
    if previous == "export":
        assert export_to(panel_project, out).written
    elif previous == "empty":
        out.mkdir()
    monkeypatch.setattr(_rename, "renameat2_function", lambda: None)
    run = export_to(panel_project, out)
    assert run.written and (out / "datapackage.json").is_file()
    assert beside(out) == []


def test_fallback_when_the_file_system_refuses(
    exported: Path,
    panel_project: Path,
    export_to: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A file system that answers EINVAL to renameat2 gets the two-rename fallback."""

    def refuse(*args: Any) -> int:
        ctypes.set_errno(errno.EINVAL)
        return -1

    monkeypatch.setattr(_rename, "renameat2_function", lambda: refuse)
    assert export_to(panel_project, exported).written
    assert beside(exported) == []


def test_exchange_swaps_two_folders(tmp_path: Path) -> None:
    """renameat2(RENAME_EXCHANGE) swaps the contents of two names in one step."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "one").write_text("a", encoding="utf-8")
    assert _rename.exchange(tmp_path / "a", tmp_path / "b")
    assert (tmp_path / "b" / "one").is_file() and not (tmp_path / "a" / "one").exists()


def make_leftover(target: Path, kind: str) -> Path:
    """A folder beside `target` as an interrupted export (or a stranger) might leave it."""
    suffix = "toolong123" if kind == "wrong-name" else "abcd1234"
    path = target.parent / f"{_publish.stage_prefix(target)}{suffix}"
    if kind == "symlink":
        path.symlink_to(target, target_is_directory=True)
        return path
    path.mkdir()
    if kind in ("marked", "wrong-name"):
        (path / _publish.MARKER).write_text(_publish.MARKER_TEXT, encoding="utf-8")
        (path / "panel_long.csv").write_text("half\n", encoding="utf-8")
    if kind in ("manifest", "stranger"):
        manifest = {"panel_long.csv": "sha256:0"}
        package = {"cmr": {"format": 1, "manifest": manifest}}
        (path / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
        (path / "panel_long.csv").write_text("old\n", encoding="utf-8")
    if kind == "stranger":
        (path / "thesis.tex").write_text("precious\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("kind", "removed"),
    [
        ("marked", True),
        ("manifest", True),
        ("empty", True),
        ("stranger", False),
        ("wrong-name", False),
        ("symlink", False),
    ],
)
def test_leftovers_are_removed_only_when_provably_cmr(
    exported: Path, panel_project: Path, export_to: Callable[..., Any], kind: str, removed: bool
) -> None:
    """The next export removes staging folders with the marker or a complete manifest (and
    empty ones); anything else under a similar name is left alone."""
    leftover = make_leftover(exported, kind)
    assert export_to(panel_project, exported).written
    assert os.path.lexists(leftover) != removed
    if kind == "stranger":
        assert (leftover / "thesis.tex").read_text(encoding="utf-8") == "precious\n"


def test_second_export_stops_while_the_lock_is_held(
    exported: Path, panel_project: Path, export_to: Callable[..., Any]
) -> None:
    """An export into a folder another export holds stops at once with EnvironmentProblem."""
    before = state(exported)
    with lock_path(exported).open("w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        busy = r"another cmr export is writing to .*dist; try again"
        with pytest.raises(EnvironmentProblem, match=busy):
            export_to(panel_project, exported)
    lock_path(exported).unlink()
    assert state(exported) == before


def test_lock_file_goes_when_the_export_ends(
    exported: Path, panel_project: Path, export_to: Callable[..., Any]
) -> None:
    """A finished export leaves no lock file beside its folder."""
    assert export_to(panel_project, exported).written
    assert not lock_path(exported).exists()


@pytest.mark.parametrize(
    "value", ["abc", "-5", "1e30", "5.0", " 5", "253402300800", "١٢٣", "0x10", "5\n"]
)
def test_malformed_source_date_epoch(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    """A SOURCE_DATE_EPOCH that is not whole seconds from 1970 to year 9999 is one line."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    with pytest.raises(EnvironmentProblem) as caught:
        _epoch.source_date_epoch()
    assert "\n" not in str(caught.value) and "SOURCE_DATE_EPOCH=" in str(caught.value)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("", None), ("0", 0), ("1700000000", 1700000000), ("253402300799", 253402300799)],
)
def test_valid_source_date_epoch(
    monkeypatch: pytest.MonkeyPatch, value: str, seconds: int | None
) -> None:
    """Whole seconds are read as such; set but empty counts as unset."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    assert _epoch.source_date_epoch() == seconds


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "no space left"),
        (errno.EACCES, "permission denied"),
        (errno.EROFS, "read-only file system"),
        (errno.ENOTEMPTY, "changed while cmr was writing"),
        (errno.EIO, "cannot write dist: Input/output error"),
    ],
)
def test_os_errors_become_one_line(code: int, words: str) -> None:
    """Each OSError becomes one line naming the path and what to do."""
    problem = from_os_error(OSError(code, os.strerror(code), "/x/.dist.cmr-stage-1/a"), "dist")
    assert words in str(problem) and "dist" in str(problem) and "\n" not in str(problem)


def test_fault_hook_is_silent_when_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without CMR_FAULT, or naming another point or another tool, the hook does nothing."""
    monkeypatch.delenv("CMR_FAULT", raising=False)
    _faults.at("write")
    monkeypatch.setenv("CMR_FAULT", "export:staging:enospc")
    _faults.at("write")
    monkeypatch.setenv("CMR_FAULT", "check:write")
    _faults.at("write")


def break_observation(project: Path, year: int) -> None:
    data = panel_data(project, "AZE", year)
    data["answers"][next(iter(data["answers"]))]["answer"] = "maybe"
    write_observation(project, data)


def test_partial_panel_leaves_broken_files_out(
    panel_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With allow_partial, a broken and an unreadable file are left out, the rest exported,
    and datapackage.json marks the package partial."""
    from cmr.export import export
    from cmr.project import Project

    break_observation(panel_project, 1993)
    (panel_project / "observations" / "GEO" / "1995.yaml").write_bytes(b"\xff\xfe\x00garbage")
    monkeypatch.chdir(panel_project)
    run = export(project=Project.find(panel_project), allow_partial=True)
    assert run.written and run.country_years == 4
    assert run.excluded == ("observations/AZE/1993.yaml", "observations/GEO/1995.yaml")
    package = json.loads((panel_project / "dist" / "datapackage.json").read_text("utf-8"))
    assert package["cmr"]["partial"] is True
    assert package["cmr"]["excluded"] == list(run.excluded)
    assert "export-partial" in [f.code for f in run.result.findings]


def test_without_errors_allow_partial_changes_nothing(
    panel_project: Path, export_to: Callable[..., Any], tmp_path: Path
) -> None:
    """allow_partial over clean observations writes the very bytes of a plain export."""
    from cmr.export import export
    from cmr.project import Project

    plain = export_to(panel_project, tmp_path / "plain").out
    partial = export(tmp_path / "partial", project=Project.find(panel_project), allow_partial=True)
    assert not partial.excluded
    for path in plain.iterdir():
        assert (partial.out / path.name).read_bytes() == path.read_bytes()


def test_partial_export_stops_on_errors_outside_observations(
    panel_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An error that is not about an observation file (here the bibliography) still stops
    a partial export."""
    from cmr.export import export
    from cmr.project import Project

    bib = panel_project / "observations" / "references.bib"
    bib.write_text(bib.read_text(encoding="utf-8") + "\n@article{broken,\n", encoding="utf-8")
    monkeypatch.chdir(panel_project)
    run = export(project=Project.find(panel_project), allow_partial=True)
    assert not run.written, [f.render() for f in run.result.findings]


@pytest.mark.parametrize("out", ["afile/dist", "afile/deeper/dist"])
def test_a_file_in_place_of_a_parent_folder(
    panel_project: Path, export_to: Callable[..., Any], out: str
) -> None:
    """A file where a parent folder of the output should be is one EnvironmentProblem."""
    (panel_project / "afile").write_text("mine\n", encoding="utf-8")
    with pytest.raises(EnvironmentProblem, match="a file stands where a folder"):
        export_to(panel_project, panel_project / out)
    assert (panel_project / "afile").read_text(encoding="utf-8") == "mine\n"


def test_a_leftover_that_cannot_be_removed_does_not_stop_the_export(
    exported: Path,
    panel_project: Path,
    export_to: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Removing leftovers is best effort: a leftover cmr may not delete stays, the export
    goes on."""
    leftover = make_leftover(exported, "marked")
    real = _publish.discard

    def refuse(folder: Path, point: str | None = None) -> bool:
        if folder == leftover:
            raise PermissionError(errno.EACCES, "Permission denied", str(folder))
        return real(folder, point)

    monkeypatch.setattr(_publish, "discard", refuse)
    assert export_to(panel_project, exported).written
    assert leftover.is_dir() and beside(exported) == [leftover.name]


@pytest.mark.parametrize("out", ["afile", "/dev/null"])
def test_out_naming_a_file_is_one_line(panel_project: Path, out: str) -> None:
    """`--out` at a file or a device is a usage problem in one line (exit 2): no finding, no
    lock file beside it, and the file is kept."""
    (panel_project / "afile").write_text("mine\n", encoding="utf-8")
    done = cmr(panel_project, "export", "--out", out)
    assert done.returncode == 2 and done.stdout == "", done.stdout + done.stderr
    assert done.stderr.count("\n") == 1 and "is a file, not a folder" in done.stderr
    assert (panel_project / "afile").read_text(encoding="utf-8") == "mine\n"
    assert not lock_path(Path(out).absolute()).exists()


def test_empty_out_is_a_usage_error(panel_project: Path) -> None:
    """`--out ''` names no folder: one line, exit 2."""
    done = cmr(panel_project, "export", "--out", "")
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr


def test_out_dot_names_a_real_foreign_file(panel_project: Path) -> None:
    """`--out .` on the dataset is refused naming one of its files, never cmr's own lock."""
    done = cmr(panel_project, "export", "--out", ".")
    assert done.returncode == 1, done.stdout + done.stderr
    refusal = [ln for ln in done.stdout.splitlines() if "export-folder-foreign" in ln]
    assert refusal and "cmr-lock" not in done.stdout, done.stdout
    named = refusal[0].split(":", 1)[0]
    assert (panel_project / named).exists(), refusal[0]


def test_folder_with_a_newline_is_shown_on_one_line(panel_project: Path, tmp_path: Path) -> None:
    """The closing `wrote ... files to` line escapes a newline in the folder's name."""
    done = cmr(panel_project, "export", "--out", str(tmp_path / "di\nst"))
    assert done.returncode == 0, done.stdout + done.stderr
    wrote = [ln for ln in (done.stdout + done.stderr).splitlines() if ln.startswith("wrote ")]
    assert wrote and "di\\nst: " in wrote[0], done.stdout + done.stderr
