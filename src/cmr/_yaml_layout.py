"""YAML mistakes of layout — indentation and keys without their `:` — told at the line to fix
(`cmr._yaml_lists` holds those of list items; `cmr._yaml_mistakes` runs the rules in order).

The parser notices a layout mistake on a later line than the one the coder got wrong: a key
without its `:` fails on the next key, a list item moved by a space fails on the item's next
key. Each rule looks at the lines around the failure to find the line to change.
"""

from __future__ import annotations

from cmr._yaml_failure import (
    BLOCK_SCALAR,
    Explained,
    Failure,
    cut,
    first_word,
    indent,
    key_of,
    parent_key,
    said,
    spaces,
    value_of,
    what,
)
from cmr._yaml_lists import item_without_colon, misplaced_item


def deeper_than_value(f: Failure) -> Explained | None:
    """A line indented under a key that already has its value on its own line."""
    if "mapping values" not in f.problem and "expected key" not in f.problem:
        return None
    above = f.previous(f.line)
    line, prev = f.text(f.line), f.text(above)
    key = key_of(prev)
    value = value_of(prev)
    if key is None or not value or value in BLOCK_SCALAR or indent(line) <= indent(prev):
        return None
    if prev.lstrip().startswith("- "):
        moved = misplaced_item(f, above, indent(line))
        if moved is not None:
            return moved
    off = _first_child_off(f, above, f.line) or _dedented(f, above, f.line)
    if off is not None:
        return off
    return said(
        f"{what(line)} is indented deeper than `{key}:` on line {above}, which already has a "
        f"value; line it up with `{key}:` ({spaces(indent(prev))}), or remove that value",
        f.line,
        indent(line) + 1,
    )


def missing_colon(f: Failure) -> Explained | None:
    """A key written without its `:` (or without the space after it)."""
    if "simple key" in f.context:
        line = f.context_line
    elif "mapping values" in f.problem:
        line = f.previous(f.line)
        item = f.text(line).lstrip().startswith("- ")
        if indent(f.text(line)) < indent(f.text(f.line)) and not item:
            return _parent_without_colon(f, line)
        if indent(f.text(line)) + (2 if item else 0) != indent(f.text(f.line)):
            return None
    else:
        return None
    text = f.text(line)
    if line <= 0 or key_of(text) is not None:
        return None
    if text.lstrip().startswith("- "):
        return item_without_colon(f, line)
    if text.lstrip().startswith("-"):
        return None
    above = f.previous(line)
    if above and f.text(above).rstrip().endswith(":") and indent(text) <= indent(f.text(above)):
        key = key_of(f.text(above))
        return said(
            f"`{cut(text)}` stands where a key was expected; if it is the value of `{key}:` "
            f"on line {above}, write it on that line ({key}: {cut(text)})",
            line,
            indent(text) + 1,
        )
    word = first_word(text)
    if ":" in word:
        name, _, rest = word.partition(":")
        return said(
            f"`{cut(word)}` needs a space after the `:`; write `{cut(name)}: {cut(rest)}`",
            line,
            indent(text) + 1,
        )
    rest = text.strip()[len(word) :].strip() or "..."
    return said(
        f"`{cut(text)}` has no `:` after it; a key is followed by `: ` and its value "
        f"({cut(word)}: {cut(rest)})",
        line,
        indent(text) + 1,
    )


def _parent_without_colon(f: Failure, line: int) -> Explained | None:
    """A bare word (a question key) above indented keys: the key lacks its `:`."""
    text, above = f.text(line), f.previous(line)
    if key_of(text) is not None or ":" in text or len(text.split()) != 1:
        return None
    if above > 0 and (key_of(f.text(above)) is None or indent(f.text(above)) > indent(text)):
        return None  # a line of text, not a key
    return said(
        f"`{cut(text)}` has no `:` after it; write `{cut(text)}:` so that the lines "
        "below belong to it",
        line,
        indent(text) + 1,
    )


