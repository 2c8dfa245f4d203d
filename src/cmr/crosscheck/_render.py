"""The report as text, JSON or CSV (`cmr crosscheck --format`).

Text: the findings (`path:line:column: severity code message`), then one line per item in
the same form with its kind in place of a severity, followed by the source's rows and the
observation's side, then a summary line; control characters from the data are escaped, so
every line is one line. JSON: `Report.to_dict()`. CSV: one row per item,
the source's rows joined with `; `.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Callable

from cmr.crosscheck._report import KINDS, Item, Report

SHOWN_CHARS = 240
_BREAKING = ("Cc", "Zl", "Zp")
"""Control characters and line or paragraph separators."""
CSV_COLUMNS = (
    "kind",
    "file",
    "line",
    "column",
    "pointer",
    "question",
    "variable",
    "answer",
    "event",
    "message",
    "observed",
    "source_rows",
    "source_dates",
    "source_categories",
    "source_event_types",
    "reason",
)


def _cut(text: str) -> str:
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"


def _item_text(item: Item) -> list[str]:
    lines = [f"{item.file}:{item.line}:{item.column}: {item.kind} {item.message}"]
    for r in item.external:
        said = f"{r.country} ({r.code}) {r.date} {r.category} -> {r.event_type}"
        lines.append(f"    source       {r.where}  {said}" + (f"  [{r.ident}]" if r.ident else ""))
    if item.observed:
        lines.append(f"    observation  {item.pointer}: {_cut(item.observed)}")
    if item.reason:
        lines.append(f"    reason       {_cut(item.reason)}")
    return lines


def summary(report: Report) -> str:
    counts = report.counts()
    said = ", ".join(f"{counts[k]} {k}" for k in KINDS)
    line = (
        f"{report.source} ({report.file}, {report.events} rows): "
        f"{report.observations} observation(s) compared; {said}"
    )
    if report.drafts:
        line += f"; {len(report.drafts)} draft(s) left out (--drafts compares them)"
    return line


def text(report: Report) -> str:
    lines = [f.render() for f in report.findings]
    for item in report.items:
        lines.extend(_item_text(item))
    lines.append(summary(report))
    return "\n".join(_plain(line) for line in lines) + "\n"


def _plain(line: str) -> str:
    """`line` with control characters escaped (`\\n`, `\\x1b`): a newline in a source's
    quoted field or an event id stays on its line, and nothing reaches the terminal raw."""
    if line.isprintable():
        return line
    return "".join(repr(c)[1:-1] if unicodedata.category(c) in _BREAKING else c for c in line)


def json_(report: Report) -> str:
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"


def csv_(report: Report) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for i in report.items:
        rows = i.external
        writer.writerow(
            [
                i.kind,
                i.file,
                i.line,
                i.column,
                i.pointer,
                i.question,
                i.variable,
                i.answer,
                i.event,
                i.message,
                i.observed,
                "; ".join(r.where for r in rows),
                "; ".join(r.date for r in rows),
                "; ".join(r.category for r in rows),
                "; ".join(r.event_type for r in rows),
                i.reason,
            ]
        )
    return out.getvalue()


RENDERERS: dict[str, Callable[[Report], str]] = {"text": text, "json": json_, "csv": csv_}
