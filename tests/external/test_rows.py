"""The located reader of published delimited files: liberal on form, strict and located on
content, never an exception."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from cmr.external import Layout, calendar_date, gw_date, integer, read_rows
from cmr.findings import Finding

CSV = Layout("test list", ("abb", "code", "name"), ",")
TSV = Layout("tab list", ("code", "abb", "name", "start"), "\t", "none")
OPTIONAL = Layout("tab list", ("code", "abb", "name", "start"), "\t", "optional")


def read(tmp_path: Path, data: bytes, layout: Layout = CSV) -> tuple[list, list[Finding]]:
    path = tmp_path / "list.txt"
    path.write_bytes(data)
    table = read_rows(path, layout, name="list.txt")
    return table.rows, table.findings


def codes(findings: list[Finding]) -> list[tuple[str, int, int]]:
    return [(f.code, f.line, f.column) for f in findings]


def test_quoted_fields_bom_crlf_and_blank_lines_are_read(tmp_path: Path) -> None:
    """A BOM, CRLF line ends, quoted fields with commas and doubled quotes, whitespace and
    trailing blank lines are all read as the values they hold."""
    data = (
        b'\xef\xbb\xbfabb , code,name\r\n USA,2,"United States, of ""America"""\r\n'
        b"\r\nCAN,20,Canada,\r\n\r\n\r\n"
    )
    rows, findings = read(tmp_path, data)
    assert findings == []
    assert [(r.line, r["abb"], r["code"], r["name"]) for r in rows] == [
        (2, "USA", "2", 'United States, of "America"'),
        (4, "CAN", "20", "Canada"),
    ]
    assert rows[0].column("name") == 8 and rows[0].where("code") == "list.txt:2:6"


def test_header_matched_in_any_case_and_order_with_extra_columns(tmp_path: Path) -> None:
    """Header names are matched whatever their case and order; extra columns are kept."""
    rows, findings = read(tmp_path, b"Name,CODE,version,ABB\nCanada,20,2016,CAN\n")
    assert findings == []
    assert (rows[0]["abb"], rows[0]["code"], rows[0]["version"]) == ("CAN", "20", "2016")


def test_latin1_fallback_is_said_and_names_read(tmp_path: Path) -> None:
    """A file that is not UTF-8 is read as Latin-1, and an info finding says so and where."""
    rows, findings = read(tmp_path, b"abb,code,name\nCIV,437,C\xf4te d'Ivoire\n")
    assert rows[0]["name"] == "Côte d'Ivoire"
    assert codes(findings) == [("external-encoding", 2, 10)]
    assert findings[0].severity == "info"


def test_utf16_with_a_mark_is_read(tmp_path: Path) -> None:
    """A file a spreadsheet saved as UTF-16 with a byte-order mark is read."""
    rows, findings = read(tmp_path, "abb,code,name\r\nAZE,373,Azərbaycan\r\n".encode("utf-16"))
    assert findings == [] and rows[0]["name"] == "Azərbaycan"


def test_wrong_number_of_fields_is_located(tmp_path: Path) -> None:
    """Rows with too few or too many fields are findings at their line and column, and the
    rows around them are still read."""
    rows, findings = read(tmp_path, b"abb,code,name\nUSA,2\nCAN,20,Canada\nMEX,70,Mexico,x\n")
    assert [r["abb"] for r in rows] == ["CAN"]
    assert codes(findings) == [("external-row-malformed", 2, 6), ("external-row-malformed", 4, 15)]
    assert "has 2 field(s)" in findings[0].message and "expected 3" in findings[0].message


def test_missing_header_column_refuses_the_rows(tmp_path: Path) -> None:
    """A header that lacks a column is one finding at line 1; no row is read under it."""
    rows, findings = read(tmp_path, b"abb,ccode,name\nUSA,2,United States\n")
    assert rows == []
    assert codes(findings) == [("external-header-wrong", 1, 1)]
    assert "lacks code" in findings[0].message


def test_header_naming_a_column_twice_is_refused(tmp_path: Path) -> None:
    """A header naming a column twice cannot be trusted."""
    _, findings = read(tmp_path, b"abb,code,name,Code\nUSA,2,x,3\n")
    assert codes(findings) == [("external-header-wrong", 1, 1)]


def test_headerless_file_without_its_header_is_read_by_position(tmp_path: Path) -> None:
    """A tab-separated file without a header is read by position."""
    rows, findings = read(tmp_path, b"2\tUSA\tUnited States\t01:01:1816\n", TSV)
    assert findings == [] and rows[0]["start"] == "01:01:1816" and rows[0].column("name") == 7


