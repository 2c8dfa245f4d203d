"""The machine, not the data, gets in the way: full disks, refused permissions, closed pipes,
Ctrl-C and faults in cmr itself. The entry point answers each with one line and an exit status,
never a traceback.

Errors that a subprocess cannot be made to meet (EROFS, EMFILE, ...) are raised in-process from
a patched command and go through `main()` exactly as a real one would.
"""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from adversarial_support import REPO, assert_unchanged, run_cmr, snapshot

from cmr.cli import main
from cmr.errors import EnvironmentProblem

BUG = "this is a bug in cmr; please report it"


def one_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, text
    return lines[0]


@pytest.fixture
def raising(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """`raising(exc)` runs `cmr codes` with the command raising `exc`: (status, stderr)."""
    from cmr.cli import _codes

    def run(exc: BaseException) -> tuple[object, str]:
        def boom(**_: object) -> None:
            raise exc

        monkeypatch.setattr(_codes.command, "callback", boom)
        monkeypatch.setattr(sys, "argv", ["cmr", "codes"])
        with pytest.raises(SystemExit) as stopped:
            main()
        err = capsys.readouterr().err
        assert "Traceback" not in err
        return stopped.value.code, err

    return run


OS_ERRORS = [
    (errno.ENOSPC, "no space left"),
    (errno.EDQUOT, "quota"),
    (errno.EACCES, "permission denied"),
    (errno.EPERM, "not permitted"),
    (errno.EROFS, "read-only"),
    (errno.ENOENT, "no such file or folder"),
    (errno.ENOTDIR, "not a folder"),
    (errno.EISDIR, "is a folder"),
    (errno.EMFILE, "too many open files"),
    (errno.EIO, "input/output error"),
    (errno.ENAMETOOLONG, "too long"),
    (errno.ENOLCK, "no locks available"),  # no advice of its own: the system's words
]


@pytest.mark.parametrize(
    ("code", "words"), OS_ERRORS, ids=[errno.errorcode[c] for c, _ in OS_ERRORS]
)
def test_os_error_is_one_line_exit_2(raising, code, words):
    """Any OSError escaping a command: `cmr: <path>: <plain words>; <what to do>`, exit 2."""
    status, err = raising(OSError(code, os.strerror(code), "dist/panel.parquet"))
    line = one_line(err)
    assert status == 2
    assert line.startswith("cmr: dist/panel.parquet: ") and words in line.lower()
    assert "; " in line and "Errno" not in line and "OSError" not in line


def test_os_error_without_a_path(raising):
    """An OSError naming no file still reads as a sentence."""
    status, err = raising(OSError(errno.ENOSPC, "No space left on device"))
    assert status == 2
    assert one_line(err) == "cmr: no space left on the device; free some space and run again"


def test_os_error_with_two_paths(raising):
    """A failed rename names both ends."""
    status, err = raising(OSError(errno.EXDEV, "Invalid cross-device link", "a.tmp", None, "b"))
    assert status == 2 and one_line(err).startswith("cmr: a.tmp -> b: ")


def test_environment_problem_is_its_message(raising):
    """The library's EnvironmentProblem prints its own line and exits 2."""
    status, err = raising(EnvironmentProblem("dist is on a read-only file system; write elsewhere"))
    assert status == 2
    assert one_line(err) == "cmr: dist is on a read-only file system; write elsewhere"


def test_keyboard_interrupt_exits_130(raising):
    """Ctrl-C during a command: `cmr: interrupted`, exit 130."""
    status, err = raising(KeyboardInterrupt())
    assert status == 130 and one_line(err) == "cmr: interrupted"


def test_broken_pipe_is_quiet(raising):
    """A reader that went away is no error worth a word."""
    status, err = raising(BrokenPipeError(errno.EPIPE, "Broken pipe"))
    assert status == 1 and err == ""


@pytest.mark.parametrize(
    "exc",
    [RuntimeError("state went wrong"), KeyError("answers"), ValueError(""), AssertionError()],
    ids=["RuntimeError", "KeyError", "ValueError-empty", "AssertionError"],
)
def test_fault_in_cmr_is_one_line_exit_70(raising, exc):
    """An unexpected exception: one line asking for a report, exit 70 (EX_SOFTWARE)."""
    status, err = raising(exc)
    line = one_line(err)
    assert status == 70 and line.startswith("cmr: ") and BUG in line


def test_debug_re_raises(raising, monkeypatch: pytest.MonkeyPatch):
    """With CMR_DEBUG=1 an unexpected exception propagates, traceback and all."""
    monkeypatch.setenv("CMR_DEBUG", "1")
    with pytest.raises(RuntimeError, match="state went wrong"):
        raising(RuntimeError("state went wrong"))


def test_exit_status_of_a_command_passes_through(raising):
    """A command's own SystemExit (findings: 1) is not turned into anything else."""
    status, err = raising(SystemExit(1))
    assert status == 1 and err == ""


def test_closed_stdout_is_quiet(dataset: Path):
    """`cmr codes | head -0`: the reader closes at once; no traceback, nothing on stderr."""
    proc = subprocess.Popen(
        [sys.executable, "-c", "from cmr.cli import main; main()", "codes"],
        cwd=dataset,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    with proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()
        err = proc.stderr.read().decode()
    assert proc.returncode == 1 and err == ""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_full_disk_on_stdout(dataset: Path):
    """`cmr codes > /dev/full`: one line about the space, exit 2."""
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-c", "from cmr.cli import main; main()", "codes"],
            cwd=dataset,
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=60,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    err = done.stderr.decode()
    assert done.returncode == 2 and "Traceback" not in err
    assert one_line(err).startswith("cmr: no space left on the device; ")


def test_file_where_a_folder_should_be(dataset: Path, cmr):
    """`cmr new` when observations/KAZ is a file: one line naming it, exit 2, nothing written."""
    (dataset / "observations" / "KAZ").write_text("not a folder\n")
    before = snapshot(dataset)
    ran = cmr("new", "KAZ", "1994", "--coder", "jdoe")
    assert ran.code == 2 and one_line(ran.err).startswith("cmr: observations/KAZ: ")
    assert_unchanged(before, snapshot(dataset))


USAGE = [
    (("new", "Narnia", "1994", "--coder", "x"), "not recognised as a country"),
    (("new", "Azerbajan", "1994", "--coder", "x"), "did you mean 'Azerbaijan', AZE?"),
    (("new", "AZE", "1700", "--coder", "x"), "year 1700 is outside"),
    (("new", "AZE", "99999", "--coder", "x"), "YEAR"),
    (("new", "AZE", "1994", "--coder", "../x"), "coder '../x'"),
    (("check", "--no-such-option"), "--no-such-option"),
    (("nosuch",), "nosuch"),
]


@pytest.mark.parametrize(("args", "words"), USAGE, ids=[" ".join(a) for a, _ in USAGE])
def test_usage_error_is_one_line_exit_2(dataset: Path, cmr, args, words):
    """A wrong request: exit 2, one line on stderr, nothing on stdout, nothing written."""
    before = snapshot(dataset)
    ran = cmr(*args)
    assert ran.code == 2, ran.text
    assert words in one_line(ran.err) and ran.out == ""
    assert_unchanged(before, snapshot(dataset))


def test_bare_group_still_shows_help(dataset: Path, cmr):
    """`cmr` alone prints the help (several lines), exit 2, as click does."""
    ran = cmr()
    assert ran.code == 2 and "Usage: cmr" in ran.err and "check" in ran.err


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic dataset big enough that `cmr check` runs for a few seconds in workers."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from _synthetic import make_dataset
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    return Path(make_dataset(root=tmp_path_factory.mktemp("synthetic"), n_files=3000))


def _children(pid: int) -> list[int]:
    """Processes whose parent is `pid`, read from /proc."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry))
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc")
@pytest.mark.parametrize("whom", ["process", "group"])
def test_ctrl_c_during_check(large: Path, whom: str):
    """SIGINT to a running `cmr check` (or its whole group, as a terminal sends it): exit 130,
    one line, no traceback, and no worker left behind."""
    proc = subprocess.Popen(
        [sys.executable, "-c", "from cmr.cli import main; main()", "check", "--no-cache"],
        cwd=large,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while not (workers := _children(proc.pid)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert workers, "cmr check never started its workers"
    time.sleep(0.3)
    (os.killpg if whom == "group" else os.kill)(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err.decode()
    assert "Traceback" not in err.decode() and one_line(err.decode()) == "cmr: interrupted"
    time.sleep(0.2)
    assert [w for w in workers if Path(f"/proc/{w}").exists()] == []


def test_debug_off_by_default_in_a_subprocess(dataset: Path):
    """CMR_DEBUG set to anything but 1 changes nothing: `cmr codes` exits 0."""
    ran = run_cmr("codes", cwd=dataset, env={"CMR_DEBUG": "0"})
    assert ran.code == 0 and "answer-not-in-scale" in ran.out
