"""Hostile membership files: every malformed, oversized or special file gives located
findings (or one `external-file-unreadable`), quickly, never an exception or a hang."""

from __future__ import annotations

import codecs
import os
import time
from pathlib import Path

import pytest

from cmr.external import read_membership
from cmr.external._split import MAX_LINE, MAX_LINES
from cmr.external._text import MAX_BYTES

H = "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version\n"
AZE = "AZE,373,Azerbaijan,1991,12,30,2016,12,31,2016\n"
ARM = "ARM,371,Armenia,1991,12,21,2016,12,31,2016\n"
GW = "373\tAZE\tAzerbaijan\t30:12:1991\t31:12:2017\n"


def _row(**over: str) -> str:
    """A COW row of Azerbaijan with some fields replaced."""
    fields = dict(zip(H.strip().split(","), AZE.strip().split(","), strict=True))
    return ",".join({**fields, **over}.values()) + "\n"


CASES: list[tuple[str, str, bytes, int, list[tuple[str, int, int]]]] = [
    ("utf16-le-no-mark", "cow", (H + AZE).encode("utf-16-le"), 1, []),
    ("utf16-be-no-mark", "cow", (H + AZE).encode("utf-16-be"), 1, []),
    ("utf16-mark", "cow", codecs.BOM_UTF16_LE + (H + AZE).encode("utf-16-le"), 1, []),
    ("utf16-odd-byte", "cow", codecs.BOM_UTF16_LE + b"a", 0, [("external-file-unreadable", 1, 1)]),
    (
        "utf16-holding-nul",
        "cow",
        codecs.BOM_UTF16_LE + "a\0b\n".encode("utf-16-le"),
        0,
        [("external-file-unreadable", 1, 1)],
    ),
    ("utf8-mark-only", "cow", codecs.BOM_UTF8, 0, [("external-file-empty", 1, 1)]),
    (
        "cr-only",
        "cow",
        (H + AZE + AZE.replace("1991", "1980").replace("2016,12", "1985,12"))
        .replace("\n", "\r")
        .encode(),
        2,
        [],
    ),
    ("two-eof-marks", "cow", (H + AZE).encode() + b"\x1a\x1a", 1, []),
    ("nul-byte", "cow", (H + AZE).encode() + b"\0", 0, [("external-file-unreadable", 1, 1)]),
    (
        "fullwidth-digit",
        "cow",
        (H + _row(ccode="\uff13\uff17\uff13")).encode(),
        0,
        [("external-value-invalid", 2, 5)],
    ),
    (
        "arabic-indic-digits",
        "cow",
        (H + _row(styear="\u0661\u0669\u0669\u0661")).encode(),
        0,
        [("external-value-invalid", 2, 20)],
    ),
    (
        "negative-year",
        "cow",
        (H + _row(styear="-1991")).encode(),
        0,
        [("external-value-invalid", 2, 20)],
    ),
    (
        "huge-year",
        "cow",
        (H + _row(endyear="99999999999999")).encode(),
        0,
        [("external-value-invalid", 2, 31)],
    ),
    ("month-13", "cow", (H + _row(stmonth="13")).encode(), 0, [("external-value-invalid", 2, 25)]),
    (
        "day-31-february",
        "cow",
        (H + _row(stmonth="2", stday="31")).encode(),
        0,
        [("external-value-invalid", 2, 27)],
    ),
    (
        "missing-end",
        "cow",
        (H + _row(endyear="", endmonth="", endday="")).encode(),
        0,
        [("external-value-invalid", 2, 31)],
    ),
    ("duplicate-row", "cow", (H + AZE + AZE).encode(), 1, [("external-spell-invalid", 3, 1)]),
    (
        "ragged",
        "cow",
        (H + "AZE,373\n" + AZE + AZE.strip() + ",x,y\n").encode(),
        1,
        [("external-row-malformed", 2, 8), ("external-row-malformed", 4, 47)],
    ),
    (
        "many-delimiters",
        "cow",
        (H + "," * 5000 + "\n" + AZE).encode(),
        1,
        [("external-row-malformed", 2, 1)],
    ),
    (
        "gw-29-february-1900",
        "gw",
        GW.replace("30:12:1991", "29:02:1900").encode(),
        0,
        [("external-value-invalid", 1, 20)],
    ),
    ("gw-slashes", "gw", GW.replace(":", "/").encode(), 0, [("external-value-invalid", 1, 20)]),
    (
        "gw-year-zero",
        "gw",
        GW.replace("1991", "0000").encode(),
        0,
        [("external-value-invalid", 1, 20)],
    ),
    (
        "gw-saved-as-csv",
        "gw",
        b'732,ROK,"Korea, Republic of",15:08:1948,31:12:2017\n' + GW.replace("\t", ",").encode(),
        2,
        [],
    ),
    (
        "control-characters-in-names",
        "cow",
        (H + _row(statenme='"Evil\x1b[31mRed"') + _row(stateabb='"A\nZ"', ccode="1")).encode(),
        0,
        [("external-value-invalid", 2, 9), ("external-value-invalid", 3, 1)],
    ),
    (
        "gw-bell-in-name",
        "gw",
        GW.replace("Azerbaijan", "Azer\abaijan").encode(),
        0,
        [("external-value-invalid", 1, 9)],
    ),
    ("version-left-out", "cow", (H + AZE + ARM.replace(",2016\n", "\n")).encode(), 2, []),
    (
        "middle-field-left-out",
        "cow",
        (H + "AZE,373,Azerbaijan,1991,12,2016,12,31,2016\n").encode(),
        0,
        [("external-value-invalid", 2, 28)],
    ),
    ("cow-saved-as-tsv", "cow", (H + AZE).replace(",", "\t").encode(), 1, []),
    ("cow-semicolons", "cow", (H + AZE).replace(",", ";").encode(), 1, []),
    (
        "gw-latin1-crlf",
        "gw",
        "437\tCDI\tC\xf4te D'Ivoire\t07:08:1960\t31:12:2017\r\n".encode("latin-1"),
        1,
        [("external-encoding", 1, 10)],
    ),
]


