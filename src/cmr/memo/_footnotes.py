"""Footnote markers in memo text, and the `--footnotes` CSV that maps them to sources.

Exports lose superscript formatting, so a marker is a number glued to the end of a word or a
punctuation mark: `elections.1`, `January 1992.2`, `Army,7`, `“homeland.”6`. Such a number is
a marker only when it is the next one in sequence: footnotes run 1, 2, 3 … through a memo, so
`1992` in `January 1992.2` is text and the `2` after it is footnote 2. A marker up to two
further on than expected (`5` where `4` was due) is taken too, with a `memo-footnote-gap`
warning. Unicode superscript digits (`¹²`) are markers under the same rule. Markers are removed
from the evidence; each becomes a citation `{key: fn<N>, footnote: N}` of its question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from cmr import _files
from cmr.catalogue import finding
from cmr.findings import Finding
from cmr.memo import _csv

if TYPE_CHECKING:
    from cmr.memo._segment import Segment

MAX_GAP = 2
MAX_CSV_BYTES = 5_000_000
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
# Glued: after a letter or punctuation, but not after a digit, dash, slash, sign or currency
# (`1990-91`, `F-16`, `$5`); followed by a space, the line's end, or punctuation and a space.
_MARKER = re.compile(
    r"(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)"
    r"|(?<=[^\s\d/+±×=<>#№§$£€¥%‐‑‒–—-])(?P<num>\d{1,3})(?=[.,;:]?(?:\s|$))"
)

_NEXT_CHAR = re.compile(r"\s*(.?)")


@dataclass(frozen=True)
class Footnote:
    """A footnote marker: its number and where it stands in the memo."""

    number: int
    line: int
    column: int


@dataclass
class MarkerScanner:
    """Finds markers in memo order; `strip` returns a segment's text without them."""

    shown: str
    expected: int = 1
    findings: list[Finding] = field(default_factory=list)

    def strip(self, segment: Segment, into: list[Footnote]) -> str:
        text = segment.text
        kept: list[str] = []
        last = 0
        for match in _MARKER.finditer(text):
            number = int(match.group(0).translate(_SUPERSCRIPTS))
            if not self._accept(number, match, text, segment.line, segment.column):
                continue
            into.append(Footnote(number, segment.line, segment.column + match.start()))
            kept.append(text[last : match.start()])
            last = match.end()
        kept.append(text[last:])
        return "".join(kept)

    def _accept(self, number: int, match: re.Match[str], text: str, line: int, column: int) -> bool:
        if not self.expected <= number <= self.expected + MAX_GAP:
            return False
        if match.group("num") and _decimal(text, match.start(), match.end()):
            return False
        if number > self.expected:
            missing = ", ".join(str(n) for n in range(self.expected, number))
            self.findings.append(
                finding(
                    "memo-footnote-gap",
                    self.shown,
                    line,
                    column + match.start(),
                    found=number,
                    expected=self.expected,
                    missing=missing,
                )
            )
        self.expected = number + 1
        return True


def _decimal(text: str, start: int, end: int) -> bool:
    """`3.5 percent`, `1,2 million`: a digit, a point and a number before a lowercase word."""
    before = text[max(0, start - 2) : start]
    after = _NEXT_CHAR.match(text, end)
    return (
        len(before) == 2
        and before[0].isdigit()
        and before[1] in ".,"
        and after is not None
        and after.group(1).islower()
    )


@dataclass(frozen=True)
class FootnoteRef:
    """Where a footnote points: a bibliography key, and pages when the CSV gives them."""

    key: str
    pages: str | None = None
    line: int = field(default=0, compare=False)
    """Where the key stands in the CSV (line and column), for findings about it."""
    column: int = field(default=0, compare=False)


