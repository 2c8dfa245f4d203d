"""Reporters: how a `Result` is printed. Chosen by name with `--format`.

* `text`: `path:line:column: severity code message`, one finding a line, then a summary.
  Under a finding that the file is not well-formed YAML (`yaml-*`) it shows the offending
  line with a caret under the column, as compilers do (`cmr._source`).
* `json`: `Result.to_dict()`, a stable structure documented in the README.
* `github`: workflow commands (`::error file=…,line=…,col=…,title=…::message`) that GitHub
  Actions turns into annotations on the changed lines.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from cmr._source import excerpt
from cmr.findings import Finding, Result

SHOWS_SOURCE = "yaml-"  # findings whose line a coder needs to see to fix


def text(result: Result) -> str:
    lines: list[str] = []
    for f in result.sorted():
        lines.append(f.render())
        if f.code.startswith(SHOWS_SOURCE):
            lines.extend(excerpt(f.file, f.line, f.column))
    lines.append(
        f"{result.files} file(s) checked: {result.errors} error(s), {result.warnings} warning(s)"
    )
    return "\n".join(lines) + "\n"


def json_(result: Result) -> str:
    return json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _annotation(f: Finding) -> str:
    level = {"error": "error", "warning": "warning"}.get(f.severity, "notice")
    props = (
        f"file={_escape_property(f.file)},line={f.line},col={f.column},"
        f"title={_escape_property(f.code)}"
    )
    return f"::{level} {props}::{_escape_data(f.message)}"


def github(result: Result) -> str:
    return "".join(_annotation(f) + "\n" for f in result.sorted())


REPORTERS: dict[str, Callable[[Result], str]] = {"text": text, "json": json_, "github": github}
