"""Where a path of an observation stands in its file, found without composing the YAML.

Composing a 20 kB file with PyYAML takes milliseconds, and `cmr crosscheck` needs a place for
every item of every observation. Observation files are block YAML as `cmr new` writes them, so
a path such as `answers.<variable>.answer` or `events.6.type` is found by indentation: a key
at its mapping's column, the n-th `- ` of a list. Whatever the scan does not expect (a flow
collection, an anchor or alias, a tag, an empty value, a document marker) hands the path to
`cmr._yaml.Locator`, which composes the file once; the places are the same either way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property

from cmr import _yaml

_KEY = re.compile(r"([A-Za-z0-9_][A-Za-z0-9_.-]*):(?= |$)")
_PLAIN = re.compile(r"[^\s&*!{}\[\]|>%@`#,]")
"""The first character of a value the scan may point at: a plain or quoted scalar."""
Node = tuple[int, int]  # 0-based line and column where a node's content starts


class Places:
    """Positions of paths in one observation's text."""

    def __init__(self, text: str):
        self.text = text
        self.lines = [line.rstrip("\r") for line in text.split("\n")]
        self._lists: dict[Node, list[Node | None]] = {}

    @cached_property
    def _locator(self) -> _yaml.Locator:
        return _yaml.Locator.try_compose(self.text) or _yaml.Locator(None)

    def position(self, path: tuple[str | int, ...]) -> tuple[int, int]:
        """1-based line and column of the value at `path`, as `cmr._yaml.Locator` gives it."""
        node = self._root()
        for step in path:
            if node is None:
                break
            node = self._key(node, step) if isinstance(step, str) else self._item(node, step)
        if node is None or not path:
            at = self._locator.position(path)
            return at.line, at.column
        return node[0] + 1, node[1] + 1

    @cached_property
    def _indents(self) -> list[int | None]:
        """Each line's indentation; None for a blank or comment line (or one indented with
        a tab, which the scan leaves to the locator)."""
        out: list[int | None] = []
        for line in self.lines:
            stripped = line.lstrip(" ")
            blank = not stripped or stripped.startswith(("#", "\t"))
            out.append(None if blank else len(line) - len(stripped))
        return out

    def _indent(self, i: int) -> int | None:
        return self._indents[i]

    def _root(self) -> Node | None:
        for i in range(len(self.lines)):
            indent = self._indent(i)
            if indent is not None:
                return None if self.lines[i].startswith(("---", "%")) else (i, indent)
        return None

    def _key(self, node: Node, key: str) -> Node | None:
        """The value of `key` in the mapping whose first key starts at `node`."""
        row, col = node
        for i in range(row, len(self.lines)):
            indent = col if i == row else self._indent(i)
            if indent is None or indent > col:
                continue
            if indent < col:
                return None
            match = _KEY.match(self.lines[i], col)
            if match is None:
                if self.lines[i].startswith("-", col):
                    continue  # an item of a list at the key's own indentation
                return None
            if match[1] == key:
                return self._value(i, match.end(), col)
        return None

    def _value(self, i: int, end: int, col: int) -> Node | None:
        rest = self.lines[i][end:]
        start = len(rest) - len(rest.lstrip(" "))
        if rest.strip() and not rest.lstrip().startswith("#"):
            return (i, end + start) if _PLAIN.match(rest, start) else None
        for j in range(i + 1, len(self.lines)):
            indent = self._indent(j)
            if indent is None:
                continue
            same_level_list = indent == col and self.lines[j].startswith("- ", col)
            if indent > col or same_level_list:
                return None if not _PLAIN.match(self.lines[j], indent) else (j, indent)
            return None
        return None

    def _item(self, node: Node, index: int) -> Node | None:
        """The `index`-th item of the list whose first `- ` is at `node`."""
        items = self._items(node)
        return items[index] if 0 <= index < len(items) else None

    def _items(self, node: Node) -> list[Node | None]:
        """Where each item of the list at `node` starts (None for one the scan cannot
        place), found in one pass and kept: a list of 10,000 entries is scanned once."""
        if node not in self._lists:
            self._lists[node] = list(self._scan_items(node))
        return self._lists[node]

    def _scan_items(self, node: Node) -> Iterator[Node | None]:
        row, col = node
        for i in range(row, len(self.lines)):
            indent = self._indent(i)
            if indent is None or indent > col:
                continue
            if indent < col or not self.lines[i].startswith("- ", col):
                return
            rest = self.lines[i][col + 2 :]
            start = col + 2 + len(rest) - len(rest.lstrip(" "))
            inline = rest.strip() and _PLAIN.match(self.lines[i], start)
            yield (i, start) if inline else None
