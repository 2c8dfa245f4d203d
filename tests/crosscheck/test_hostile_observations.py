"""Hostile observations: `external_checks` in every wrong shape, observations without events,
drafts, independent codings, unusable years and units. Each is a located finding and exit 1,
or an item; never a traceback, and the same bytes on a second run."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest
from crosscheck_support import add_to_observation, aze_project, kinds, pt_file, report
from support import cmr_run

ROWS = ("Azerbaijan 373 1993 6 4 2", "Azerbaijan 373 1993 9 20 1", "Elsewhere 2 1950 1 1 1")
OPEN = "external_checks:\n  - source: powell-thyne\n"
INVALID = "error crosscheck-acknowledgement-invalid external_checks entry: "


def _project(tmp_path: Path, text: str, before: str = "events:\n") -> tuple[Path, Path]:
    project = aze_project(tmp_path)
    path = project / "observations" / "AZE" / "1993.yaml"
    add_to_observation(path, text, before)
    return project, path


def _line_of(path: Path, text: str) -> int:
    return path.read_text(encoding="utf-8").splitlines().index(text) + 1


@pytest.mark.parametrize(
    ("text", "at", "said"),
    [
        ("external_checks: hello\n", ("external_checks: hello", 18), "must be a list"),
        ("external_checks:\n  - 5\n", ("  - 5", 5), "must be a mapping"),
        (OPEN + '    date: "1993-09"\n', ("  - source: powell-thyne", 5), "needs a reason"),
        (
            OPEN + "    date: June 1993\n    reason: x\n",
            ("    date: June 1993", 11),
            "'June 1993' is not a date",
        ),
        (
            OPEN + "    date: 1993-13\n    reason: x\n",
            ("    date: 1993-13", 11),
            "'1993-13' is not a date",
        ),
        (
            OPEN + "    date: 1993\n    reason: x\n",
            ("    date: 1993", 11),
            "1993 is not a date",
        ),
        (
            "external_checks:\n  - source: [cline]\n    date: '1993'\n    reason: x\n",
            ("  - source: [cline]", 13),
            "source must be one of: powell-thyne, cline",
        ),
        (
            "external_checks:\n  - source: wikipedia\n    date: '1993'\n    reason: x\n",
            ("  - source: wikipedia", 13),
            "source must be one of",
        ),
        (
            OPEN + "    question: Q99\n    reason: x\n",
            ("    question: Q99", 15),
            "question 'Q99' is not a question id or variable of codebook 1.2.0",
        ),
        (
            OPEN + "    question: 2\n    reason: x\n",
            ("    question: 2", 15),
            "question 2 is not a question",
        ),
        (OPEN + "    reason: x\n", ("  - source: powell-thyne", 5), "needs the row's date or"),
    ],
)
def test_an_unusable_entry_is_located_and_exits_1(tmp_path, run_cli, text, at, said) -> None:
    """Not a list, not a mapping, no reason, no date, a source or question cmr does not
    know: one finding at the entry's place, exit 1, no traceback."""
    project, path = _project(tmp_path, text)
    pt = pt_file(tmp_path, *ROWS)
    done = run_cli("crosscheck", "powell-thyne", str(pt), project=project)
    assert done.exit_code == 1, done.output
    where = f"1993.yaml:{_line_of(path, at[0])}:{at[1]}: "
    assert where + INVALID in done.output and said in done.output, done.output


def test_a_question_named_by_variable_in_any_case_is_known(tmp_path, run_cli) -> None:
    """`question: COUP_HISTORY` names Q2 by its variable; the entry is usable (stale here)."""
    project, _ = _project(tmp_path, OPEN + "    question: COUP_HISTORY\n    reason: x\n")
    done = run_cli("crosscheck", "powell-thyne", str(pt_file(tmp_path, *ROWS)), project=project)
    assert done.exit_code == 0 and "external_checks entry 1 (powell-thyne)" in done.output


def test_a_future_or_duplicate_entry_is_stale(tmp_path, run_cli) -> None:
    """An entry dated 2999 explains nothing; the second of two equal entries is stale."""
    entry = '  - source: powell-thyne\n    date: "1993-09"\n    reason: No such attempt.\n'
    future = '  - source: powell-thyne\n    date: "2999-01-01"\n    reason: Later.\n'
    project, _ = _project(tmp_path, "external_checks:\n" + entry + entry + future)
    pt = pt_file(tmp_path, *ROWS)
    data = report(
        run_cli("crosscheck", "powell-thyne", str(pt), "--format", "json", project=project)
    )
    assert ("explained", "events", "1993-09-20") in kinds(data)
    stale = [(i["pointer"], i["message"]) for i in data["items"] if i["kind"] == "stale"]
    assert stale == [
        ("external_checks.1", "external_checks entry 2 (powell-thyne) repeats entry 1"),
        ("external_checks.2", "external_checks entry 3 (powell-thyne) explains no disagreement"),
    ]


