"""YAML mistakes in lists of `- ` items, told at the line to change (see `cmr._yaml_mistakes`).

A list item moved by a space or two fails on the item's next key, or on the next item; these
rules compare the item with the other items of its list, and with the way the file's other
lists sit under their key, to name the line that moved.
"""

from __future__ import annotations

from cmr._yaml_failure import (
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


def item_without_colon(f: Failure, line: int) -> Explained | None:
    """`- key memo201` followed by the item's other keys: the first key lacks its `:`."""
    text = f.text(line)
    body = text.lstrip()[2:].strip()
    following = f.text(line + 1)
    if ":" in first_word(body) or indent(following) != indent(text) + 2:
        return None
    word = first_word(body)
    rest = body[len(word) :].strip() or "..."
    return said(
        f"`- {cut(body)}` has no `:` after its first key; write `- {cut(word)}: {cut(rest)}`",
        line,
        indent(text) + 3,
    )


def stray_item(f: Failure) -> Explained | None:
    """A `- ` list item where a key was expected."""
    if "expected key" not in f.problem:
        return None
    line = f.text(f.line)
    if not line.lstrip(" ").startswith("-"):
        return None
    for number in range(f.line - 1, 0, -1):
        other = f.text(number)
        if other.lstrip(" ").startswith("- ") and indent(other) != indent(line):
            return said(
                f"this list item is not lined up with the item on line {number}; put its `-` "
                f"{spaces(indent(other))}, like that one",
                f.line,
                indent(line) + 1,
            )
    return said(
        "a list item (`- `) stands where a key was expected; a list belongs under a key of its "
        "own (for example `citations:`), indented below it",
        f.line,
        indent(line) + 1,
    )


def item_key(f: Failure) -> Explained | None:
    """A key after a `- key: value` item that does not line up with the item's keys."""
    if "'-' indicator" not in f.problem or f.context_line <= 0:
        return None
    item = f.text(f.context_line)
    inner = indent(item) + 2
    line = f.text(f.line)
    moved = misplaced_item(f, f.context_line, indent(line))
    if moved is not None:
        return moved
    first = key_of(item) or "the item's first key"
    named = what(line)
    if indent(line) == indent(item):
        return said(
            f"{named} lines up with the `-` on line {f.context_line}, which ends that list "
            f"item; indent it like `{first}:` ({spaces(inner)}), or start a new item with `- `",
            f.line,
            indent(line) + 1,
        )
    return said(
        f"{named} is {spaces(indent(line))}, which lines up with nothing in the list item on "
        f"line {f.context_line}; indent it like `{first}:` ({spaces(inner)})",
        f.line,
        indent(line) + 1,
    )


def misplaced_item(f: Failure, item: int, inner: int) -> Explained | None:
    """The `- ` line `item` moved off its list: another item of the list stands at a
    different indentation, and the key below (at `inner`) lines up with that one's keys."""
    level = indent(f.text(item))
    for step in (-1, 1):
        number = item + step
        while 0 < number <= len(f.lines):
            other = f.text(number)
            if other.strip() and not other.lstrip().startswith("#"):
                if indent(other) < min(level, inner - 2):
                    break  # left the list
                dash = other.lstrip().startswith("- ")
                if dash and indent(other) >= inner:
                    pass  # a list inside an item
                elif dash and indent(other) != level:
                    if inner == indent(other) + 2:
                        return said(
                            f"this list item is not lined up with the item on line {number}; "
                            f"put its `-` {spaces(indent(other))}, like that one",
                            item,
                            level + 1,
                        )
                    break
            number += step
    return _off_the_step(f, item, inner)


def _list_offset(f: Failure, skip: int) -> int:
    """How far in from its key the file's other lists put their `-`: 2, or 0 for lists
    written flush with their key (as some YAML writers do)."""
    offsets = [0, 0]
    for number, line in enumerate(f.lines, start=1):
        if number == skip or not line.lstrip().startswith("- "):
            continue
        owner = f.previous(number)
        if owner > 0 and parent_key(f.text(owner)):
            offsets[indent(line) == indent(f.text(owner))] += 1
    return 0 if offsets[1] > offsets[0] else 2


def _off_the_step(f: Failure, item: int, inner: int) -> Explained | None:
    """The only `- ` item of a list, not two spaces in from its key while the key below
    is (the layout every observation file uses)."""
    level = indent(f.text(item))
    owner = f.previous(item)
    while owner > 0 and not (key_of(f.text(owner)) and indent(f.text(owner)) <= level):
        owner = f.previous(owner)
    if owner <= 0 or value_of(f.text(owner)) or f.text(owner).lstrip().startswith("-"):
        return None
    step = indent(f.text(owner)) + _list_offset(f, item)
    if level == step or inner != step + 2:
        return None
    return said(
        f"this list item is {spaces(level)}; put its `-` {spaces(step)}, like the file's other "
        f"lists under their key (`{key_of(f.text(owner))}:` on line {owner}), so that its keys "
        "line up with the line below",
        item,
        level + 1,
    )
