"""YAML mistakes told in a coder's words, at the line the coder must fix.

Each rule recognises one common mistake from the parser's failure and the lines around it —
a line indented too deep or too little, a tab, a missing `:`, a `key: value: value`, a quote or
bracket left open, a stray `- ` item — and says what to do, at the line and column to change.
The first rule that recognises the failure explains it; `GENERIC` covers the rest. None of the
parser's own words reach the coder. It runs only for files that failed to parse.

>>> explain(Failure(["a: 1", "b"], "could not find expected ':'", "while scanning a simple "
...     "key", 3, 1, 2, 1))
('`b` has no `:` after it; a key is followed by `: ` and its value (b: ...)', 2, 1)
"""

from __future__ import annotations

from collections.abc import Callable

from cmr._yaml_failure import (
    GENERIC,
    Explained,
    Failure,
    cut,
    key_colon,
    key_of,
    said,
    value_of,
)
from cmr._yaml_layout import (
    block_text,
    deeper_than_value,
    misaligned,
    missing_colon,
    outlier,
    top_level,
)
from cmr._yaml_lists import item_key, stray_item

Rule = Callable[[Failure], Explained | None]


def _tab(f: Failure) -> Explained | None:
    """A tab where YAML allows only spaces: in the indentation, or right after a key's `:`."""
    line = f.text(f.line)
    lead = line[: len(line) - len(line.lstrip(" \t"))]
    if "\t" in lead or f.char() == "\t":
        column = (lead.index("\t") if "\t" in lead else f.column - 1) + 1
        return said(
            "this line is indented with a tab; YAML indents with spaces only: replace the tab "
            "with spaces, lined up with the keys it belongs with",
            f.line,
            column,
        )
    for number, text in enumerate(f.lines[: f.line], start=1):
        if ":\t" in text:
            key = text[: text.index(":\t")].strip()
            return said(
                f"a tab follows `{key}:`; put a space between the `:` and the value",
                number,
                text.index(":\t") + 2,
            )
    return None


def _bad_start(f: Failure) -> Explained | None:
    """A plain value starting with a character YAML reserves (`@`, a backtick, `%`, `*`)."""
    undefined = "undefined alias" in f.problem
    if "cannot start any token" not in f.problem and not undefined:
        return None
    char = "*" if undefined else f.char()
    named = "a backtick" if char == "`" else f"`{char}`"
    return said(
        f"a value cannot begin with {named}; put the whole value in quotes (for example '{char}…')",
        f.line,
        f.column,
    )


def _quote(f: Failure) -> Explained | None:
    """A quoted value left open, or with an escape YAML does not know (`"C:\\data"`)."""
    if "escape" in f.problem:
        return said(
            "a backslash inside double quotes starts an escape, and this one is not valid; put "
            "the value in single quotes, or write a backslash as \\\\",
            f.line,
            f.column,
        )
    if "quoted scalar" not in f.context:
        return None
    mark = f.text(f.context_line)[f.context_column - 1 : f.context_column] or '"'
    return said(
        f"the {mark} opened here is never closed; add the closing {mark} at the end of the value",
        f.context_line,
        f.context_column,
    )


def _quoted_then_more(f: Failure) -> Explained | None:
    """Text after a quoted value, or a quote closed lines later than the coder meant."""
    token = f.last_token
    if token is None or getattr(token, "style", None) not in ('"', "'"):
        return None
    start, end = token.start_mark, token.end_mark
    if end.line + 1 != f.line:
        return None
    if start.line != end.line:
        return said(
            f"the {token.style} opened here closes only on line {end.line + 1}; add the closing "
            f"{token.style} at the end of this value",
            start.line + 1,
            start.column + 1,
        )
    return said(
        f"text follows the closing {token.style} of the value; put the whole value in quotes, "
        "or remove the quotes",
        f.line,
        end.column + 1,
    )


def _flow(f: Failure) -> Explained | None:
    """A `[` or `{` never closed (the parser notices lines later)."""
    if "flow" not in f.context or f.context_line <= 0:
        return None
    found = f.text(f.context_line)[f.context_column - 1 : f.context_column]
    bracket = found if found in ("[", "{") else "["  # the parser's column may be off
    closing = {"[": "]", "{": "}"}[bracket]
    if f.context_line < f.line:
        return said(
            f"the {bracket} opened here is never closed; end it with {closing} on this line",
            f.context_line,
            f.context_column,
        )
    return said(
        f"inside {bracket} {closing} items are separated by `, `; put an item holding `:` or "
        f"`,` in quotes, and close the {bracket} with {closing}",
        f.line,
        f.column,
    )


def _closer(f: Failure) -> Explained | None:
    """A `]` or `}` that closes nothing."""
    if f.char() not in ("]", "}") or "expected" not in f.problem:
        return None
    return said(
        f"this `{f.char()}` closes nothing; remove it, or put the whole value in quotes",
        f.line,
        f.column,
    )


def _dash_after_key(f: Failure) -> Explained | None:
    """`citations: - key: a`: a list started on its key's line."""
    if "sequence entries are not allowed" not in f.problem:
        return None
    key = key_of(f.text(f.line)) or "the key"
    return said(
        f"a list cannot start on the line of its key; put each `- ` item on a line of its own, "
        f"indented below `{key}:`",
        f.line,
        f.column,
    )


def _second_colon(f: Failure) -> Explained | None:
    """`answer: no: yes`: a second `: ` on a key's line, read as another key."""
    if "mapping values" not in f.problem:
        return None
    line = f.text(f.line)
    colon = key_colon(line)
    if colon is None or colon >= f.column:
        return None
    key = key_of(line)
    return said(
        f"the value of `{key}` holds `: `, which YAML reads as another key; put the whole value "
        f"in quotes ({key}: '{cut(value_of(line))}') or remove the second `:`",
        f.line,
        f.column,
    )


def _block_scalar(f: Failure) -> Explained | None:
    """Text after `|` or `>` on the key's line."""
    if "block scalar" not in f.context:
        return None
    return said(
        "after `|` or `>` only a comment may follow on the line; start the text on the next "
        "line, indented below the key",
        f.context_line,
        f.context_column,
    )


RULES: list[Rule] = [
    _tab,
    _bad_start,
    _quote,
    _quoted_then_more,
    _flow,
    _closer,
    _dash_after_key,
    _second_colon,
    block_text,
    stray_item,
    deeper_than_value,
    missing_colon,
    item_key,
    outlier,
    misaligned,
    top_level,
    _block_scalar,
]


def explain(failure: Failure) -> Explained:
    """The first rule's explanation of `failure`, or the generic one at the parser's place."""
    for rule in RULES:
        try:
            found = rule(failure)
        except (IndexError, ValueError, TypeError):  # an unforeseen layout: the next rule
            continue
        if found is not None:
            return found
    return GENERIC, failure.line, failure.column
