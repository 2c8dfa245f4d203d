"""The readers of the published coup lists: rows as events, mistakes as located findings."""

from __future__ import annotations

from pathlib import Path

from crosscheck_support import CLINE_HEADER, cline_file, cline_row, pt_file

from cmr.external import read_cline, read_powell_thyne


def _codes(findings: list) -> list[tuple[str, int, int]]:
    return [(f.code, f.line, f.column) for f in findings]


def test_pt_rows_become_events_with_their_lines(tmp_path: Path) -> None:
    """Each row is an event with its line; coup 2 is successful, 1 failed; day 0 is unknown."""
    path = pt_file(tmp_path, "Azerbaijan 373 1993 6 4 2", "Azerbaijan 373 1994 10 0 1")
    events, findings = read_powell_thyne(path)
    assert findings == []
    assert [(e.line, e.code, e.date_text, e.category) for e in events] == [
        (2, 373, "1993-06-04", "successful"),
        (3, 373, "1994-10", "failed"),
    ]
    assert events[1].span()[1].isoformat() == "1994-10-31"


def test_pt_without_header_crlf_bom_and_comma_copy(tmp_path: Path) -> None:
    """A file without its header, with CRLF and a BOM, or comma-separated, is read alike."""
    bare = tmp_path / "bare.txt"
    bare.write_bytes(b"\xef\xbb\xbfAzerbaijan\t373\t1993\t6\t4\t2\tv1\r\n\r\n")
    comma = tmp_path / "comma.csv"
    comma.write_text("country,ccode,year,month,day,coup,version\nX,373,1993,6,,1,v\n")
    (one,), none = read_powell_thyne(bare)
    (two,), none_either = read_powell_thyne(comma)
    assert (one.line, one.date_text, one.category, none) == (1, "1993-06-04", "successful", [])
    assert (two.date_text, two.category, none_either) == ("1993-06", "failed", [])


def test_pt_latin1_names_are_kept(tmp_path: Path) -> None:
    """A Latin-1 file is read (with an info finding) and the accented name survives."""
    path = tmp_path / "pt.txt"
    path.write_bytes(
        b"country\tccode\tyear\tmonth\tday\tcoup\tversion\n"
        + "Côte d'Ivoire\t437\t1999\t12\t24\t2\tv\n".encode("latin-1")
    )
    (event,), findings = read_powell_thyne(path)
    assert event.country == "Côte d'Ivoire"
    assert [f.severity for f in findings] == ["info"]


def test_pt_malformed_rows_are_located_and_left_out(tmp_path: Path) -> None:
    """Bad fields are findings at their line and column; the good rows are still read."""
    path = pt_file(
        tmp_path,
        "Azerbaijan x 1993 6 4 2",
        "Azerbaijan 373 1993 2 30 2",
        "Azerbaijan 373 1993 2 3 3",
        "Azerbaijan 373 1993 0 3 1",
        "Azerbaijan 373 1993 6",
        "Azerbaijan 373 1993 6 4 2",
    )
    events, findings = read_powell_thyne(path)
    assert [e.line for e in events] == [7]
    assert sorted(_codes(findings)) == [
        ("external-row-malformed", 6, 28),
        ("external-value-invalid", 2, 12),
        ("external-value-invalid", 3, 23),
        ("external-value-invalid", 4, 25),
        ("external-value-invalid", 5, 21),
    ]


def test_pt_empty_and_binary_files_are_findings(tmp_path: Path) -> None:
    """An empty file and a binary file are one finding each, no events, no exception."""
    empty, binary = tmp_path / "empty.txt", tmp_path / "bin.txt"
    empty.write_text("")
    binary.write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    for path in (empty, binary):
        events, findings = read_powell_thyne(path)
        assert events == [] and [f.severity for f in findings] == ["error"]


def test_cline_rows_in_the_published_columns(tmp_path: Path) -> None:
    """The 29-column CSV is read: coup, attempted and conspiracy rows with their coup_id."""
    path = cline_file(
        tmp_path,
        cline_row(373, 1992, 3, 6, "coup"),
        cline_row(373, 1994, 10, 5, "attempted"),
        cline_row(373, 2005, 10, 19, "conspiracy"),
    )
    events, findings = read_cline(path)
    assert findings == []
    assert [(e.line, e.category, e.ident) for e in events] == [
        (2, "realized", "37303061992"),
        (3, "attempted", "37310051994"),
        (4, "conspiracy", "37310192005"),
    ]


def test_cline_contradictory_or_missing_outcomes_are_located(tmp_path: Path) -> None:
    """event_type against the 0/1 columns, two outcomes, a missing day: each a finding."""
    good = cline_row(373, 1992, 3, 6, "coup")
    path = cline_file(
        tmp_path,
        good.replace('"coup"', '"attempted"'),
        good.replace(",0,1,0,0,", ",0,1,1,0,"),
        good.replace('"coup"', '"putsch"'),
        good.replace(",1992,3,6,", ",1992,3,-99,"),
    )
    events, findings = read_cline(path)
    assert [(e.line, e.date_text) for e in events] == [(5, "1992-03")]
    assert [(c, line) for c, line, _ in sorted(_codes(findings))] == [
        ("external-value-invalid", 2),
        ("external-value-invalid", 3),
        ("external-value-invalid", 4),
    ]


def test_cline_header_missing_a_column(tmp_path: Path) -> None:
    """A CSV whose header lacks `cowcode` is one header finding and no events."""
    path = tmp_path / "c.csv"
    path.write_text(
        CLINE_HEADER.replace("cowcode", "ccode") + "\n" + cline_row(1, 1990, 1, 1, "coup")
    )
    events, findings = read_cline(path)
    assert events == [] and [f.code for f in findings] == ["external-header-wrong"]


def test_pt_header_without_version_or_misspelt(tmp_path: Path) -> None:
    """Under a header the `version` column may be missing; a misspelt header is a finding."""
    short = tmp_path / "short.txt"
    short.write_text("country\tccode\tyear\tmonth\tday\tcoup\nX\t373\t1993\t6\t4\t2\n")
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("country\tcode\tyear\tmonth\tday\tcoup\tversion\nX\t1\t1993\t6\t4\t2\tv\n")
    (event,), none = read_powell_thyne(short)
    assert (event.date_text, none) == ("1993-06-04", [])
    events, findings = read_powell_thyne(wrong)
    assert events == [] and [(f.code, f.line) for f in findings] == [("external-header-wrong", 1)]


def test_cline_older_layout_without_id_and_event_type(tmp_path: Path) -> None:
    """A Cline file with only the outcome columns (no coup_id, no event_type) is read."""
    path = tmp_path / "old.csv"
    path.write_text(
        "cowcode,country,year,month,day,unrealized,realized,conspiracy,attempt\r\n"
        "373,Azerbaijan,1994,10,5,1,0,0,1\r\n373,Azerbaijan,1995,NA,,1,0,1,0\r\n"
    )
    events, findings = read_cline(path)
    assert findings == []
    assert [(e.date_text, e.category, e.ident) for e in events] == [
        ("1994-10-05", "attempted", ""),
        ("1995", "conspiracy", ""),
    ]


def test_a_cline_file_given_as_powell_thyne_is_one_header_finding(tmp_path: Path) -> None:
    """The wrong source's file is refused at its header, not row by row."""
    path = cline_file(tmp_path, cline_row(373, 1992, 3, 6, "coup"))
    events, findings = read_powell_thyne(path)
    assert events == [] and [(f.code, f.line) for f in findings] == [("external-header-wrong", 1)]
    assert "lacks ccode, coup" in findings[0].message
