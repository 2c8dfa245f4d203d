"""Hostile and unlucky inputs: the helpers every group of adversarial tests uses.

Every case runs the `cmr` command as a user does (a subprocess, so that crashes, hangs and
tracebacks are seen as a user would see them) and asserts the exit status, the finding code,
that no traceback was printed and that every file that existed before is unchanged.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TIMEOUT = 60


@dataclass(frozen=True)
class Ran:
    """A finished `cmr` run: exit status and output."""

    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err

    def codes(self) -> list[str]:
        """The finding codes printed as `path:line:column: severity code message`."""
        found = []
        for line in self.out.splitlines():
            parts = line.split(": ", 2)
            if len(parts) >= 2 and parts[1].split(" ")[0] in ("error", "warning", "info"):
                found.append(parts[1].split(" ")[1])
        return found


def run_cmr(
    *args: str,
    cwd: Path,
    env: dict[str, str] | None = None,
    timeout: float = TIMEOUT,
    stdin: bytes | None = None,
) -> Ran:
    """Run `python -m cmr.cli ARGS` in `cwd`; fail the test on a traceback or a hang."""
    full_env = {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}
    done = subprocess.run(
        [sys.executable, "-c", "from cmr.cli import main; main()", *args],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        timeout=timeout,
        input=stdin if stdin is not None else b"",
    )
    ran = Ran(
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )
    assert "Traceback (most recent call last)" not in ran.text, ran.text
    assert ran.code >= 0, f"killed by signal {-ran.code}: {ran.text}"
    return ran


def snapshot(root: Path) -> dict[str, str]:
    """Every regular file under `root` (links not followed) with a digest of its bytes."""
    out = {}
    for folder, _dirs, names in os.walk(root):
        for name in names:
            path = Path(folder, name)
            if path.is_symlink() or not path.is_file():
                out[str(path.relative_to(root))] = "(not a regular file)"
                continue
            try:
                out[str(path.relative_to(root))] = hashlib.sha256(path.read_bytes()).hexdigest()
            except OSError:
                out[str(path.relative_to(root))] = "(unreadable)"
    return out


def assert_unchanged(
    before: dict[str, str], after: dict[str, str], allowed: Iterable[str] = (".cmr_cache",)
) -> None:
    """Every file of `before` is still there with the same bytes (new files only where
    `allowed` prefixes say)."""
    for path, digest in before.items():
        assert after.get(path) == digest, f"{path} changed or vanished"
    extra = [p for p in after if p not in before and not p.startswith(tuple(allowed))]
    assert not extra, f"files appeared: {extra}"


GOOD = textwrap.dedent(
    """\
    codebook: "{version}"
    country: Azerbaijan
    iso3c: AZE
    cown: 373
    year: {year}
    coder: jdoe
    coded_on: "2024-05-01"
    answers:
    """
)


FINDING = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): "
    r"(?P<severity>error|warning|info) (?P<code>[a-z0-9-]+) (?P<message>.*)$"
)
SUMMARY = re.compile(r"^\d+ file\(s\) checked: ")
SOURCE = re.compile(r"^  [ \d]+ \| ")  # the offending line and its caret, under a yaml-* finding
TARGET = "observations/AZE/1993.yaml"
# The seed years as coded under codebook 1.1.0, frozen here: these tests break a realistic
# observation, whatever the dataset's current coding of Azerbaijan says.
SEED = Path(__file__).resolve().parent / "seed"
SEED_FINDING = "observations/AZE/1992.yaml:75:13: warning evidence-opens-by-denying"
Q2_EVIDENCE = "    evidence: >-\n      Azerbaijan has had at least two successful military coups."


def snap(root: Path) -> dict[str, str]:
    """`snapshot` without cmr's own cache, which any run may rewrite."""
    return {k: v for k, v in snapshot(root).items() if not k.startswith(".cmr_cache")}


def findings(ran: Ran) -> list[dict[str, str]]:
    """The findings of a run; every line printed must be a finding or the summary."""
    out = []
    for line in (ran.out + ran.err).splitlines():
        if not line.strip() or SOURCE.match(line):
            continue
        match = FINDING.match(line)
        if match:
            out.append(match.groupdict())
        else:
            assert SUMMARY.match(line), f"stray output line {line!r} in:\n{ran.text}"
    return out
