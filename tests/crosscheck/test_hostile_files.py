"""Hostile coup lists: malformed, oddly encoded or not files at all. Each is read into located
findings (or rows), never an exception, a hang or a file read into memory without end."""

from __future__ import annotations

import codecs
import os
import threading
import time
from pathlib import Path

import pytest
from crosscheck_support import CLINE_HEADER, PT_HEADER, aze_project, cline_row
from support import cmr_run

from cmr.external import read_cline, read_powell_thyne

ROW = "Azerbaijan\t373\t1993\t6\t4\t2\tv1"
HEAD = PT_HEADER + "\n"


def _write(tmp_path: Path, data: str | bytes, name: str = "pt.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _seen(path: Path, reader=read_powell_thyne) -> tuple[list, list]:
    events, findings = reader(path)
    return [(e.line, e.date_text, e.category) for e in events], [
        (f.code, f.line, f.column) for f in findings if f.severity == "error"
    ]


GOOD = [(2, "1993-06-04", "successful")]


@pytest.mark.parametrize(
    ("data", "events"),
    [
        pytest.param((HEAD + ROW + "\n").encode("utf-16"), GOOD, id="utf16-le-bom"),
        pytest.param(codecs.BOM_UTF16_BE + (HEAD + ROW).encode("utf-16-be"), GOOD, id="utf16-be"),
        pytest.param((HEAD + ROW + "\n").encode("utf-16-le"), GOOD, id="utf16-le-no-bom"),
        pytest.param(b"\xef\xbb\xbf" + (HEAD + ROW).encode(), GOOD, id="bom"),
        pytest.param((HEAD + ROW + "\n").replace("\n", "\r\n"), GOOD, id="crlf"),
        pytest.param((HEAD + ROW + "\n").replace("\n", "\r"), GOOD, id="cr"),
        pytest.param(HEAD + ROW + "\n\n\n   \n\t\n", GOOD, id="trailing-blank-lines"),
        pytest.param(HEAD + '"Azer\tbaijan"\t373\t1993\t6\t4\t2\tv1\n', GOOD, id="quoted-tab"),
        pytest.param(HEAD + '"Azer\nbaijan"\t373\t1993\t6\t4\t2\tv1\n', GOOD, id="quoted-newline"),
        pytest.param(HEAD + "Azerbaijan\t373.0\t1993.0\t6.0\t4.0\t2.0\tv1\n", GOOD, id="floats"),
        pytest.param(HEAD + ROW + "\n" + ROW + "\n", [*GOOD, (3, *GOOD[0][1:])], id="duplicate"),
        pytest.param(
            HEAD + "Azerbaijan\t373\t1993\t6\t-99\t2\tv1\n",
            [(2, "1993-06", "successful")],
            id="day-minus-99",
        ),
        pytest.param(
            HEAD + "Azerbaijan\t373\t1993\tNA\tNA\t1\tv1\n",
            [(2, "1993", "failed")],
            id="month-and-day-NA",
        ),
    ],
)
def test_odd_but_readable_pt_files(tmp_path: Path, data: str | bytes, events: list) -> None:
    """UTF-16, BOM, CR/CRLF, quoted fields, floats, duplicates, unknown days: rows read."""
    assert _seen(_write(tmp_path, data)) == (events, [])


@pytest.mark.parametrize(
    ("data", "errors"),
    [
        pytest.param("", [("external-file-empty", 1, 1)], id="empty"),
        pytest.param(HEAD, [("external-file-empty", 1, 1)], id="header-only"),
        pytest.param(b"\xef\xbb\xbf\n\n", [("external-file-empty", 1, 1)], id="bom-and-blanks"),
        pytest.param(HEAD + ROW + "\n\x00", [("external-file-unreadable", 1, 1)], id="nul"),
        pytest.param(
            HEAD + "Azerbaijan,373,1993,6,4,2,v1\n", [("external-row-malformed", 2, 29)], id="mixed"
        ),
        pytest.param(
            HEAD + "Azerbaijan\t373\t1993\n", [("external-row-malformed", 2, 20)], id="ragged"
        ),
        pytest.param(HEAD + ROW + "\tx\ty\n", [("external-row-malformed", 2, 30)], id="extra-cols"),
        pytest.param(
            HEAD + '"Azerbaijan\t373\t1993\t6\t4\t2\tv1\n',
            [("external-row-malformed", 2, 1)],
            id="quote-never-closed",
        ),
        pytest.param(ROW.replace("1993", "-5"), [("external-value-invalid", 1, 16)], id="neg-year"),
        pytest.param(
            ROW.replace("1993", "9" * 25), [("external-value-invalid", 1, 16)], id="huge-year"
        ),
        pytest.param(ROW.replace("\t6\t", "\t13\t"), [("external-value-invalid", 1, 21)], id="m13"),
        pytest.param(ROW.replace("\t4\t", "\t99\t"), [("external-value-invalid", 1, 23)], id="d99"),
        pytest.param(
            ROW.replace("\t6\t4\t", "\t2\t29\t"), [("external-value-invalid", 1, 23)], id="feb-29"
        ),
        pytest.param(
            ROW.replace("\t2\tv1", "\t0\tv1"), [("external-value-invalid", 1, 25)], id="coup0"
        ),
        pytest.param(
            ROW.replace("\t2\tv1", "\t3\tv1"), [("external-value-invalid", 1, 25)], id="coup3"
        ),
        pytest.param(ROW.replace("373", "NA"), [("external-value-invalid", 1, 12)], id="code-NA"),
        pytest.param(
            ROW.replace("373", "٣٧٣"), [("external-value-invalid", 1, 12)], id="arabic-digits"
        ),
        pytest.param(
            ROW.replace("373", "373.5"), [("external-value-invalid", 1, 12)], id="code-float"
        ),
        pytest.param(
            "country;ccode;year;month;day;coup\n",
            [("external-header-wrong", 1, 1)],
            id="semicolons",
        ),
    ],
)
def test_malformed_pt_files_are_located(tmp_path: Path, data: str | bytes, errors: list) -> None:
    """Each malformed file or row is an error finding at its line and column, no events."""
    assert _seen(_write(tmp_path, data)) == ([], errors)


def test_a_latin1_name_survives_with_an_info_finding(tmp_path: Path) -> None:
    """Côte d'Ivoire in Latin-1 is read as such; the encoding is an info finding."""
    text = HEAD + "Côte d'Ivoire\t437\t1999\t12\t24\t2\tv\n"
    (event,), findings = read_powell_thyne(_write(tmp_path, text.encode("latin-1")))
    assert event.country == "Côte d'Ivoire"
    assert [(f.code, f.severity, f.line) for f in findings] == [("external-encoding", "info", 2)]


def test_a_50_mb_line_is_one_finding_quickly(tmp_path: Path) -> None:
    """A single 50 MB line (no tab, no newline) is one malformed row, found in seconds."""
    path = _write(tmp_path, b"A" * (50 * 1024 * 1024))
    start = time.monotonic()
    assert _seen(path) == ([], [("external-row-malformed", 1, 1)])
    assert time.monotonic() - start < 10


@pytest.mark.parametrize("reader", [read_powell_thyne, read_cline], ids=["pt", "cline"])
def test_a_fifo_a_device_a_folder_a_loop_are_findings(tmp_path: Path, reader) -> None:
    """Neither reader blocks on a FIFO or reads /dev/zero: each is one unreadable finding."""
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "zero").symlink_to("/dev/zero")
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    (tmp_path / "folder").mkdir()
    for name in ("fifo", "zero", "loop", "folder", "missing"):
        read: list = []
        path = tmp_path / name
        worker = threading.Thread(target=lambda r=read, p=path: r.append(reader(p)), daemon=True)
        worker.start()
        worker.join(timeout=20)
        assert read, f"{name}: the reader did not return"
        events, findings = read[0]
        assert events == [] and [(f.code, f.line) for f in findings] == [
            ("external-file-unreadable", 1)
        ], name