def misaligned(f: Failure) -> Explained | None:
    """A key indented to no level of the keys above it."""
    if "expected key" not in f.problem or f.context_line <= 0:
        return None
    line = f.text(f.line)
    level = f.context_column - 1
    if indent(line) == level:
        return None
    owner = key_of(f.text(f.context_line)) or first_word(f.text(f.context_line))
    choices = [f"like `{owner}:` on line {f.context_line} ({spaces(level)})"]
    deeper = _deeper_key(f, indent(line))
    if deeper:
        above = key_of(f.text(deeper))
        choices.insert(0, f"like `{above}:` on line {deeper} ({spaces(indent(f.text(deeper)))})")
    return said(
        f"{what(line)} is {spaces(indent(line))}, which lines up with no key above it; "
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


def top_level(f: Failure) -> Explained | None:
    """A top-level key indented (the parser then expected a new document)."""
    if "document start" not in f.problem:
        return None
    first = next((n for n in range(1, f.line + 1) if f.previous(n + 1) == n), f.line)
    if indent(f.text(first)):
        return said(
            "the first key is indented; top-level keys start at the beginning of the line",
            first,
            1,
        )
    return said(
        "this line is not lined up with the top-level keys above it; top-level keys start at "
        "the beginning of the line",
        f.line,
        f.column,
    )


def block_text(f: Failure) -> Explained | None:
    """The lines of a `>` or `|` text indented less than its first line, or not below its key."""
    owner = f.previous(f.line)
    while owner > 0 and value_of(f.text(owner)) not in BLOCK_SCALAR:
        if indent(f.text(owner)) < indent(f.text(f.line)) - 8 or f.line - owner > 200:
            return None
        owner = f.previous(owner)
    if owner <= 0 or key_of(f.text(owner)) is None:
        return None
    key, level = key_of(f.text(owner)), indent(f.text(owner))
    first = next((n for n in range(owner + 1, f.line + 1) if f.text(n).strip()), 0)
    if not first:
        return None
    if indent(f.text(first)) <= level:
        return said(
            f"the text of `{key}:` (line {owner}) must be indented below `{key}:`; indent its "
            f"lines {spaces(level + 2)}",
            first,
            1,
        )
    start = indent(f.text(first))
    lower = next((n for n in range(first + 1, f.line + 1) if level < indent(f.text(n)) < start), 0)
    if not lower or f.line > lower + 1 or not f.text(lower).strip():
        return None
    if key_of(f.text(lower)) is not None:
        return _dedented(f, owner, lower)
    after = [
        indent(f.text(n))
        for n in range(lower, lower + 3)
        if f.text(n).strip() and indent(f.text(n)) > level
    ]
    if len(set(after)) == 1 and first + 1 == lower:
        return said(
            f"the first line of the text of `{key}:` is {spaces(start)}, deeper than the lines "
            f"after it ({spaces(after[0])}); a text takes its indentation from its first line: "
            "indent its lines alike",
            first,
            start + 1,
        )
    return said(
        f"this line of the text of `{key}:` is {spaces(indent(f.text(lower)))}, less than its "
        f"first line (line {first}, {spaces(start)}); indent the text's lines alike",
        lower,
        indent(f.text(lower)) + 1,
    )


def _first_child_off(f: Failure, first: int, later: int) -> Explained | None:
    """The first key under a `key:` (line `first`) off the step every other key below it
    keeps (two spaces in from their key), while the key on line `later` keeps it."""
    owner = f.previous(first)
    step = indent(f.text(later))
    if owner <= 0 or not parent_key(f.text(owner)) or step != indent(f.text(owner)) + 2:
        return None
    if indent(f.text(first)) == step or key_of(f.text(first)) is None:
        return None
    name, other = key_of(f.text(owner)), what(f.text(later))
    return said(
        f"{what(f.text(first))} is {spaces(indent(f.text(first)))}, not lined up with {other} "
        f"on line {later} ({spaces(step)}); the keys under `{name}:` line up: put it "
        f"{spaces(step)}",
        first,
        indent(f.text(first)) + 1,
    )


def outlier(f: Failure) -> Explained | None:
    """A key that lines up with no key above it because an earlier key under the same
    parent is off the two-space step, not because this one is."""
    if "expected key" not in f.problem:
        return None
    level = indent(f.text(f.line))
    above = f.previous(f.line)
    while above > 0 and indent(f.text(above)) > level:
        above = f.previous(above)
    if above <= 0 or indent(f.text(above)) == level:
        return None
    if not parent_key(f.text(above)):
        return _dedented(f, above, f.line) if key_of(f.text(above)) else None
    child = next((n for n in range(above + 1, f.line) if f.text(n).strip()), 0)
    alone = child and not any(
        indent(f.text(n)) == indent(f.text(child)) and key_of(f.text(n))
        for n in range(child + 1, f.line)
    )
    if alone and level == indent(f.text(above)) + 2 and indent(f.text(child)) != level:
        return _first_child_off(f, child, f.line)  # the first key under `above` is off
    return (
        _emptied(f, above, f.line)
        or _dedented(f, above, f.line)
        or _first_child_off(f, above, f.line)
    )


def _dedented(f: Failure, key: int, later: int) -> Explained | None:
    """The key on line `key` less indented than the keys just above and below it."""
    step = indent(f.text(later))
    above = f.previous(key)
    while above > 0 and indent(f.text(above)) > step:
        above = f.previous(above)
    if above <= 0 or key_of(f.text(above)) is None or indent(f.text(above)) != step:
        return None
    if indent(f.text(key)) >= step or f.text(above).lstrip().startswith("-"):
        return None
    return said(
        f"{what(f.text(key))} is {spaces(indent(f.text(key)))}, not lined up with "
        f"`{key_of(f.text(above))}:` above it and {what(f.text(later))} below it "
        f"({spaces(step)}); put it {spaces(step)}",
        key,
        indent(f.text(key)) + 1,
    )


def _emptied(f: Failure, key: int, later: int) -> Explained | None:
    """A first key under `parent:` moved out to the parent's level, leaving it empty."""
    owner = f.previous(key)
    step = indent(f.text(later))
    if owner <= 0 or not parent_key(f.text(owner)) or indent(f.text(owner)) != indent(f.text(key)):
        return None
    if step != indent(f.text(owner)) + 2:
        return None
    return said(
        f"{what(f.text(key))} is {spaces(indent(f.text(key)))}, so `{key_of(f.text(owner))}:` "
        f"on line {owner} holds nothing; put it {spaces(step)}, like {what(f.text(later))} on "
        f"line {later}",
        key,
        indent(f.text(key)) + 1,
    )
