"""Reading coders' YAML: fast YAML 1.2 loading, and positions recovered on demand.

Two parsers, each for what it does best:

* `loads` uses yaml-rs (a Rust YAML 1.2 parser). `yes`, `no`, `on` and dates stay strings,
  duplicate keys are errors and alias expansion is capped, so a "billion laughs" file fails
  fast. It keeps no positions, which is what makes it fast.
* `Locator` composes the same text with PyYAML's C composer, which keeps the line and column of
  every node. It runs only for files that have findings, to put a line on each of them.

A file that does not parse is explained in a coder's words at the line to change
(`cmr._yaml_mistakes`), from PyYAML's account of the failure; that runs only for such files.

Both recurse, and crash the process on deep enough nesting, so neither sees a text nested
deeper than `MAX_DEPTH` levels (`cmr._yaml_depth` finds it in one linear pass). The Locator
indexes each mapping once, so looking up thousands of paths stays linear.

An observation file holds one document and no tags (`!foo`, `!!binary`): both are refused
with the place where they start, since yaml-rs would drop a tag silently or read several
documents as a list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

import yaml_rs

from cmr._yaml_depth import too_deep
from cmr._yaml_failure import Failure
from cmr._yaml_mistakes import explain

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
_BANG = re.compile(r"(?<=[\s\[{,:])!")  # a `!` after a space or flow indicator, found fast
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


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
    refused = depth_error(text) or tag_error(text)
    if refused is not None:
        raise refused
    try:
        data = yaml_rs.loads(text, parse_datetime=False, alias_limits=_ALIAS_LIMITS)
    except Exception as exc:  # yaml-rs raises one class for every kind of failure
        raise _explain(text, str(exc)) from None
    if isinstance(data, list):  # yaml-rs gives several documents as a list of them
        several = documents_error(text)
        if several is not None:
            raise several
    return data


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


def tag_error(text: str) -> YamlError | None:
    """A `yaml-tag` error at the first explicit tag (or `%TAG` directive), else None.

    `!!str` is let through: it only keeps a value as text, which the checks then judge.

    >>> tag_error("evidence: Wow! 'a !b'\\nanswer: !yes x\\n").line
    2
    """
    if "!" not in text or not _may_hold_tag(text):
        return None  # nearly every file: no `!` where a tag could start
    import yaml

    try:
        for token in yaml.scan(text, Loader=_loader()):
            if isinstance(token, yaml.TagToken) and token.value != ("!!", "str"):
                shown = text[token.start_mark.index : token.end_mark.index]
            elif isinstance(token, yaml.DirectiveToken) and token.name == "TAG":
                shown = "%TAG"
            else:
                continue
            mark = token.start_mark
            message = f"tags such as {shown} are not used in observation files; remove it"
            return YamlError(message, mark.line + 1, mark.column + 1, "yaml-tag")
    except yaml.YAMLError:
        pass  # not readable up to a tag: the parser reports the syntax error
    return None


def _may_hold_tag(text: str) -> bool:
    """Whether some `!` stands where a node's properties start, so that the YAML reader must
    look. Plain text (`Wow!`, `Non !`) is passed over without it."""
    if text.lstrip("\ufeff \t").startswith("!"):
        return True
    return any(_opens_node(text, match.start()) for match in _BANG.finditer(text))


def _opens_node(text: str, bang: int) -> bool:
    """Whether the `!` at `bang` follows a line start, `[`, `{`, `,` or a quoted key's `:`, or
    a `:`, a lone `-` or `?`, an anchor (`&a !x`) or `%TAG` and a space."""
    start = bang
    while start and text[start - 1] in " \t":
        start -= 1
    before = text[start - 1] if start else "\n"
    if before in "\r\n[{,":
        return True
    word = start
    while word and text[word - 1] not in " \t\r\n":
        word -= 1
    token = text[word:start]
    if token.endswith(('":', "':")):  # a quoted key in flow needs no space: `{"a":!x b}`
        return True
    return start < bang and (before == ":" or token in ("-", "?", "%TAG") or token[:1] == "&")


def documents_error(text: str) -> YamlError | None:
    """A `yaml-documents` error where a second document follows the first, else None.

    A line starting `---` or `...` is always a document marker, never text, so one pass over
    the lines finds it. A `---` before the first document's content is fine.
    """
    begun = False  # the first document has content or its own `---`
    closed = 0  # the line of a `...` that ended it
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
        marker = line[:3] if line[3:4] in ("", " ", "\t") else ""
        if marker == "---" and (begun or closed):
            return _several(f"a second `---` on line {number}", number)
        if marker == "---":
            begun = True
        elif marker == "...":
            closed = closed or (number if begun else 0)
        elif _is_content(line, begun):
            if closed:
                return _several(f"more after the `...` on line {closed}", closed)
            begun = True
    return None


def _several(where: str, line: int) -> YamlError:
    message = f"the file holds several YAML documents ({where}); an observation file holds one"
    return YamlError(message, line, 1, "yaml-documents")


def _is_content(line: str, started: bool) -> bool:
    """A line that belongs to a document: not blank, not a comment, not a leading directive."""
    stripped = line.strip()
    return bool(stripped) and stripped[0] != "#" and (started or stripped[0] != "%")


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
        if err.problem_mark is not None or err.context_mark is not None:
            return YamlError(*explain(_failure(text, err)))
    except yaml.YAMLError:
        pass
    line, column = _rs_position(rs_message)
    lines = _LINE_BREAK.split(text)
    return YamlError(*explain(Failure(lines, rs_message.lower(), "", line, column, 0, 0)))


def _failure(text: str, err: yaml.MarkedYAMLError) -> Failure:
    """PyYAML's failure with the file's lines and the last scalar it read before failing."""
    problem = err.problem_mark or err.context_mark
    context = err.context_mark
    assert problem is not None
    return Failure(
        _LINE_BREAK.split(text),
        str(err.problem or ""),
        str(err.context or ""),
        problem.line + 1,
        problem.column + 1,
        context.line + 1 if context is not None else 0,
        context.column + 1 if context is not None else 0,
        _scalar_before(text, (problem.line, problem.column)),
    )


def _scalar_before(text: str, where: tuple[int, int]) -> Any:
    """The last scalar token that starts before `where` (0-based line and column)."""
    import yaml

    last = None
    try:
        for token in yaml.scan(text, Loader=_loader()):
            if (token.start_mark.line, token.start_mark.column) >= where:
                break
            if isinstance(token, yaml.ScalarToken):
                last = token
    except yaml.YAMLError:
        pass
    return last


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
    """Maps a path inside a YAML document (`("answers", "q1", "answer")`) to a line and column.

    A path that passes through an alias (`answer: *bad`) resolves to the alias, not to the
    anchor it repeats. Steps that are not strings (`True`, `None`, `1.5`, a tuple) match keys
    by the value yaml-rs reads from them, so a finding about the key `true:` lands on it.
    """

    def __init__(self, root: yaml.Node | None, aliases: dict[_Slot, Position] | None = None):
        self.root = root
        self.duplicates: list[tuple[str, int, int]] = []
        self._aliases = aliases or {}
        self._keys: dict[int, dict[str, int]] = {}
        self._typed: dict[int, dict[tuple[type, str], int]] = {}
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
            root = yaml.compose(text, Loader=_loader())
            aliases = _alias_positions(text, root) if root is not None and "*" in text else {}
        except (yaml.YAMLError, RecursionError):
            return None
        return cls(root, aliases)

    def position(self, path: tuple[object, ...], *, key: bool = False) -> Position:
        """Where the value at `path` starts; where its key starts when `key` is set.

        A path that stops existing part-way resolves to the deepest node that exists, so that
        a missing field points at the mapping that should hold it.
        """
        node = self.root
        if node is None:
            return Position(1, 1)
        where = _at(node)
        for depth, step in enumerate(path, start=1):
            found = self._child(node, step)
            if found is None:
                break
            key_at, value_at, node, aliased = found
            where = key_at if key and key_at is not None else value_at
            if aliased and depth < len(path):
                where = value_at  # the rest of the path is the anchor's text, repeated here
                break
        return where

    def _child(self, node: yaml.Node, step: object) -> _Child | None:
        """Where the key and the value stand, the value, and whether it is an alias."""
        import yaml

        if isinstance(node, yaml.MappingNode):
            at = (
                self._index(node).get(step) if isinstance(step, str) else self._typed_at(node, step)
            )
            if at is None:
                return None
            key_node, value = node.value[at]
            key_at = self._aliases.get((id(node), 2 * at)) or _at(key_node)
            alias = self._aliases.get((id(node), 2 * at + 1))
            return key_at, alias or _at(value), value, alias is not None
        if (
            isinstance(node, yaml.SequenceNode)
            and type(step) is int
            and 0 <= step < len(node.value)
        ):
            alias = self._aliases.get((id(node), step))
            item = node.value[step]
            return None, alias or _at(item), item, alias is not None
        return None

    def _index(self, node: yaml.MappingNode) -> dict[str, int]:
        """The mapping's entries by key text (the first of equal keys), built on first use."""
        index = self._keys.get(id(node))
        if index is None:
            index = {}
            for at, (key_node, _value) in enumerate(node.value):
                index.setdefault(str(key_node.value), at)
            self._keys[id(node)] = index
        return index

    def _typed_at(self, node: yaml.MappingNode, step: object) -> int | None:
        """The entry whose key reads as `step`; a tuple or frozenset step matches the first
        list or mapping key. Built on first use, for files with keys that are not text."""
        index = self._typed.get(id(node))
        if index is None:
            index = {}
            for at, (key_node, _value) in enumerate(node.value):
                index.setdefault(_typed_key(_key_value(key_node)), at)
            self._typed[id(node)] = index
        return index.get(_typed_key(step))

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


