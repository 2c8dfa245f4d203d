"""Hostile memo input: footnote CSVs that are not what they claim, memo files that are not text,
and memos shaped to make the parser slow.

`cmr import-memo` runs as a user runs it; a bad CSV is a finding at `path:line:column` with
exit 1 and nothing written, never silence; time is asserted as a ratio, never absolutely.
"""

from __future__ import annotations

import codecs
import gc
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from adversarial_support import REPO, Ran, assert_unchanged, snapshot

from cmr.memo import parse_memo

MEMO = (REPO / "tests" / "memo" / "cases" / "footnote-csv" / "memo.txt").read_text(encoding="utf-8")
OUT = "out"


def _import(cmr: Callable[..., Ran], dataset: Path, csv: bytes | None, memo: bytes | None = None):
    (dataset / "memo.txt").write_bytes(MEMO.encode() if memo is None else memo)
    args = ["import-memo", "memo.txt", "--out", OUT]
    if csv is not None:
        (dataset / "fn.csv").write_bytes(csv)
        args += ["--footnotes", "fn.csv"]
    return cmr(*args, timeout=30)


CSV_BAD: dict[str, tuple[bytes, str]] = {
    "unterminated-quote": (b'footnote,key,pages\n1,curtis1995,"12\n2,curtis1995,3\n', "2:14"),
    "unterminated-quote-last": (b'footnote,key,pages\n1,curtis1995,12\n2,"curtis\n', "3:3"),
    "text-after-quote": (b'footnote,key,pages\n1,"curtis"1995,12\n', "2:11"),
    "wrong-header": (b"number,source,pages\n1,curtis1995,12\n", "1:1"),
    "no-header-only-rows": (b"1,curtis1995,12\n", "1:1"),
    "header-twice-named": (b"footnote,key,key\n1,a,b\n", "1:1"),
    "too-many-fields": (b"footnote,key,pages\n1,curtis1995,12,extra\n", "2:17"),
    "too-few-fields": (b"footnote,key,pages\n1,curtis1995\n", "2:"),
    "footnote-word": (b"footnote,key,pages\none,curtis1995,12\n", "2:1"),
    "footnote-decimal": (b"footnote,key,pages\n1.5,curtis1995,12\n", "2:1"),
    "footnote-negative": (b"footnote,key,pages\n-1,curtis1995,12\n", "2:1"),
    "footnote-zero": (b"footnote,key,pages\n0,curtis1995,12\n", "2:1"),
    "footnote-arabic-digit": ("footnote,key,pages\n١,curtis1995,12\n".encode(), "2:1"),
    "footnote-superscript": ("footnote,key,pages\n¹,curtis1995,12\n".encode(), "2:1"),
    "footnote-empty": (b"footnote,key,pages\n,curtis1995,12\n", "2:1"),
    "duplicate-footnote": (b"footnote,key,pages\n1,curtis1995,12\n1,curtis1995,13\n", "3:1"),
    "duplicate-for-memo": (b"footnote,key,memo\n1,a,7\n1,b,7\n", "3:1"),
    "key-with-space": (b"footnote,key,pages\n1,curtis 1995,12\n", "2:3"),
    "key-empty": (b"footnote,key,pages\n1,,12\n", "2:3"),
    "empty-file": (b"", "1:1"),
    "blank-lines-only": (b"\n\n\n", "1:1"),
}


@pytest.mark.parametrize("name", sorted(CSV_BAD))
def test_bad_footnote_csv_is_located(cmr: Callable[..., Ran], dataset: Path, name: str) -> None:
    """A malformed footnotes CSV is `memo-footnotes-csv-invalid` at its line and column, exit 1,
    and no observation is written."""
    csv, where = CSV_BAD[name]
    before = snapshot(dataset)
    ran = _import(cmr, dataset, csv)
    assert ran.code == 1, ran.text
    assert "memo-footnotes-csv-invalid" in ran.codes(), ran.text
    assert f"fn.csv:{where}" in ran.out, ran.out
    assert not (dataset / OUT).exists()
    assert_unchanged(before, snapshot(dataset), allowed=("memo.txt", "fn.csv"))


