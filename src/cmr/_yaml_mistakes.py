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
    first_word,
    indent,
    key_colon,
    key_of,
    value_of,
)

Rule = Callable[[Failure], Explained | None]
_BLOCK_SCALAR = ("|", ">", "|-", ">-", "|+", ">+")


def _said(message: str, line: int, column: int) -> Explained:
    return message, line, column


def _spaces(count: int) -> str:
    """How far in a line starts, as a coder counts it."""
    if count == 0:
        return "at the start of the line"
    return "1 space in" if count == 1 else f"{count} spaces in"


def _what(line: str) -> str:
    """How a message names a line: its key, or "this list item"."""
    if line.lstrip(" ").startswith("-"):
        return "this list item"
    return f"`{key_of(line) or first_word(line)}`"


def _tab(f: Failure) -> Explained | None:
    """A tab where YAML allows only spaces: in the indentation, or right after a key's `:`."""
    line = f.text(f.line)
    lead = line[: len(line) - len(line.lstrip(" \t"))]
    if "\t" in lead or f.char() == "\t":
        column = (lead.index("\t") if "\t" in lead else f.column - 1) + 1
        return _said(
            "this line is indented with a tab; YAML indents with spaces only: replace the tab "
            "with spaces, lined up with the keys it belongs with",
            f.line,
            column,
        )
    for number, text in enumerate(f.lines[: f.line], start=1):
        if ":\t" in text:
            key = text[: text.index(":\t")].strip()
            return _said(
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
    return _said(
        f"a value cannot begin with {named}; put the whole value in quotes (for example '{char}…')",
        f.line,
        f.column,
    )


def _quote(f: Failure) -> Explained | None:
    """A quoted value left open, or with an escape YAML does not know (`"C:\\data"`)."""
    if "escape" in f.problem:
        return _said(
            "a backslash inside double quotes starts an escape, and this one is not valid; put "
            "the value in single quotes, or write a backslash as \\\\",
            f.line,
            f.column,
        )
    if "quoted scalar" not in f.context:
        return None
    mark = f.text(f.context_line)[f.context_column - 1 : f.context_column] or '"'
    return _said(
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
        return _said(
            f"the {token.style} opened here closes only on line {end.line + 1}; add the closing "
            f"{token.style} at the end of this value",
            start.line + 1,
            start.column + 1,
        )
    return _said(
        f"text follows the closing {token.style} of the value; put the whole value in quotes, "
        "or remove the quotes",
        f.line,
        end.column + 1,
    )


def _flow(f: Failure) -> Explained | None:
    """A `[` or `{` never closed (the parser notices lines later)."""
    if "flow" not in f.context or f.context_line <= 0:
        return None
    bracket = f.text(f.context_line)[f.context_column - 1 : f.context_column]
    closing = {"[": "]", "{": "}"}.get(bracket, "]")
    if f.context_line < f.line:
        return _said(
            f"the {bracket} opened here is never closed; end it with {closing} on this line",
            f.context_line,
            f.context_column,
        )
    return _said(
        f"inside {bracket} {closing} items are separated by `, `; put an item holding `:` or "
        f"`,` in quotes, and close the {bracket} with {closing}",
        f.line,
        f.column,
    )


def _closer(f: Failure) -> Explained | None:
    """A `]` or `}` that closes nothing."""
    if f.char() not in ("]", "}") or "expected" not in f.problem:
        return None
    return _said(
        f"this `{f.char()}` closes nothing; remove it, or put the whole value in quotes",
        f.line,
        f.column,
    )


def _dash_after_key(f: Failure) -> Explained | None:
    """`citations: - key: a`: a list started on its key's line."""
    if "sequence entries are not allowed" not in f.problem:
        return None
    key = key_of(f.text(f.line)) or "the key"
    return _said(
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
    return _said(
        f"the value of `{key}` holds `: `, which YAML reads as another key; put the whole value "
        f"in quotes ({key}: '{value_of(line)}') or remove the second `:`",
        f.line,
        f.column,
    )


def _deeper_than_value(f: Failure) -> Explained | None:
    """A line indented under a key that already has its value on its own line."""
    if "mapping values" not in f.problem and "expected key" not in f.problem:
        return None
    above = f.previous(f.line)
    line, prev = f.text(f.line), f.text(above)
    key = key_of(prev)
    value = value_of(prev)
    if key is None or not value or value in _BLOCK_SCALAR or indent(line) <= indent(prev):
        return None
    return _said(
        f"{_what(line)} is indented deeper than `{key}:` on line {above}, which already has a "
        f"value; line it up with `{key}:` ({_spaces(indent(prev))}), or remove that value",
        f.line,
        indent(line) + 1,
    )


def _missing_colon(f: Failure) -> Explained | None:
    """A key written without its `:` (or without the space after it)."""
    if "simple key" in f.context:
        line = f.context_line
    elif "mapping values" in f.problem:
        line = f.previous(f.line)
        if indent(f.text(line)) != indent(f.text(f.line)):
            return None
    else:
        return None
    text = f.text(line)
    if line <= 0 or key_of(text) is not None or text.lstrip().startswith("-"):
        return None
    above = f.previous(line)
    if above and f.text(above).rstrip().endswith(":") and indent(text) <= indent(f.text(above)):
        key = key_of(f.text(above))
        return _said(
            f"`{text.strip()}` stands where a key was expected; if it is the value of `{key}:` "
            f"on line {above}, write it on that line ({key}: {text.strip()})",
            line,
            indent(text) + 1,
        )
    word = first_word(text)
    if ":" in word:
        name, _, rest = word.partition(":")
        return _said(
            f"`{word}` needs a space after the `:`; write `{name}: {rest}`", line, indent(text) + 1
        )
    rest = text.strip()[len(word) :].strip() or "..."
    return _said(
        f"`{text.strip()}` has no `:` after it; a key is followed by `: ` and its value "
        f"({word}: {rest})",
        line,
        indent(text) + 1,
    )


def _stray_item(f: Failure) -> Explained | None:
    """A `- ` list item where a key was expected."""
    if "expected key" not in f.problem:
        return None
    line = f.text(f.line)
    if not line.lstrip(" ").startswith("-"):
        return None
    for number in range(f.line - 1, 0, -1):
        other = f.text(number)
        if other.lstrip(" ").startswith("- ") and indent(other) != indent(line):
            return _said(
                f"this list item is not lined up with the item on line {number}; put its `-` "
                f"{indent(other)} spaces in, like that one",
                f.line,
                indent(line) + 1,
            )
    return _said(
        "a list item (`- `) stands where a key was expected; a list belongs under a key of its "
        "own (for example `citations:`), indented below it",
        f.line,
        indent(line) + 1,
    )


def _item_key(f: Failure) -> Explained | None:
    """A key after a `- key: value` item that does not line up with the item's keys."""
    if "'-' indicator" not in f.problem or f.context_line <= 0:
        return None
    item = f.text(f.context_line)
    inner = indent(item) + 2
    line = f.text(f.line)
    first = key_of(item) or "the item's first key"
    what = _what(line)
    if indent(line) == indent(item):
        return _said(
            f"{what} lines up with the `-` on line {f.context_line}, which ends that list "
            f"item; indent it like `{first}:` ({_spaces(inner)}), or start a new item with `- `",
            f.line,
            indent(line) + 1,
        )
    return _said(
        f"{what} is {_spaces(indent(line))}, which lines up with nothing in the list item on "
        f"line {f.context_line}; indent it like `{first}:` ({_spaces(inner)})",
        f.line,
        indent(line) + 1,
    )


def _misaligned(f: Failure) -> Explained | None:
    """A key indented to no level of the keys above it."""
    if "expected key" not in f.problem or f.context_line <= 0:
        return None
    line = f.text(f.line)
    level = f.context_column - 1
    if indent(line) == level:
        return None
    owner = key_of(f.text(f.context_line)) or first_word(f.text(f.context_line))
    choices = [f"like `{owner}:` on line {f.context_line} ({_spaces(level)})"]
    deeper = _deeper_key(f, indent(line))
    if deeper:
        above = key_of(f.text(deeper))
        choices.insert(0, f"like `{above}:` on line {deeper} ({_spaces(indent(f.text(deeper)))})")
    return _said(
        f"{_what(line)} is {_spaces(indent(line))}, which lines up with no key above it; "
        f"indent it {' or '.join(choices)}",
        f.line,
        indent(line) + 1,
    )


def _deeper_key(f: Failure, level: int) -> int:
    """The nearest line above the failure opening a key indented deeper than `level`."""
    number = f.previous(f.line)
    while number > 0 and indent(f.text(number)) > level:
        if key_of(f.text(number)) is not None and not f.text(number).lstrip().startswith("-"):
            return number
        number = f.previous(number)
    return 0


def _top_level(f: Failure) -> Explained | None:
    """A top-level key indented (the parser then expected a new document)."""
    if "document start" not in f.problem:
        return None
    first = next((n for n in range(1, f.line + 1) if f.previous(n + 1) == n), f.line)
    if indent(f.text(first)):
        return _said(
            "the first key is indented; top-level keys start at the beginning of the line",
            first,
            1,
        )
    return _said(
        "this line is not lined up with the top-level keys above it; top-level keys start at "
        "the beginning of the line",
        f.line,
        f.column,
    )


def _block_scalar(f: Failure) -> Explained | None:
    """Text after `|` or `>` on the key's line."""
    if "block scalar" not in f.context:
        return None
    return _said(
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
    _stray_item,
    _deeper_than_value,
    _missing_colon,
    _item_key,
    _misaligned,
    _top_level,
    _block_scalar,
]


def explain(failure: Failure) -> Explained:
    """The first rule's explanation of `failure`, or the generic one at the parser's place."""
    for rule in RULES:
        found = rule(failure)
        if found is not None:
            return found
    return GENERIC, failure.line, failure.column
