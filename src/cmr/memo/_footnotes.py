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

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from cmr.catalogue import finding
from cmr.findings import Finding

if TYPE_CHECKING:
    from cmr.memo._parse import Segment

MAX_GAP = 2
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
# Glued: after a letter or punctuation, but not after a digit, dash, slash, sign or currency
# (`1990-91`, `F-16`, `$5`); followed by a space, the line's end, or punctuation and a space.
_MARKER = re.compile(
    r"(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)"
    r"|(?<=[^\s\d/+±×=<>#№§$£€¥%‐‑‒–—-])(?P<num>\d{1,3})(?=[.,;:]?(?:\s|$))"
)


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
    after = text[end:].lstrip()
    return len(before) == 2 and before[0].isdigit() and before[1] in ".," and after[:1].islower()


@dataclass(frozen=True)
class FootnoteRef:
    """Where a footnote points: a bibliography key, and pages when the CSV gives them."""

    key: str
    pages: str | None = None


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

    Rows without `memo` apply to every memo of the call. Other columns are ignored.
    """
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        return None, [finding("file-unreadable", shown, reason=exc.strerror or str(exc))]
    except UnicodeDecodeError as exc:
        return None, [finding("file-encoding", shown, byte=exc.object[exc.start])]
    table = FootnoteMap(shown)
    findings: list[Finding] = []

    def bad(line: int, problem: str) -> None:
        findings.append(finding("memo-footnotes-csv-invalid", shown, line, problem=problem))

    reader = csv.DictReader(io.StringIO(text.replace("\0", ""), newline=""))
    try:
        header = [h.strip().lower() for h in reader.fieldnames or []]
        reader.fieldnames = header
        if not {"footnote", "key"} <= set(header):
            bad(1, "the header must name the columns footnote,key (and optionally pages, memo)")
            return None, findings
        for row in reader:
            _row(row, reader.line_num, table, bad)
    except csv.Error as exc:
        bad(reader.line_num or 1, f"CSV: {exc}")
    return (None if findings else table), findings


def _row(
    row: dict[str, str | None], line: int, table: FootnoteMap, bad: Callable[[int, str], None]
) -> None:
    values = {k: (v or "").strip() for k, v in row.items() if isinstance(k, str)}
    if not any(values.values()):
        return
    number, key = values.get("footnote", ""), values.get("key", "")
    if not number.isdigit() or int(number) < 1:
        bad(line, f"footnote {number!r} is not a positive whole number")
    elif not key or any(c.isspace() for c in key):
        bad(line, f"key {key!r} must be a bibliography key without spaces")
    else:
        memo = values.get("memo") or None
        where = (memo, int(number))
        if where in table.rows:
            bad(line, f"footnote {number} is mapped twice" + (f" for memo {memo}" if memo else ""))
        table.rows[where] = FootnoteRef(key, values.get("pages") or None)
