"""Usage errors in every command: exit 2 and one line on stderr; outside a dataset, one line
saying so."""

from __future__ import annotations

import pytest
from support import cmr_run, make_project

from cmr.cli import COMMANDS

# command -> (arguments with a bad option, arguments with a bad argument or option value)
BAD = {
    "check": (["check", "--no-such-option"], ["check", "--jobs", "0"]),
    "new": (
        ["new", "AZE", "1994", "--coder", "x", "--nope"],
        ["new", "Narnia", "1994", "--coder", "x"],
    ),
    "codebook": (["codebook", "--nope"], ["codebook", "no-such-subcommand"]),
    "export": (["export", "--nope"], ["export", "extra-argument"]),
    "agreement": (["agreement", "--nope"], ["agreement", "--min-alpha", "7"]),
    "import-memo": (["import-memo", "--nope", "memo.txt"], ["import-memo"]),
    "codes": (["codes", "--nope"], ["codes", "extra-argument"]),
    "status": (["status", "--nope"], ["status", "extra-argument"]),
    "refs": (["refs", "--nope"], ["refs", "extra-argument"]),
    "migrate": (["migrate", "--to", "1.1.0", "--nope"], ["migrate", "--to", "9.9.9"]),
    "site": (["site", "--nope"], ["site", "extra-argument"]),
    "release": (["release", "1.0.0", "--nope"], ["release", "not a version"]),
    "cite": (["cite", "--nope"], ["cite", "--format", "docx"]),
    "coverage": (["coverage", "--nope"], ["coverage", "--system", "xx"]),
    "crosscheck": (["crosscheck", "powell-thyne", "--nope"], ["crosscheck", "no-such-source", "f"]),
}
NEEDS_NO_DATASET = {"codes"}


def test_every_command_is_covered():
    """The table below names every command the CLI has, so a new command is tested too."""
    assert set(BAD) == set(COMMANDS)


@pytest.mark.parametrize("kind", [0, 1], ids=["bad-option", "bad-argument"])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_usage_error_is_exit_2_and_one_line(tmp_path, command, kind):
    """A bad option or argument exits 2 with exactly one line on stderr, no traceback."""
    project = make_project(tmp_path)
    done = cmr_run(project, *BAD[command][kind])
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert len(done.stderr.splitlines()) == 1, done.stderr
    assert done.stderr.strip()


@pytest.mark.parametrize("command", sorted(set(COMMANDS) - NEEDS_NO_DATASET))
def test_outside_a_dataset_says_so(tmp_path, command):
    """Run outside any dataset, a command that needs one says so in one line and exits 2."""
    args = {
        "new": ["new", "AZE", "1994", "--coder", "x"],
        "import-memo": ["import-memo", "m"],
        "codebook": ["codebook", "show"],
        "migrate": ["migrate", "--to", "1.1.0"],
        "release": ["release", "1.0.0"],
        "crosscheck": ["crosscheck", "powell-thyne", "list.tsv"],
    }
    (tmp_path / "list.tsv").write_text("", encoding="utf-8")
    done = cmr_run(tmp_path, *args.get(command, [command]))
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert done.stderr == (
        f"cmr: not inside a cmr dataset (no codebook/ folder found from {tmp_path.resolve()}); "
        "run it in a dataset or pass -C DIR\n"
    )


def test_dash_c_names_the_folder_searched(tmp_path):
    """`-C DIR` outside a dataset names DIR, and a dataset found through -C is used."""
    empty = tmp_path / "empty"
    empty.mkdir()
    done = cmr_run(tmp_path, "-C", "empty", "check")
    assert done.returncode == 2
    assert f"found from {empty.resolve()})" in done.stderr
    project = make_project(tmp_path / "data")
    assert cmr_run(tmp_path, "-C", str(project), "check").returncode == 0
