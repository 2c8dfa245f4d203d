"""Editing an observation's YAML text in place, so the coder's comments and layout stay.

The text is composed once (PyYAML keeps every node's position); edits are spans of the text
replaced or lines inserted, applied from the end so earlier positions stay valid. Only block
mappings are edited; a flow mapping (`{answer: yes}`) where an edit is needed is refused.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

_PLAIN = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")
_AMBIGUOUS = frozenset({"yes", "no", "on", "off", "y", "n", "true", "false", "null", "~"})


class EditError(Exception):
    """The text cannot be edited as needed; the message says why, for the coder."""


def scalar(value: object, quoted: bool = False) -> str:
    """`value` as a YAML scalar: plain when unambiguous, else double-quoted (JSON escapes)."""
    if value is None:
        return "null"
    text = str(value)
    if not quoted and _PLAIN.fullmatch(text) and text.casefold() not in _AMBIGUOUS:
        return text
    return json.dumps(text, ensure_ascii=False)


def flow(mapping: dict[str, object]) -> str:
    """`{codebook: "1.1.0", answer: "yes"}`, every value quoted."""
    parts = [
        f"{k}: {'null' if v is None else json.dumps(str(v), ensure_ascii=False)}"
        for k, v in mapping.items()
    ]
    return "{" + ", ".join(parts) + "}"


@dataclass
class Edits:
    """Pending edits of one text."""

    text: str
    spans: list[tuple[int, int, str]] = field(default_factory=list)

    def replace(self, node: Any, new: str) -> None:
        """Replace the text of scalar `node`."""
        self.spans.append((node.start_mark.index, node.end_mark.index, new))

    def replace_trimmed(self, node: Any, new: str) -> None:
        """Replace a value that may be a block scalar (`>-` and its lines), keeping the line
        break after its last line."""
        self.spans.append((node.start_mark.index, self._content_end(node), new))

    def delete_entry(self, key: Any, value: Any) -> None:
        """Delete a mapping entry: the lines from `key` to the end of `value`."""
        start = self.text.rfind("\n", 0, key.start_mark.index) + 1
        end = self.text.find("\n", self._content_end(value))
        self.spans.append((start, len(self.text) if end < 0 else end + 1, ""))

    def _content_end(self, node: Any) -> int:
        end: int = node.end_mark.index
        while end > 0 and self.text[end - 1] in " \t\r\n":
            end -= 1
        return end

    def clear(self, node: Any) -> None:
        """Remove a scalar value and the spaces before it (`answer: yes` -> `answer:`)."""
        start = node.start_mark.index
        while start > 0 and self.text[start - 1] == " ":
            start -= 1
        self.spans.append((start, node.end_mark.index, ""))

    def before_line_of(self, node: Any, lines: list[str]) -> None:
        """Insert `lines` (without indentation) before the line of `node`, indented as it."""
        start = self.text.rfind("\n", 0, node.start_mark.index) + 1
        indent = " " * node.start_mark.column
        self.spans.append((start, start, "".join(f"{indent}{line}\n" for line in lines)))

    def after_node(self, node: Any, block: str) -> None:
        """Insert `block` (whole lines) after the last line holding `node`'s content."""
        newline = self.text.find("\n", self._content_end(node))
        if newline < 0:
            self.spans.append((len(self.text), len(self.text), "\n" + block))
        else:
            self.spans.append((newline + 1, newline + 1, block))

    def apply(self) -> str:
        out = self.text
        for start, end, new in sorted(self.spans, key=lambda s: (s[0], s[1]), reverse=True):
            out = out[:start] + new + out[end:]
        return out


def compose(text: str) -> Any:
    """The root node of `text` (a mapping), or EditError."""
    from cmr._yaml import Locator

    locator = Locator.try_compose(text)
    root = locator.root if locator is not None else None
    if root is None or getattr(root, "tag", "").rsplit(":", 1)[-1] != "map":
        raise EditError("the file is not a YAML mapping cmr can edit")
    return root


def child(node: Any, key: str) -> tuple[Any, Any] | None:
    """(key node, value node) of `key` in mapping `node`, or None."""
    for k, v in node.value:
        if getattr(k, "value", None) == key:
            return k, v
    return None


def is_block_mapping(node: Any) -> bool:
    return getattr(node, "tag", "").endswith(":map") and not node.flow_style