@pytest.mark.parametrize(
    ("system", "data", "spells", "expected"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_hostile_bytes(
    tmp_path: Path, system: str, data: bytes, spells: int, expected: list[tuple[str, int, int]]
) -> None:
    """Each hostile file gives the expected spells and findings at their line and column."""
    path = tmp_path / "states"
    path.write_bytes(data)
    m = read_membership([path], system)
    assert [(f.code, f.line, f.column) for f in m.findings] == expected
    assert len(m.spells) == spells


def _only_unreadable(path: Path, words: str) -> None:
    started = time.monotonic()
    m = read_membership([path], "cow")
    assert time.monotonic() - started < 5
    assert [(f.code, f.line) for f in m.findings] == [("external-file-unreadable", 1)]
    assert words in m.findings[0].message
    assert m.spells == []


def test_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    """A FIFO named as the file is refused at once (opening it would wait for a writer)."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    os.mkfifo(tmp_path / "states.csv")
    _only_unreadable(tmp_path / "states.csv", "FIFO")


def test_device_folder_loop_and_missing_file_are_refused(tmp_path: Path) -> None:
    """`/dev/zero` (through a link), a folder, a link loop and a missing file are one
    `external-file-unreadable` each, saying what the path is."""
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    (tmp_path / "zero").symlink_to("/dev/zero")
    (tmp_path / "loop1").symlink_to(tmp_path / "loop2")
    (tmp_path / "loop2").symlink_to(tmp_path / "loop1")
    (tmp_path / "dir").mkdir()
    _only_unreadable(tmp_path / "zero", "a device")
    _only_unreadable(tmp_path / "dir", "a folder")
    _only_unreadable(tmp_path / "loop1", "cannot be read")
    _only_unreadable(tmp_path / "missing.csv", "cannot be read")


def test_file_over_the_limit_is_refused_unread(tmp_path: Path) -> None:
    """A 100 MB file is refused by its size, without being read (here a sparse file)."""
    path = tmp_path / "states.csv"
    with path.open("wb") as fh:
        fh.truncate(100 * 1024 * 1024)
    assert path.stat().st_size > MAX_BYTES
    _only_unreadable(path, "larger than")


def test_too_many_lines_is_refused_before_splitting(tmp_path: Path) -> None:
    """A file with more lines than any list of states has is refused at once."""
    path = tmp_path / "states.csv"
    path.write_bytes(H.encode() + b"\n" * MAX_LINES + AZE.encode())
    _only_unreadable(path, "lines")


def test_fifty_megabyte_line_is_one_finding_quickly(tmp_path: Path) -> None:
    """A 50 MB line (or quoted field running over lines) is one `external-row-malformed`,
    and the rows around it are read."""
    path = tmp_path / "states.csv"
    body = b'"' + b"A" * 50_000_000 + b"\n"
    path.write_bytes(H.encode() + AZE.encode() + body + ARM.encode())
    started = time.monotonic()
    m = read_membership([path], "cow")
    assert time.monotonic() - started < 20
    assert [(f.code, f.line) for f in m.findings] == [("external-row-malformed", 3)]
    assert str(MAX_LINE) in m.findings[0].message
    assert [s.line for s in m.spells] == [2, 4]


def test_long_quoted_lines_do_not_take_quadratic_time(tmp_path: Path) -> None:
    """Forty lines of 900,000 characters, each opening a quote that the next line closes,
    are read in seconds: a quoted field is followed by `find`, not character by character."""
    path = tmp_path / "states.csv"
    path.write_bytes(H.encode() + (b'"' + b"A," * 450_000 + b"\n") * 40)
    started = time.monotonic()
    m = read_membership([path], "cow")
    assert time.monotonic() - started < 20
    assert m.findings and all(f.code == "external-row-malformed" for f in m.findings)
