"""`cmr crosscheck` misused, and its output under hostile data: one line and exit 2 for a
usage problem, every text line one line, the same bytes twice, JSON equal to the library's."""

from __future__ import annotations

from pathlib import Path

import pytest
from crosscheck_support import aze_project, pt_file, report
from support import cmr_run

from cmr.crosscheck import crosscheck
from cmr.project import Project, shown_relative_to_cwd

HOSTILE = (
    'country\tccode\tyear\tmonth\tday\tcoup\tversion\n"Azer\nbaijan"\t373\t1993\t6\t4\t2\tv\n'
    '"\x1b[2J"\t373\t1993\t9\t20\t1\tv\nX\t373\t1993\t13\t1\t1\tv\n'
)


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("crosscheck", "wikipedia", "pt.txt"), "'wikipedia' is not one of"),
        (("crosscheck", "powell-thyne", "pt.txt", "--format", "xml"), "'xml' is not one of"),
        (("crosscheck", "powell-thyne"), "Missing argument 'FILE'"),
        (("crosscheck",), "Missing argument"),
        (("crosscheck", "cline", "nowhere.csv"), "nowhere.csv"),
    ],
)
def test_misuse_is_one_line_and_exit_2(tmp_path: Path, args: tuple[str, ...], said: str) -> None:
    """An unknown source or format, a missing or absent FILE: one line on stderr, exit 2."""
    project = aze_project(tmp_path)
    pt_file(project)
    done = cmr_run(project, *args)
    assert done.returncode == 2 and done.stdout == ""
    assert len(done.stderr.splitlines()) == 1 and said in done.stderr, done.stderr


def test_outside_a_dataset_is_one_line_and_exit_2(tmp_path: Path) -> None:
    """Run in a folder that holds no dataset: one line naming the problem, exit 2."""
    folder = tmp_path / "nowhere"
    folder.mkdir()
    done = cmr_run(folder, "crosscheck", "powell-thyne", str(pt_file(tmp_path)))
    assert done.returncode == 2 and "not inside a cmr dataset" in done.stderr
    assert len(done.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    "settings",
    [
        '[crosscheck.cline]\nrealized = "coup_successful"\n',  # no table for this source
        'crosscheck = "yes"\n',
        '[crosscheck.powell-thyne]\nsuccessful = "coup_successful"\nfailed = "no_such_type"\n',
        '[crosscheck.powell-thyne]\nsuccessful = ["coup_successful"]\n',
        '[crosscheck.powell-thyne]\nsuccessful = "coup_successful"\ntolerance_days = 1e9\n',
        '[crosscheck.powell-thyne]\nsuccessful = "coup_successful"\ncodes = { aze = [373] }\n',
    ],
)
def test_unusable_settings_are_one_line_and_exit_2(tmp_path: Path, settings: str) -> None:
    """A source without a table, a type the codebook lacks, values of the wrong kind: exit 2."""
    project = aze_project(tmp_path, settings)
    done = cmr_run(project, "crosscheck", "powell-thyne", str(pt_file(tmp_path)))
    assert done.returncode == 2 and done.stdout == "", done.stdout
    assert len(done.stderr.splitlines()) == 1 and "crosscheck" in done.stderr, done.stderr


def test_every_text_line_is_one_line(tmp_path: Path, run_cli) -> None:
    """A newline or an escape sequence in a source's quoted field is printed escaped, so
    each item and finding keeps to its own line (a `path:line:column:` or an indented one)."""
    project = aze_project(tmp_path)
    path = tmp_path / "pt.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    done = run_cli("crosscheck", "powell-thyne", str(path), project=project)
    assert done.exit_code == 1
    assert "Azer\\nbaijan (373)" in done.output and "\\x1b[2J (373)" in done.output
    assert "\x1b" not in done.output
    for line in done.output.splitlines()[:-1]:
        assert line.startswith(("    ", "observations/", str(tmp_path))), line


@pytest.mark.parametrize("fmt", ["text", "json", "csv"])
def test_hostile_output_is_the_same_twice(tmp_path: Path, fmt: str) -> None:
    """Two runs on the same hostile inputs print the same bytes, in each format."""
    project = aze_project(tmp_path)
    path = tmp_path / "pt.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    args = ("crosscheck", "powell-thyne", str(path), "--format", fmt)
    first, second = cmr_run(project, *args), cmr_run(project, *args)
    assert first.returncode == second.returncode == 1
    assert first.stdout == second.stdout and first.stdout


def test_hostile_json_is_the_library_report(tmp_path: Path, run_cli) -> None:
    """Under malformed rows and control characters, `--format json` is `to_dict()`."""
    project = aze_project(tmp_path)
    path = tmp_path / "pt.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    printed = report(
        run_cli("crosscheck", "powell-thyne", str(path), "--format", "json", project=project)
    )
    made = crosscheck(Project.find(project), "powell-thyne", path, show=shown_relative_to_cwd())
    assert printed == made.to_dict() and not made.success
    assert [f["code"] for f in printed["findings"]] == ["external-value-invalid"]


def test_a_latest_codebook_without_event_types_is_exit_2(tmp_path: Path) -> None:
    """A dataset whose latest codebook (1.1.0) declares no event types cannot map the
    source's categories: one line saying so, exit 2."""
    from crosscheck_support import SETTINGS
    from support import make_project

    project = make_project(tmp_path / "data", up_to="1.1.0")
    (project / "cmr.toml").write_text(SETTINGS, encoding="utf-8")
    done = cmr_run(project, "crosscheck", "powell-thyne", str(pt_file(tmp_path)))
    assert done.returncode == 2 and "codebook 1.1.0 declares no event types" in done.stderr
    assert len(done.stderr.splitlines()) == 1
