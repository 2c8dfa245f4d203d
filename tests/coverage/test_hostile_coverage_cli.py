"""`cmr coverage` on the command line against hostile paths, settings and terminals: one line
and exit 2 for what cannot be used, located findings and exit 1 for a damaged list, a matrix
that fits the terminal, the same bytes on every run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import UNIVERSE, observation
from support import cmr_run, make_project

from cmr.coverage import coverage_report
from cmr.coverage._matrix import LEGEND
from cmr.project import Project

COW = ("--system", "cow")


def one_line_exit_2(dataset: Path, *args: str) -> str:
    """Run `cmr coverage ARGS`: exit 2, nothing on stdout, one line on stderr."""
    started = time.monotonic()
    done = cmr_run(dataset, "coverage", *args)
    assert time.monotonic() - started < 30
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stdout == "" and len(done.stderr.strip().splitlines()) == 1, done.stderr
    return done.stderr


@pytest.fixture
def specials(dataset: Path) -> Path:
    """data/ with a FIFO, a link to /dev/zero, a link loop, a folder and a link leading out."""
    data = dataset / "data"
    if not hasattr(os, "mkfifo") or not Path("/dev/zero").exists():
        pytest.skip("needs FIFOs and /dev/zero")
    os.mkfifo(data / "fifo.csv")
    (data / "zero.csv").symlink_to("/dev/zero")
    (data / "loop.csv").symlink_to(data / "loop2.csv")
    (data / "loop2.csv").symlink_to(data / "loop.csv")
    (data / "folder.csv").mkdir()
    (dataset.parent / "outside.csv").write_text("x\n", encoding="utf-8")
    (data / "out.csv").symlink_to(dataset.parent / "outside.csv")
    return data


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("fifo.csv", "is a FIFO (named pipe), not a regular file"),
        ("zero.csv", "leads outside the repository"),
        ("loop.csv", "cannot be read (Too many levels of symbolic links)"),
        ("folder.csv", "is a folder, not a regular file"),
        ("out.csv", "leads outside the repository"),
    ],
)
def test_special_file_in_settings_is_one_line(
    dataset: Path, specials: Path, name: str, said: str
) -> None:
    """A FIFO, link loop, folder or link leading out (to /dev/zero or a file outside) named
    in `states` is refused in one line (nothing is opened, so nothing waits), exit 2."""
    settings = UNIVERSE.replace("data/states.csv", f"data/{name}")
    (dataset / "cmr.toml").write_text(settings, encoding="utf-8")
    assert said in one_line_exit_2(dataset)


@pytest.mark.parametrize("name", ["fifo.csv", "zero.csv", "loop.csv"])
def test_special_file_on_the_command_line_is_one_line(
    dataset: Path, specials: Path, name: str
) -> None:
    """`--states` naming a FIFO, a device or a link loop is one line naming the option."""
    said = one_line_exit_2(
        dataset, *COW, "--states", f"data/{name}", "--from", "1990", "--to", "1991"
    )
    assert said.startswith("Error: --states: membership file") and name in said


def test_states_setting_absolute_path_is_refused(dataset: Path) -> None:
    """An absolute `states` path in the settings is refused even when it lies inside."""
    settings = UNIVERSE.replace("data/states.csv", str(dataset / "data" / "states.csv"))
    (dataset / "cmr.toml").write_text(settings, encoding="utf-8")
    assert "leads outside the repository" in one_line_exit_2(dataset)


@pytest.mark.parametrize(
    ("settings", "said"),
    [
        ("[universe]\nsystem = 5\nstates = 'data/states.csv'\nfirst = 1\nlast = 2\n", "not 5"),
        (
            "[universe]\nsystem = 'cow'\nstates = ['data/states.csv', 7]\nfirst = 1\nlast = 2\n",
            "not 7",
        ),
        (
            "[universe]\nsystem = 'cow'\nstates = 'data/states.csv'\nfirst = 1990.5\nlast = 2000\n",
            "first must be a year",
        ),
        (
            "[universe]\nsystem = 'cow'\nstates = 'data/states.csv'\nfirst = 0\nlast = 2000\n",
            "first must be a year",
        ),
        (
            "[universe]\nsystem = 'cow'\nstates = 'data/states.csv'\nfirst = 1990\nlast = 99999\n",
            "last must be a year",
        ),
        ("universe = 'cow'\n", "must be a table"),
        (UNIVERSE.replace("data/states.csv", "data/states.csv\\u0000"), "must name files"),
        (UNIVERSE.replace("data/states.csv", ""), "states must name files, not ''"),
        (UNIVERSE.replace("data/states.csv", "a" * 5000), "(5000 characters) cannot be read"),
        ("[universe]\n", "no universe declared"),
    ],
)
def test_settings_of_the_wrong_type(dataset: Path, settings: str, said: str) -> None:
    """Settings of the wrong type or range are one line naming the setting, exit 2."""
    (dataset / "cmr.toml").write_text(settings, encoding="utf-8")
    assert said in one_line_exit_2(dataset)


def test_options_override_settings_and_json_is_the_library_report(
    dataset: Path, write: Callable[..., Path]
) -> None:
    """Options replace each setting; `--format json` equals the library's `to_dict()` with the
    same options, for a Latin-1 G&W file with a damaged row too."""
    (dataset / "cmr.toml").write_text(UNIVERSE + 'countries = ["ARM"]\n', encoding="utf-8")
    gw = "373\tAZE\tAzerbaijan\t30:12:1991\t31:12:2017\n371\tARM\tArm\xe9nia\t21:12:1991\n"
    (dataset / "data" / "gw.dat").write_bytes(gw.encode("latin-1"))
    write("AZE/1992.yaml", observation(year=1992))
    args = ("--system", "gw", "--states", "data/gw.dat", "--from", "1992", "--to", "1993")
    done = cmr_run(dataset, "coverage", *args, "--country", "aze", "--format", "json")
    assert done.returncode == 1
    here = os.getcwd()
    os.chdir(dataset)
    try:
        library = coverage_report(
            Project.find(dataset),
            system="gw",
            states=("data/gw.dat",),
            first=1992,
            last=1993,
            countries=("aze",),
        ).to_dict()
    finally:
        os.chdir(here)
    assert json.loads(done.stdout) == library
    assert [c["iso3c"] for c in library["cases"]] == ["AZE", "AZE"]
    assert [(f["code"], f["line"]) for f in library["findings"]] == [
        ("external-encoding", 2),
        ("external-row-malformed", 2),
    ]


def _matrix(dataset: Path, columns: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": columns}
    return subprocess.run(
        [sys.executable, "-c", "from cmr.cli import main; main()", "coverage", "--matrix", *args],
        cwd=dataset,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )


def test_matrix_fits_a_narrow_terminal(dataset: Path, write: Callable[..., Path]) -> None:
    """With COLUMNS=20 the grid holds ten years a block, each starting on a decade, and no
    row is wider than the terminal."""
    (dataset / "cmr.toml").write_text(UNIVERSE, encoding="utf-8")
    write("AZE/1993.yaml", observation(year=1993))
    done = _matrix(dataset, "20", "--from", "1985", "--to", "2016")
    assert done.returncode == 0 and "Traceback" not in done.stderr
    lines = done.stdout.splitlines()
    assert lines[:2] == ["years 1985-2016", "      1985"]
    assert "YEM   ....." in lines[2:6]
    assert "      1990" in lines and "AZE    ..#......" in lines
    legend = [ln for ln in lines if any(ln.startswith(item) for item in LEGEND)]
    assert " ".join(legend).split() == " ".join(LEGEND).split()
    assert all(len(ln) <= 20 for ln in lines if ln not in legend)


def test_matrix_of_ten_thousand_years_prints_only_years_with_cases(dataset: Path) -> None:
    """A universe of years 1 to 9999 prints quickly, and only the blocks that hold a case."""
    started = time.monotonic()
    done = _matrix(
        dataset, "80", *COW, "--states", "data/states.csv", "--from", "1", "--to", "9999"
    )
    assert time.monotonic() - started < 30
    assert done.returncode == 0
    labels = [ln.split()[0] for ln in done.stdout.splitlines() if ln.startswith("      ")]
    assert labels == ["1750", "1820", "1890", "1960"]  # 70 years a block, cases 1816-2016
    assert "9798 years" in done.stderr


def test_every_format_is_deterministic(dataset: Path, write: Callable[..., Path]) -> None:
    """Two runs give the same bytes in every format, with findings of every kind about."""
    (dataset / "cmr.toml").write_text(UNIVERSE, encoding="utf-8")
    (dataset / "data" / "states.csv").write_text(
        (dataset / "data" / "states.csv").read_text(encoding="utf-8") + "ZZZ,5,Z,1990,2,31\n",
        encoding="utf-8",
    )
    for year in (1989, 1991, 1994):
        write(f"AZE/{year}.yaml", observation(year=year))
    write("DEU/1989.yaml", observation("DEU", 1989, 255))
    for args in (("--format", "json"), ("--format", "csv"), ("--matrix",), ()):
        runs = [cmr_run(dataset, "coverage", *args) for _ in range(2)]
        assert runs[0].stdout == runs[1].stdout and runs[0].stderr == runs[1].stderr
        assert runs[0].returncode == 1


def test_unknown_country_in_codes_is_one_line(dataset: Path) -> None:
    """`codes` naming an ISO3 code countrycode does not know is refused in one line."""
    settings = UNIVERSE + "codes = {XXX = [373]}\n"
    (dataset / "cmr.toml").write_text(settings, encoding="utf-8")
    assert "'XXX' is no country countrycode knows" in one_line_exit_2(dataset)


def test_file_named_twice_is_read_once(dataset: Path) -> None:
    """`--states` naming the same file twice reads it once (no spell overlaps itself)."""
    args = ("--states", "data/states.csv", "--states", "./data/states.csv")
    done = cmr_run(dataset, "coverage", *COW, *args, "--from", "1992", "--to", "1992")
    assert done.returncode == 0, done.stdout
    assert "0 error(s), 0 warning(s)" in done.stdout


def test_list_of_the_other_system_is_one_finding(dataset: Path) -> None:
    """A COW list read as G&W is one `external-header-wrong` at line 1, not a finding a row."""
    args = ("--system", "gw", "--states", "data/states.csv", "--from", "1992", "--to", "1992")
    done = cmr_run(dataset, "coverage", *args, "--format", "json")
    assert done.returncode == 1
    found = [(f["code"], f["line"]) for f in json.loads(done.stdout)["findings"]]
    assert found == [("external-header-wrong", 1)]


def test_messages_name_the_options_that_made_the_universe(dataset: Path) -> None:
    """A universe made wrong by options says which options; options alone must say all."""
    (dataset / "cmr.toml").write_text(UNIVERSE, encoding="utf-8")
    said = one_line_exit_2(dataset, "--from", "1995", "--to", "1990")
    assert "cmr.toml [universe] with --from, --to: first (1995) is after last (1990)" in said
    said = one_line_exit_2(dataset, "--country", "A-Z")
    assert "cmr.toml [universe] with --country: countries must list" in said
    (dataset / "cmr.toml").unlink()
    said = one_line_exit_2(dataset, "--system", "cow", "--from", "1995")
    assert "no [universe] in the settings, so the options must say all: pass --states, --to" in said


def test_library_takes_one_membership_file_as_text_or_path(tmp_path: Path) -> None:
    """`coverage_report(states="file.csv")` and `states=Path(...)` read that one file (a string
    was once taken letter by letter)."""
    project = make_project(tmp_path, up_to=None)
    (project / "states.csv").write_text(
        "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version\n"
        "AZE,373,Azerbaijan,1991,12,25,2016,12,31,2016\n",
        encoding="utf-8",
    )
    for states in (str(project / "states.csv"), project / "states.csv"):
        report = coverage_report(
            Project.find(project), system="cow", states=states, first=1992, last=1993
        )
        assert report.totals()["cases"] == 2 and report.totals()["missing"] == 2