def test_ten_thousand_entries_take_seconds_not_minutes(tmp_path) -> None:
    """10,000 entries (one explains, the rest stale) are compared in a few seconds."""
    many = "".join(
        f'  - source: powell-thyne\n    date: "1993-09"\n    reason: r{i}\n' for i in range(10_000)
    )
    project, _ = _project(tmp_path, "external_checks:\n" + many)
    start = time.monotonic()
    done = cmr_run(project, "crosscheck", "powell-thyne", str(pt_file(tmp_path, *ROWS)))
    assert time.monotonic() - start < 20
    assert done.returncode == 0 and "1 explained, 0 undecided, 9999 stale" in done.stdout


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("year: 1993\n", "year: '1993'\n", "field-type"),
        ("year: 1993\n", "year: 99999\n", "value-invalid"),
        ("year: 1993\n", "year: -5\n", "value-invalid"),
        ("year: 1993\n", "", "field-missing"),
        ("events:\n", "unit: fortnight\nevents:\n", "value-invalid"),
        ("events:\n", "unit: war_outbreak\nevents:\n", "as-of-required"),
        ("events:\n", "unit: war_outbreak\nas_of: '1993-02-30'\nevents:\n", "date-invalid"),
    ],
)
def test_an_observation_that_cannot_be_placed_in_time_is_not_compared(
    tmp_path, run_cli, old, new, code
) -> None:
    """A year that is not a calendar year, an unknown unit, a war unit without a valid
    as_of: the cmr check error and exit 1, and no item for the file (not compared as year 1)."""
    project = aze_project(tmp_path)
    path = project / "observations" / "AZE" / "1993.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    args = ("crosscheck", "powell-thyne", str(pt_file(tmp_path, *ROWS)), "--format", "json")
    done = run_cli(*args, project=project)
    data = report(done)
    assert done.exit_code == 1 and kinds(data, "1993.yaml") == []
    assert code in [f["code"] for f in data["findings"] if f["file"].endswith("1993.yaml")]


def test_no_events_independent_codings_and_drafts(tmp_path, run_cli) -> None:
    """Without events every 1993 row is unmentioned; an independent coding is never compared;
    a draft only with --drafts."""
    project = aze_project(tmp_path)
    folder = project / "observations" / "AZE"
    text = (folder / "1993.yaml").read_text(encoding="utf-8")
    head, answers = text.split("events:\n", 1)[0], text.split("\nanswers:\n", 1)[1]
    (folder / "1993.yaml").write_text(head + "answers:\n" + answers, encoding="utf-8")
    (folder / "1992").mkdir()
    (folder / "1992" / "jdoe.yaml").write_text(
        (folder / "1992.yaml").read_text(encoding="utf-8").replace("cmr-seed", "jdoe")
    )
    args = ("crosscheck", "powell-thyne", str(pt_file(tmp_path, *ROWS)), "--format", "json")
    data = report(run_cli(*args, project=project))
    assert sorted(k for k in kinds(data, "1993.yaml") if k[1] == "events") == [
        ("unmentioned", "events", "1993-06-04"),
        ("unmentioned", "events", "1993-09-20"),
    ]
    assert not [i for i in data["items"] if "jdoe" in i["file"]]
    add_to_observation(folder / "1992.yaml", "status: draft\n", "answers:\n")
    data = report(run_cli(*args, project=project))
    assert kinds(data, "1992.yaml") == [] and len(data["drafts_left_out"]) == 1
    assert kinds(report(run_cli(*args, "--drafts", project=project)), "1992.yaml")


def test_flow_style_and_anchors_are_placed(tmp_path, run_cli) -> None:
    """An entry written in flow style or through an alias is read and placed like any."""
    project, path = _project(
        tmp_path,
        "x-ack: &ack {source: powell-thyne, date: '1993-09', reason: No such attempt.}\n"
        "external_checks: [*ack, {source: nobody}]\n",
    )
    args = ("crosscheck", "powell-thyne", str(pt_file(tmp_path, *ROWS)))
    done = run_cli(*args, project=project)
    line = _line_of(path, "external_checks: [*ack, {source: nobody}]")
    assert done.exit_code == 1
    assert f"1993.yaml:{line}:34: {INVALID}source must be" in done.output
    assert "1 explained" in done.output


def test_a_fifo_a_folder_or_a_device_as_observation(tmp_path, run_cli) -> None:
    """An observation path that is a FIFO, a folder or a device is its `file-not-regular`
    finding and exit 1, not a hang; the other observations are compared."""
    project = aze_project(tmp_path)
    folder = project / "observations" / "AZE"
    os.mkfifo(folder / "1994.yaml")
    (folder / "1995.yaml").mkdir()
    wanted = ["1994.yaml", "1995.yaml"]
    try:
        os.mknod(folder / "1996.yaml", 0o600 | stat.S_IFCHR, os.makedev(1, 5))  # /dev/zero
        wanted.append("1996.yaml")
    except PermissionError:
        pass  # not root: the device case is left out
    args = ("crosscheck", "powell-thyne", str(pt_file(tmp_path, *ROWS)), "--format", "json")
    done = run_cli(*args, project=project)
    data = report(done)
    assert done.exit_code == 1
    assert [(f["file"][-9:], f["code"]) for f in data["findings"]] == [
        (name, "file-not-regular") for name in wanted
    ]
    assert kinds(data, "1993.yaml")