@pytest.mark.parametrize("name", ["fifo", "zero", "folder"])
def test_the_command_refuses_what_is_not_a_file(tmp_path: Path, name: str) -> None:
    """`cmr crosscheck` given a FIFO, /dev/zero or a folder: one line on stderr, exit 2."""
    project = aze_project(tmp_path)
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "zero").symlink_to("/dev/zero")
    (tmp_path / "folder").mkdir()
    done = cmr_run(project, "crosscheck", "powell-thyne", str(tmp_path / name))
    assert done.returncode == 2 and done.stdout == ""
    assert len(done.stderr.splitlines()) == 1 and name in done.stderr, done.stderr


def test_cline_unrealized_must_agree_with_the_outcome(tmp_path: Path) -> None:
    """A realized coup marked unrealized, or an attempt not marked, is a finding at the field."""
    good = cline_row(373, 1992, 3, 6, "coup")
    attempt = cline_row(373, 1994, 10, 5, "attempted")
    path = tmp_path / "c.csv"
    path.write_text(
        "\n".join(
            [
                CLINE_HEADER,
                good.replace(",0,1,0,0,", ",1,1,0,0,"),
                attempt.replace(",1,0,0,1,", ",0,0,0,1,"),
                good,
                attempt,
            ]
        )
        + "\n"
    )
    events, errors = _seen(path, read_cline)
    where = [good.index(",0,1,0,0,") + 2, attempt.index(",1,0,0,1,") + 2]  # unrealized
    assert errors == [
        ("external-value-invalid", 2, where[0]),
        ("external-value-invalid", 3, where[1]),
    ]
    assert events == [(4, "1992-03-06", "realized"), (5, "1994-10-05", "attempted")]