CSV_GOOD: dict[str, bytes] = {
    "plain": b"footnote,key,pages\n1,curtis1995,12\n",
    "bom": codecs.BOM_UTF8 + b"footnote,key,pages\n1,curtis1995,12\n",
    "crlf": b"footnote,key,pages\r\n1,curtis1995,12\r\n",
    "quoted-comma": b'footnote,key,pages\n1,curtis1995,"12, 14"\n',
    "doubled-quote": b'footnote,key,pages\n1,curtis1995,"the ""red"" book"\n',
    "upper-case-header": b"Footnote,Key,Pages\n1,curtis1995,12\n",
    "blank-rows": b"footnote,key,pages\n\n1,curtis1995,12\n\n",
    "per-memo-rows": b"footnote,key,memo\n1,curtis1995,7\n1,curtis1995,8\n",
    "no-final-newline": b"footnote,key,pages\n1,curtis1995,12",
}


@pytest.mark.parametrize("name", sorted(CSV_GOOD))
def test_good_footnote_csv_imports(cmr: Callable[..., Ran], dataset: Path, name: str) -> None:
    """Well-formed CSVs in their usual variants map footnotes and import (as a draft: the
    memo's other footnotes stay unmapped, which `cmr check` reports, exit 1)."""
    ran = _import(cmr, dataset, CSV_GOOD[name])
    assert ran.code == 1 and "memo-written-as-draft" in ran.codes(), ran.text
    assert "memo-footnotes-csv-invalid" not in ran.codes()
    written = (dataset / OUT / "AZE" / "1992.yaml").read_text(encoding="utf-8")
    assert "curtis1995" in written


CSV_FILES: dict[str, tuple[bytes, str]] = {
    "utf16": (codecs.BOM_UTF16_LE + "footnote,key\n1,a\n".encode("utf-16-le"), "file-encoding-bom"),
    "latin1": ("footnote,key,pages\n1,caf\xe9,1\n".encode("latin-1"), "file-encoding"),
    "nul": (b"footnote,key\n1,a\0\n", "file-binary"),
}


@pytest.mark.parametrize("name", sorted(CSV_FILES))
def test_footnote_csv_encoding(cmr: Callable[..., Ran], dataset: Path, name: str) -> None:
    """A CSV that is not UTF-8 text is named as such, exit 1."""
    raw, code = CSV_FILES[name]
    ran = _import(cmr, dataset, raw)
    assert ran.code == 1 and code in ran.codes(), ran.text


def test_footnote_csv_fifo(cmr: Callable[..., Ran], dataset: Path) -> None:
    """A FIFO given as the footnotes CSV is refused without blocking."""
    os.mkfifo(dataset / "pipe.csv")
    (dataset / "memo.txt").write_text(MEMO, encoding="utf-8")
    ran = cmr("import-memo", "memo.txt", "--out", OUT, "--footnotes", "pipe.csv", timeout=30)
    assert ran.code == 1 and "file-not-regular" in ran.codes(), ran.text


def test_footnote_csv_dev_zero(cmr: Callable[..., Ran], dataset: Path) -> None:
    """A link to /dev/zero as the footnotes CSV is refused, never read."""
    (dataset / "zero.csv").symlink_to("/dev/zero")
    (dataset / "memo.txt").write_text(MEMO, encoding="utf-8")
    ran = cmr("import-memo", "memo.txt", "--out", OUT, "--footnotes", "zero.csv", timeout=30)
    assert ran.code == 1 and "file-not-regular" in ran.codes(), ran.text


def _sparse(path: Path, size: int) -> None:
    with path.open("wb") as fh:
        fh.truncate(size)