@dataclass
class FootnoteMap:
    """The rows of a `--footnotes` CSV, by (memo or None for every memo, footnote number)."""

    shown: str
    rows: dict[tuple[str | None, int], FootnoteRef] = field(default_factory=dict)

    def lookup(self, memo_ids: tuple[str, ...], number: int) -> FootnoteRef | None:
        """The row for `number` naming one of `memo_ids`, else the row naming no memo."""
        for memo_id in memo_ids:
            if (memo_id, number) in self.rows:
                return self.rows[(memo_id, number)]
        return self.rows.get((None, number))


def read_footnotes(path: Path, shown: str) -> tuple[FootnoteMap | None, list[Finding]]:
    """Read a CSV with columns `footnote,key,pages` and optionally `memo` (number or file name).

    Rows without `memo` apply to every memo of the call. Other columns are ignored. Every
    problem (an open quote, a wrong header or number of fields, a footnote that is not a
    positive whole number, a footnote mapped twice) is a finding at its line and column.
    """
    raw = _files.read_bytes(path, root=None, limit=MAX_CSV_BYTES)
    text = _files.decode_text(raw) if isinstance(raw, bytes) else raw
    if isinstance(text, _files.FileProblem):
        return None, [finding(text.code, shown, text.line, text.column, **text.params)]
    reader = _Reader(shown, FootnoteMap(shown))
    reader.read(text)
    return (None if reader.findings else reader.table), reader.findings


@dataclass
class _Reader:
    shown: str
    table: FootnoteMap
    header: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    first: dict[tuple[str | None, int], int] = field(default_factory=dict)

    def bad(self, line: int, column: int, problem: str) -> None:
        self.findings.append(
            finding("memo-footnotes-csv-invalid", self.shown, line, column, problem=problem)
        )

    def read(self, text: str) -> None:
        for line, fields in _csv.rows(text):
            if isinstance(fields, tuple):
                self.bad(line, *fields)
            elif not self.header:
                self._header(line, fields)
                if not self.header:
                    return
            else:
                self._row(line, fields)
        if not self.header and not self.findings:
            self.bad(1, 1, "the file is empty; expected the header footnote,key,pages")

    def _header(self, line: int, fields: list[_csv.Field]) -> None:
        names = [name.strip().lower() for _column, name in fields]
        repeated = next((n for n in names if n and names.count(n) > 1), None)
        if not {"footnote", "key"} <= set(names) or repeated:
            problem = f"column {repeated!r} is named twice" if repeated else _HEADER
            self.bad(line, 1, problem)
            return
        self.header = names

    def _row(self, line: int, fields: list[_csv.Field]) -> None:
        if len(fields) != len(self.header):
            extra = len(fields) > len(self.header)
            column = fields[len(self.header)][0] if extra else fields[-1][0] + len(fields[-1][1])
            self.bad(line, column, f"{len(fields)} fields where the header has {len(self.header)}")
            return
        pairs = zip(self.header, fields, strict=True)
        values = {name: (col, value.strip()) for name, (col, value) in pairs}
        if not any(value for _col, value in values.values()):
            return
        (n_col, number), (k_col, key) = values["footnote"], values["key"]
        if not number.isascii() or not number.isdigit() or int(number) < 1:
            self.bad(line, n_col, f"footnote {number!r} is not a positive whole number")
        elif not key or any(c.isspace() for c in key):
            self.bad(line, k_col, f"key {key!r} must be a bibliography key without spaces")
        else:
            self._add((line, n_col, k_col), values, int(number), key)

    def _add(
        self,
        place: tuple[int, int, int],
        values: dict[str, tuple[int, str]],
        number: int,
        key: str,
    ) -> None:
        line, column, key_column = place
        memo = values.get("memo", (0, ""))[1] or None
        where = (memo, number)
        if where in self.first:
            also = f" for memo {memo}" if memo else ""
            self.bad(
                line,
                column,
                f"footnote {number} is mapped twice{also} (first at line {self.first[where]})",
            )
            return
        self.first[where] = line
        pages = values.get("pages", (0, ""))[1] or None
        self.table.rows[where] = FootnoteRef(key, pages, line, key_column)


_HEADER = "the header must name the columns footnote,key (and optionally pages, memo)"
