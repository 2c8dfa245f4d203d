"""The Correlates of War and Gleditsch & Ward membership readers, on small files written in
the published formats (not the real lists)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from cmr.external import read_membership

COW_HEADER = "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version\n"
COW_ROWS = (
    "USA,2,United States of America,1816,1,1,2016,12,31,2016\n"
    "HAI,41,Haiti,1859,1,1,1915,7,28,2016\n"
    "HAI,41,Haiti,1934,8,15,2016,12,31,2016\n"
    "AZE,373,Azerbaijan,1991,12,30,2016,12,31,2016\n"
)
GW_ROWS = (
    "2\tUSA\tUnited States of America\t01:01:1816\t31:12:2017\n"
    "373\tAZE\tAzerbaijan\t30:12:1991\t31:12:2017\n"
    "437\tCDI\tC\xf4te D'Ivoire\t07:08:1960\t31:12:2017\n"
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_cow_spells_with_re_entry(tmp_path: Path) -> None:
    """A COW file gives one spell a row, with its dates; a state that re-entered has two."""
    path = write(tmp_path, "states2016.csv", (COW_HEADER + COW_ROWS).encode())
    m = read_membership([path], "cow")
    assert m.findings == []
    assert [(s.start, s.end) for s in m.by_code[41]] == [
        (date(1859, 1, 1), date(1915, 7, 28)),
        (date(1934, 8, 15), date(2016, 12, 31)),
    ]
    assert m.spells_in(41, 1920) == [] and len(m.spells_in(41, 1915)) == 1
    assert m.horizon == date(2016, 12, 31)


def test_cow_quoted_names_and_crlf(tmp_path: Path) -> None:
    """Quoted state names, as the COW project distributes them, and CRLF line ends."""
    text = COW_HEADER + '"AZE",373,"Azerbaijan",1991,12,30,2016,12,31,2016\n'
    path = write(tmp_path, "s.csv", text.replace("\n", "\r\n").encode())
    m = read_membership([path], "cow")
    assert m.findings == [] and m.spells[0].abbreviation == "AZE"


def test_gw_latin1_headerless_file(tmp_path: Path) -> None:
    """The G&W list, tab-separated, headerless, Latin-1, dates dd:mm:yyyy, is read, and an
    info finding says it was read as Latin-1."""
    path = write(tmp_path, "iisystem.dat", GW_ROWS.encode("latin-1"))
    m = read_membership([path], "gw")
    assert [f.code for f in m.findings] == ["external-encoding"]
    assert m.by_code[437][0].name == "Côte D'Ivoire"
    assert m.by_code[373][0].start == date(1991, 12, 30)


def test_gw_header_and_iso_dates(tmp_path: Path) -> None:
    """A later G&W copy with a header (`statenumber ...`) and ISO dates is read too."""
    text = (
        "statenumber\tstateid\tcountryname\tstart\tend\n"
        "373\tAZE\tAzerbaijan\t1991-12-30\t2020-12-31\n"
    )
    m = read_membership([write(tmp_path, "ksgmdw.txt", text.encode())], "gw")
    assert m.findings == [] and m.by_code[373][0].end == date(2020, 12, 31)


def test_two_gw_files_are_one_list(tmp_path: Path) -> None:
    """States and microstates files are read as one list."""
    a = write(tmp_path, "a.dat", b"2\tUSA\tUnited States\t01:01:1816\t31:12:2017\n")
    b = write(tmp_path, "b.dat", b"221\tMNC\tMonaco\t01:01:1816\t31:12:2017\n")
    m = read_membership([a, b], "gw")
    assert sorted(m.by_code) == [2, 221] and len(m.files) == 2


def test_malformed_cow_rows_are_located(tmp_path: Path) -> None:
    """Bad values are findings at their line and column; good rows are kept."""
    text = COW_HEADER + (
        "USA,2,United States of America,1816,1,1,2016,12,31,2016\n"
        "XXX,abc,Nowhere,1816,1,1,2016,12,31,2016\n"
        "YYY,5,Nowhere,1816,13,1,2016,12,31,2016\n"
        "ZZZ,6,Nowhere,1816,2,30,2016,12,31,2016\n"
        "WWW,7,Nowhere,1816,1,1\n"
    )
    m = read_membership([write(tmp_path, "s.csv", text.encode())], "cow", show=lambda p: p.name)
    assert [(f.code, f.line, f.column) for f in m.findings] == [
        ("external-value-invalid", 3, 5),
        ("external-value-invalid", 4, 20),
        ("external-value-invalid", 5, 22),
        ("external-row-malformed", 6, 23),
    ]
    assert [s.code for s in m.spells] == [2]
    assert m.findings[0].render().startswith("s.csv:3:5: error external-value-invalid")


def test_bad_gw_date_is_located(tmp_path: Path) -> None:
    """A G&W date not written dd:mm:yyyy is a finding at its column."""
    path = write(tmp_path, "g.dat", b"373\tAZE\tAzerbaijan\t1991/12/30\t31:12:2017\n")
    m = read_membership([path], "gw")
    assert [(f.code, f.line, f.column) for f in m.findings] == [("external-value-invalid", 1, 20)]
    assert "dd:mm:yyyy" in m.findings[0].message


def test_spells_ending_before_start_or_overlapping_are_refused(tmp_path: Path) -> None:
    """A spell that ends before it starts, or overlaps another of its state, is a finding and
    is dropped, so no year is counted twice."""
    text = COW_HEADER + (
        "HAI,41,Haiti,1859,1,1,1915,7,28,2016\n"
        "HAI,41,Haiti,1900,1,1,1920,1,1,2016\n"
        "AZE,373,Azerbaijan,1991,12,30,1990,12,31,2016\n"
    )
    m = read_membership([write(tmp_path, "s.csv", text.encode())], "cow")
    assert [(f.code, f.line) for f in m.findings] == [
        ("external-spell-invalid", 3),
        ("external-spell-invalid", 4),
    ]
    assert "overlaps" in m.findings[0].message and [s.line for s in m.spells] == [2]


def test_wrong_header_for_cow_is_one_finding(tmp_path: Path) -> None:
    """A G&W file given as the COW list fails on its header, in one finding."""
    m = read_membership([write(tmp_path, "s.csv", GW_ROWS.encode("latin-1"))], "cow")
    assert [f.code for f in m.findings if f.severity == "error"] == ["external-header-wrong"]
    assert m.spells == []


def test_gw_header_with_other_common_names(tmp_path: Path) -> None:
    """A G&W copy whose header uses other common names (gwcode, abb, country) is read."""
    text = (
        "gwcode\tabb\tcountry\tstartdate\tenddate\n373\tAZE\tAzerbaijan\t30:12:1991\t31:12:2017\n"
    )
    m = read_membership([write(tmp_path, "gw.tsv", text.encode())], "gw")
    assert m.findings == [] and m.by_code[373][0].abbreviation == "AZE"
