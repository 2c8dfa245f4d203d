"""Reading coders' YAML: fast YAML 1.2 loading, and positions recovered on demand.

Two parsers, each for what it does best:

* `loads` uses yaml-rs (a Rust YAML 1.2 parser). `yes`, `no`, `on` and dates stay strings,
  duplicate keys are errors and alias expansion is capped, so a "billion laughs" file fails
  fast. It keeps no positions, which is what makes it fast.
* `Locator` composes the same text with PyYAML's C composer, which keeps the line and column of
  every node. It runs only for files that have findings, to put a line on each of them.

Both recurse, and crash the process on deep enough nesting, so neither sees a text nested
deeper than `MAX_DEPTH` levels (`cmr._yaml_depth` finds it in one linear pass). The Locator
indexes each mapping once, so looking up thousands of paths stays linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

import yaml_rs

from cmr._yaml_depth import too_deep

if TYPE_CHECKING:
    import yaml

Path_ = tuple[str | int, ...]
MAX_DEPTH = 64

_ALIAS_LIMITS = yaml_rs.AliasLimits(
    max_total_replayed_events=10_000,
    max_alias_expansions_per_anchor=100,
    max_replay_stack_depth=16,
)
_RS_POSITION = re.compile(r"at line (\d+),? column (\d+)")


class YamlError(Exception):
    """A file that is not well-formed YAML, with the 1-based line and column of the problem."""

    def __init__(self, message: str, line: int = 1, column: int = 1, kind: str = "syntax"):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.kind = kind


def loads(text: str) -> Any:
    """Parse YAML 1.2 text into plain Python values, or raise `YamlError` with a position.

    >>> loads("answer: yes\\ncoded_on: 2024-05-01\\n")
    {'answer': 'yes', 'coded_on': '2024-05-01'}
    """
    deep = depth_error(text)
    if deep is not None:
        raise deep
    try:
        return yaml_rs.loads(text, parse_datetime=False, alias_limits=_ALIAS_LIMITS)
    except Exception as exc:  # yaml-rs raises one class for every kind of failure
        raise _explain(text, str(exc)) from None


def depth_error(text: str) -> YamlError | None:
    """A `yaml-too-deep` error where `text` nests deeper than `MAX_DEPTH`, else None."""
    where = too_deep(text, MAX_DEPTH)
    if where is None:
        return None
    return YamlError(
        f"mappings and lists nest deeper than {MAX_DEPTH} levels; not read",
        *where,
        kind="yaml-too-deep",
    )


def _explain(text: str, rs_message: str) -> YamlError:
    """Turn a yaml-rs failure into a located YamlError, asking PyYAML where it can."""
    lowered = rs_message.lower()
    if "duplicate" in lowered:
        locator = Locator.try_compose(text)
        if locator is not None and locator.duplicates:
            key, line, column = locator.duplicates[0]
            return YamlError(f"duplicate key {key!r}", line, column, "duplicate-key")
        return YamlError(_last_line(rs_message), *_rs_position(rs_message), kind="duplicate-key")
    if "alias" in lowered or "replay" in lowered:
        line, column = _first_alias(text)
        return YamlError(
            "aliases expand beyond the allowed size (a 'billion laughs' file?)",
            line,
            column,
            "alias",
        )
    import yaml

    try:
        yaml.compose(text, Loader=_loader())
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        problem = err.problem or err.context or "invalid YAML"
        if mark is not None:
            return YamlError(problem, mark.line + 1, mark.column + 1)
    except yaml.YAMLError:
        pass
    return YamlError(_last_line(rs_message), *_rs_position(rs_message))


def _rs_position(message: str) -> tuple[int, int]:
    match = _RS_POSITION.search(message)
    return (int(match.group(1)), int(match.group(2))) if match else (1, 1)


def _last_line(message: str) -> str:
    lines = [ln.strip() for ln in message.strip().splitlines() if ln.strip()]
    return lines[-1] if lines else "invalid YAML"


def _first_alias(text: str) -> tuple[int, int]:
    for number, line in enumerate(text.splitlines(), start=1):
        column = line.find("*")
        if column >= 0:
            return number, column + 1
    return 1, 1


@cache
def _loader() -> Any:
    """PyYAML's C loader with no implicit types: composing never interprets a scalar.

    PyYAML is imported here, not at the top, because only files with findings need it.
    """
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return type("_Composer", (base,), {"yaml_implicit_resolvers": {}})


@dataclass(frozen=True)
class Position:
    line: int
    column: int


class Locator:
    """Maps a path inside a YAML document (`("answers", "q1", "answer")`) to a line and column."""

    def __init__(self, root: yaml.Node | None):
        self.root = root
        self.duplicates: list[tuple[str, int, int]] = []
        self._keys: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]] = {}
        if root is not None:
            self._find_duplicates(root)

    @classmethod
    def try_compose(cls, text: str) -> Locator | None:
        """Compose `text`, or return None when PyYAML cannot read it either (or it nests too
        deeply to try)."""
        import yaml

        if depth_error(text) is not None:
            return None
        try:
            return cls(yaml.compose(text, Loader=_loader()))
        except (yaml.YAMLError, RecursionError):
            return None

    def position(self, path: Path_, *, key: bool = False) -> Position:
        """Where the value at `path` starts; where its key starts when `key` is set.

        A path that stops existing part-way resolves to the deepest node that exists, so that
        a missing field points at the mapping that should hold it.
        """
        node = self.root
        if node is None:
            return Position(1, 1)
        mark = node.start_mark
        for step in path:
            found = self._child(node, step)
            if found is None:
                break
            key_node, node = found
            mark = (key_node if key and key_node is not None else node).start_mark
        return Position(mark.line + 1, mark.column + 1)

    def _child(self, node: yaml.Node, step: str | int) -> tuple[yaml.Node | None, yaml.Node] | None:
        import yaml

        if isinstance(node, yaml.MappingNode):
            return self._index(node).get(str(step))
        if isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            return (None, node.value[step]) if 0 <= step < len(node.value) else None
        return None

    def _index(self, node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        """The mapping's entries by key text (the first of equal keys), built on first use."""
        index = self._keys.get(id(node))
        if index is None:
            index = {}
            for key_node, value_node in node.value:
                index.setdefault(str(key_node.value), (key_node, value_node))
            self._keys[id(node)] = index
        return index

    def _find_duplicates(self, root: yaml.Node) -> None:
        """Every key repeated in its mapping, in document order (aliases visited once)."""
        import yaml

        seen: set[int] = set()
        stack = [root]
        while stack:
            node = stack.pop()
            if id(node) in seen:
                continue
            seen.add(id(node))
            if isinstance(node, yaml.MappingNode):
                self._duplicates_in(node)
                stack.extend(value for _key, value in reversed(node.value))
            elif isinstance(node, yaml.SequenceNode):
                stack.extend(reversed(node.value))

    def _duplicates_in(self, node: yaml.MappingNode) -> None:
        keys: set[str] = set()
        for key_node, _value in node.value:
            name = str(key_node.value)
            if name in keys:
                mark = key_node.start_mark
                self.duplicates.append((name, mark.line + 1, mark.column + 1))
            keys.add(name)