def test_optional_header_is_recognised(tmp_path: Path) -> None:
    """Where a header is optional, a first row naming the columns is a header, not a row."""
    data = b"code\tabb\tname\tstart\n2\tUSA\tUnited States\t01:01:1816\n"
    rows, findings = read(tmp_path, data, OPTIONAL)
    assert findings == [] and [r.line for r in rows] == [2]


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "external-file-empty"),
        (b"\n\r\n  \n", "external-file-empty"),
        (b"abb,code,name\n\n", "external-file-empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "external-file-unreadable"),
        (bytes(range(1, 9)) * 100, "external-file-unreadable"),
    ],
)
def test_empty_and_binary_files_are_one_finding(tmp_path: Path, data: bytes, code: str) -> None:
    """An empty, blank, header-only or binary file is one finding, not an exception."""
    rows, findings = read(tmp_path, data)
    assert rows == [] and codes(findings) == [(code, 1, 1)]


def test_missing_file_is_a_finding(tmp_path: Path) -> None:
    """A file that does not exist is an unreadable-file finding."""
    table = read_rows(tmp_path / "nope.csv", CSV, name="nope.csv")
    assert codes(table.findings) == [("external-file-unreadable", 1, 1)]


def test_unclosed_quote_is_located_and_does_not_swallow_the_file(tmp_path: Path) -> None:
    """A quote left open is a finding at its row; the rows after it are still read."""
    rows, findings = read(tmp_path, b'abb,code,name\nUSA,2,"United States\nCAN,20,Canada\n')
    assert codes(findings) == [("external-row-malformed", 2, 1)]
    assert [r["abb"] for r in rows] == ["CAN"]


def test_text_after_a_closing_quote_is_located(tmp_path: Path) -> None:
    """`"a"b` is not a field: the finding points at it."""
    _, findings = read(tmp_path, b'abb,code,name\nUSA,"2"x,US\n')
    assert codes(findings) == [("external-row-malformed", 2, 5)]


def test_huge_line_is_refused_quickly(tmp_path: Path) -> None:
    """A line of millions of characters is a finding within a couple of seconds, not a hang."""
    started = time.monotonic()
    rows, findings = read(tmp_path, b"abb,code,name\n" + b'"' + b"x," * 3_000_000 + b"\nA,1,B\n")
    assert time.monotonic() - started < 5
    assert codes(findings) == [("external-row-malformed", 2, 1)] and len(rows) == 1


def test_integer_and_dates_return_located_findings(tmp_path: Path) -> None:
    """Value helpers return the value, or a finding at the field's line and column."""
    layout = Layout("t", ("code", "y", "m", "d", "gw"), ",")
    data = b"code,y,m,d,gw\n 12 ,1991,12,30,30:12:1991\nx1,1991,2,30,31:02:1991\n"
    rows, _ = read(tmp_path, data, layout)
    good, bad = rows
    assert integer(good, "code") == 12
    assert str(calendar_date(good, "y", "m", "d")) == "1991-12-30"
    assert str(gw_date(good, "gw")) == "1991-12-30"
    found = [integer(bad, "code"), calendar_date(bad, "y", "m", "d"), gw_date(bad, "gw")]
    assert [(f.code, f.line, f.column) for f in found if isinstance(f, Finding)] == [
        ("external-value-invalid", 3, 1),
        ("external-value-invalid", 3, 11),
        ("external-value-invalid", 3, 14),
    ]
    assert "'x1' is not a whole number" in found[0].message  # type: ignore[union-attr]


def test_integer_bounds(tmp_path: Path) -> None:
    """A whole number outside the given bounds is a finding naming them."""
    rows, _ = read(tmp_path, b"abb,code,name\nX,-4,Y\n")
    got = integer(rows[0], "code", low=1, high=999)
    assert isinstance(got, Finding) and "from 1 to 999" in got.message


def test_only_cr_and_lf_end_lines(tmp_path: Path) -> None:
    """A form feed or a Windows-1252 ellipsis byte (U+0085 in Latin-1) does not end a line,
    so line numbers are the editor's."""
    rows, findings = read(tmp_path, b"abb,code,name\nA,1,Etc\x85\nB,2,x\x0cy\nC,3,z\n")
    assert [(r.line, r["name"]) for r in rows] == [(2, "Etc\x85"), (3, "x\x0cy"), (4, "z")]
    assert [f.code for f in findings] == ["external-encoding"]