DRAFT = "memo-written-as-draft"
MEMO_FILES: dict[str, tuple[Callable[[Path], None], int, str | None]] = {
    "fifo": (lambda p: os.mkfifo(p), 1, "file-not-regular"),
    "dev-zero": (lambda p: p.symlink_to("/dev/zero"), 1, "file-not-regular"),
    "dangling": (lambda p: p.symlink_to("nowhere.txt"), 1, "file-unreadable"),
    "nul": (lambda p: p.write_bytes(MEMO.encode() + b"\0"), 1, "file-binary"),
    "latin1": (lambda p: p.write_bytes(MEMO.replace("–", "-").encode() + b"caf\xe9\n"), 1, None),
    # Unicode exports import, as drafts (their footnotes are unmapped): exit 1
    "utf16": (lambda p: p.write_bytes(MEMO.encode("utf-16")), 1, DRAFT),
    "utf32": (lambda p: p.write_bytes(MEMO.encode("utf-32")), 1, DRAFT),
    "utf8-bom": (lambda p: p.write_bytes(codecs.BOM_UTF8 + MEMO.encode()), 1, DRAFT),
    "cr-only": (lambda p: p.write_bytes(MEMO.replace("\n", "\r").encode()), 1, DRAFT),
    "empty": (lambda p: p.write_bytes(b""), 1, "memo-empty"),
    "sparse-huge": (lambda p: _sparse(p, 6_000_000), 1, "memo-too-large"),
}


@pytest.mark.parametrize("name", sorted(MEMO_FILES))
def test_memo_file_kinds(cmr: Callable[..., Ran], dataset: Path, name: str) -> None:
    """Memo files that are not text are refused with their code; Unicode exports import."""
    make, code, finding = MEMO_FILES[name]
    make(dataset / "memo.txt")
    ran = cmr("import-memo", "memo.txt", "--out", OUT, timeout=30)
    assert ran.code == code, ran.text
    if name == "latin1":
        assert "file-encoding" in ran.codes()
    elif finding is not None:
        assert finding in ran.codes(), ran.text


def _parse_time(text: str) -> float:
    gc.disable()  # collections triggered by allocation would blur the ratio
    try:
        started = time.perf_counter()
        parse_memo(text, "memo")
        return time.perf_counter() - started
    finally:
        gc.enable()


def _wrapped(n: int) -> str:
    lines = MEMO.split("\n")
    i = next(k for k, line in enumerate(lines) if line.startswith("lines of text.1"))
    extra = [f"more wrapped evidence on line {k} about the army and the regime" for k in range(n)]
    return "\n".join(lines[:i] + extra + lines[i:])


SHAPES: dict[str, Callable[[int], str]] = {
    "wrapped-paragraph": _wrapped,
    "hyphenated-words": lambda n: (
        "Country-year: Azerbaijan 1992\n1. Did it?\nYes.\n" + "Nagorno-\n" * n
    ),
    "soft-hyphens-and-spaces": lambda n: "a" + "\u00ad" * n + " " * n + "b\n",
    "spaces-in-heading": lambda n: "q" + " " * n + "x\n",
    "spaces-in-number-line": lambda n: "Observation no: 1 - a" + " " * n + "b\n",
    "spaces-in-country-line": lambda n: "Country-year: x" + " " * n + "y\n",
    "spaces-in-notes-line": lambda n: "1. Q?\nYes.\nnotes" + " " * n + "x\n",
    "numbers-after-points": lambda n: "1. Q?\nYes. " + "3.2 percent " * n + "\n",
    "unanswered-headings": lambda n: "1. Did\n\n" * n,
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_memo_parse_is_linear(shape: str) -> None:
    """Ten times the memo takes well under twenty times as long to parse, whatever its shape."""
    make = SHAPES[shape]
    small = min(_parse_time(make(3_000)) for _ in range(3))
    large = min(_parse_time(make(30_000)) for _ in range(3))
    assert large / max(small, 1e-4) < 20, (small, large)


def test_eight_thousand_wrapped_lines_import(cmr: Callable[..., Ran], dataset: Path) -> None:
    """A memo with 8,000 wrapped lines imports (a draft: its footnotes are unmapped), with its
    evidence joined into one paragraph."""
    (dataset / "memo.txt").write_text(_wrapped(8_000), encoding="utf-8")
    ran = cmr("import-memo", "memo.txt", "--out", OUT, timeout=30)
    assert ran.code == 1 and DRAFT in ran.codes(), ran.text
    written = (dataset / OUT / "AZE" / "1992.yaml").read_text(encoding="utf-8")
    assert "line 7999 about the army" in written
