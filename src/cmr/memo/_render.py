"""Observation data → YAML text laid out like the files `cmr new` writes.

Hand-rolled rather than dumped, for the layout coders know: the `$schema` comment line that
editors use, header fields in order, each answer under a comment with its question, evidence as
a literal block scalar with one line per paragraph and a blank line between paragraphs.
Strings a YAML 1.1 reader would turn into something else (`yes`, `no`, `on`, `null`, dates,
numbers) are double-quoted; non-ASCII text is kept as is.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from cmr.codebook import Codebook

_PLAIN = re.compile(r"[^\W\d_][\w .,()/'’&-]*(?<! )|\d+\.\d+\.\d+")
_RESERVED = {"y", "n", "yes", "no", "true", "false", "on", "off", "null", "~"}
_BREAKS = {"\x85", "\u2028", "\u2029"}


def render_observation(data: dict[str, Any], book: Codebook, schema_ref: str) -> str:
    """The file's text: `$schema` line, header fields, then one block per answer."""
    lines = [f"# yaml-language-server: $schema={schema_ref}"]
    for key, value in data.items():
        if key != "answers":
            lines += _field(key, value, "")
    lines.append("answers:")
    for variable, entry in data["answers"].items():
        question = book.question(variable)
        lines.append(f"  # {question.id} {' '.join(question.text.split())}")
        lines.append(f"  {variable}:")
        for key, value in entry.items():
            lines += _citations(value) if key == "citations" else _field(key, value, "    ")
    return "\n".join(lines) + "\n"


def _field(key: str, value: Any, indent: str) -> list[str]:
    if isinstance(value, str) and key in ("evidence", "notes", "note") and _block_ok(value):
        body = [f"{indent}  {line}" if line else "" for line in value.split("\n")]
        return [f"{indent}{key}: |-", *body]
    return [f"{indent}{key}: {scalar(value)}"]


def _citations(items: list[dict[str, Any]]) -> list[str]:
    if not items:
        return ["    citations: []"]
    lines = ["    citations:"]
    for item in items:
        for i, (key, value) in enumerate(item.items()):
            lines.append(f"      {'- ' if i == 0 else '  '}{key}: {scalar(value)}")
    return lines


def scalar(value: Any) -> str:
    """One YAML value on one line.

    >>> [scalar(v) for v in ("no", "AZE", "2026-01-05", 373, None, 'say "hi"')]
    ['"no"', 'AZE', '"2026-01-05"', '373', 'null', '"say \\\\"hi\\\\""']
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if _PLAIN.fullmatch(text) and text.lower() not in _RESERVED:
        return text
    return quote(text)


def quote(text: str) -> str:
    """A YAML double-quoted scalar; escapes what is not printable, keeps other non-ASCII."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif _printable(ch):
            out.append(ch)
        elif ord(ch) <= 0xFF:
            out.append(f"\\x{ord(ch):02x}")
        elif ord(ch) <= 0xFFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    return '"' + "".join(out) + '"'


def _printable(ch: str) -> bool:
    """YAML's printable set, less the characters YAML 1.1 readers take for line breaks."""
    if ch in _BREAKS or ch == "\ufeff":
        return False
    return ch >= " " and ch != "\x7f" and unicodedata.category(ch) not in ("Cc", "Cs", "Cn")


def _block_ok(text: str) -> bool:
    """A literal block keeps `text` exactly when it is printable and no line of it opens or
    ends with white space (which indentation and editors would blur); else it is quoted."""
    lines = text.split("\n")
    if not lines[0] or not lines[-1] or any(line != line.strip() for line in lines):
        return False
    return all(ch == "\n" or ch == "\t" or _printable(ch) for ch in text)
