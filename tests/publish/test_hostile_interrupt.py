"""A release interrupted by SIGINT or SIGTERM leaves the previous state: no release folder or
zip (or both, complete, when the signal came after they were placed), no staging folder, and
everything that was there before untouched."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

CMR = [sys.executable, "-c", "from cmr.cli import main; main()"]
NAME = "cmr-dataset-2.1.0"


def interrupted(
    root: Path, out: Path, number: int, wait_for: str, *, may_finish: bool = False
) -> tuple[int, set[str]]:
    """Start `cmr release 2.1.0` into `out`, send signal `number` once a staging folder holds
    `wait_for` (a glob), and return the exit status and what `out` then holds; `may_finish`:
    a release that ends before the signal could be sent is fine too."""
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from cmr.cli import main; main()",
            "release",
            "2.1.0",
            "--no-pdf",
            "--out",
            str(out),
        ],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"},
    )
    deadline = time.monotonic() + 60
    while not list(out.glob(f".{NAME}.release-*/{wait_for}")):
        if proc.poll() is not None and may_finish:
            break
        assert proc.poll() is None, "the release ended before the point to interrupt"
        assert time.monotonic() < deadline, "the release never reached the point to interrupt"
        time.sleep(0.002)
    if proc.poll() is None:
        proc.send_signal(number)
    _, err = proc.communicate(timeout=60)
    assert b"Traceback" not in err, err
    return proc.returncode, {p.name for p in out.iterdir()}


@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_release_publishes_nothing(ready: Path, tmp_path: Path, number: int) -> None:
    """A signal while the panel is being exported: exit 130, `out` exactly as it was."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    status, left = interrupted(ready, out, number, f".{NAME}.cmr-stage-*")
    assert status == 130
    assert left == {"notes.txt"}
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_a_signal_while_placing_leaves_both_names_or_neither(ready: Path, tmp_path: Path) -> None:
    """A signal once the zip is made: the release is either complete or absent, never half."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    status, left = interrupted(ready, out, signal.SIGTERM, f"{NAME}.zip", may_finish=True)
    assert left in ({"notes.txt"}, {"notes.txt", NAME, f"{NAME}.zip"})
    assert status == (0 if len(left) == 3 else 130) or status == -signal.SIGTERM