_Slot = tuple[int, int]  # (id of a collection node, the index of a key, value or item in it)
_Child = tuple[Position | None, Position, "yaml.Node", bool]


def _at(node: yaml.Node) -> Position:
    return _place(node.start_mark)


def _place(mark: Any) -> Position:
    """A PyYAML mark (0-based, of the C or the Python parser) as a 1-based Position."""
    return Position(mark.line + 1, mark.column + 1)


def _alias_positions(text: str, root: yaml.Node) -> dict[_Slot, Position]:
    """Where each alias stands, by the slot it fills in the composed tree.

    The composer hands back the anchor's node for an alias, so its place is lost; the events
    of the same text, walked alongside the tree, still have it. A mapping's slots are its keys
    and values in turn (2 * entry, 2 * entry + 1).
    """
    import yaml

    places: dict[_Slot, Position] = {}
    open_: list[list[Any]] = []  # [collection node, next slot]
    for event in yaml.parse(text, Loader=_loader()):
        if isinstance(event, yaml.CollectionEndEvent):
            open_.pop()
            continue
        if not isinstance(event, yaml.NodeEvent):
            continue
        node = root
        if open_:
            parent, slot = open_[-1]
            open_[-1][1] += 1
            if isinstance(event, yaml.AliasEvent) and event.start_mark is not None:
                places[(id(parent), slot)] = _place(event.start_mark)
            elif isinstance(parent, yaml.MappingNode):
                node = parent.value[slot // 2][slot % 2]
            else:
                node = parent.value[slot]
        if isinstance(event, yaml.CollectionStartEvent):
            open_.append([node, 0])
    return places


def _key_value(node: yaml.Node) -> object:
    """The value yaml-rs reads from a key node: plain scalars are resolved (`true` is True,
    `~` is None, `1.50` is 1.5), quoted ones stay text, lists and mappings stand for their
    type."""
    import yaml

    if isinstance(node, yaml.SequenceNode):
        return ()
    if isinstance(node, yaml.MappingNode):
        return frozenset()
    if not isinstance(node, yaml.ScalarNode) or node.style:  # plain is "" (C) or None
        return str(node.value)  # quoted or block scalar: text
    try:  # a plain scalar read on its own is read as it was in place
        value = yaml_rs.loads(node.value, parse_datetime=False) if node.value.strip() else None
    except Exception:  # yaml-rs raises one class for every kind of failure
        return str(node.value)
    return value if value is None or isinstance(value, (bool, int, float, str)) else node.value


def _typed_key(value: object) -> tuple[type, str]:
    """A dict key that keeps True, 1 and 1.0 apart and finds NaN; lists and mappings by type."""
    if isinstance(value, (tuple, frozenset)):
        return type(value), ""
    return type(value), repr(value)
