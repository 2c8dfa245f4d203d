"""`cmr check` through the library and the command line."""

from __future__ import annotations

import importlib
import json

from cmr.checking import check
from cmr.findings import Result
from cmr.observation import MAX_BYTES
from cmr.project import Project


def test_fifty_megabyte_file_is_refused_unread(project, run_cli):
    """A 50 MB file is reported as too large, with no traceback and exit status 1."""
    big = project / "observations" / "AZE" / "1993.yaml"
    big.parent.mkdir(parents=True)
    with big.open("w") as fh:
        fh.write("codebook: 1.0.0\nevidence: '")
        fh.write("x" * (50 * 1024 * 1024))
        fh.write("'\n")
    result = run_cli("check", project=project)
    assert result.exit_code == 1
    assert "file-too-large" in result.output
    assert big.stat().st_size > MAX_BYTES


def test_exit_status_zero_on_valid_data(project, make_observation, run_cli):
    """A valid dataset exits 0 and says how many files it read."""
    make_observation()
    result = run_cli("check", project=project)
    assert result.exit_code == 0, result.output
    assert "1 file(s) checked: 0 error(s)" in result.output


def test_text_format_is_path_line_column(project, make_observation, run_cli):
    """Each finding is printed as path:line:column: severity code message."""
    path = make_observation()
    path.write_text(path.read_text().replace("answer: 'no'", "answer: nope", 1))
    result = run_cli("check", str(path), project=project)
    assert result.exit_code == 1
    first = result.output.splitlines()[0]
    location, rest = first.split(": ", 1)
    file, line, column = location.rsplit(":", 2)
    assert file.endswith("1993.yaml") and int(line) > 1 and int(column) > 1
    assert rest.startswith("error answer-not-in-scale ")


def test_json_format_matches_library(project, make_observation, run_cli, monkeypatch):
    """--format json prints exactly Result.to_dict() of the library call."""
    make_observation(coder="a")
    make_observation("AZE/1993/a.yaml", coder="a")
    monkeypatch.chdir(project)
    result = run_cli("check", "--format", "json", project=project)
    library = check(project=Project.find(project)).result.to_dict()
    assert json.loads(result.output) == library
    assert library["summary"]["errors"] == 1
    assert library["findings"][0]["code"] == "duplicate-observation"


def test_github_format_escapes_messages():
    """GitHub annotations escape %, CR and LF in messages and : , in properties."""
    from cmr.catalogue import finding
    from cmr.reporters import github

    result = Result([finding("yaml-syntax", "a:b,c.yaml", 3, 4, problem="50%\nbad")])
    assert github(result) == (
        "::error file=a%3Ab%2Cc.yaml,line=3,col=4,title=yaml-syntax::YAML syntax: 50%25%0Abad\n"
    )


def test_warnings_do_not_fail(project, make_observation, run_cli):
    """A run with warnings only exits 0."""
    make_observation(coded_on="2999-01-01")
    result = run_cli("check", project=project)
    assert result.exit_code == 0, result.output
    assert "warning coded-on-future" in result.output


def test_usage_error_exits_two(project, run_cli):
    """An unknown option is a usage error: exit status 2."""
    assert run_cli("check", "--no-such-option", project=project).exit_code == 2


def test_missing_path_is_a_finding(project, run_cli):
    """A path that does not exist is reported as a finding, not a traceback."""
    result = run_cli("check", "observations/XXX/1900.yaml", project=project)
    assert result.exit_code == 1
    assert "file-unreadable" in result.output


def test_parallel_and_serial_agree(project, make_observation, monkeypatch):
    """Worker processes find exactly what a single process finds."""
    for year in range(1900, 1960):
        make_observation(year=year)
    bad = make_observation(year=1960)
    bad.write_text(bad.read_text().replace("cown: 373", "cown: 999"))
    proj = Project.find(project)
    serial = check(project=proj, jobs=1).result
    monkeypatch.setattr(importlib.import_module("cmr.checking"), "PARALLEL_THRESHOLD", 10)
    parallel = check(project=proj, jobs=2).result
    assert parallel.flatten(("file", "line", "code")) == serial.flatten(("file", "line", "code"))
    assert serial.flatten(("code",)) == [("country-code-mismatch",)]


def test_broken_codebook_is_reported(project, make_observation, run_cli):
    """A codebook that breaks the meta-schema gives findings and exit 1, not a traceback."""
    make_observation()
    book = project / "codebook" / "1.0.0.yaml"
    book.write_text(book.read_text().replace("scale: yes_no", "scale: no_such_scale", 1))
    result = run_cli("check", project=project)
    assert result.exit_code == 1
    assert "codebook-invalid" in result.output
    assert "no_such_scale" in result.output


def test_bad_settings_are_a_usage_error_everywhere(project, make_observation, run_cli):
    """An unusable severity in cmr.toml makes check, export and agreement exit 2, no traceback."""
    make_observation()
    (project / "cmr.toml").write_text('[severity]\nevidence-too-short = "loud"\n')
    for args in (("check",), ("export", "--out", str(project / "dist")), ("agreement",)):
        result = run_cli(*args, project=project)
        assert result.exit_code == 2, (args, result.output)
        assert "loud" in result.output
    assert not (project / "dist").exists()
