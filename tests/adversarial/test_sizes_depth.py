"""Sizes and depth: files at and past the size limit, deep nesting, and time that grows linearly.

Depth is refused by a linear pre-scan before any parser runs (parsers recurse and crash the
process). Scale is asserted as a ratio of times against an input ten times smaller, never as
an absolute time.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from adversarial_support import Ran, assert_unchanged, snapshot

from cmr import _yaml
from cmr.observation import MAX_BYTES

TARGET = Path("observations/AZE/1993.yaml")

pytestmark = pytest.mark.slow


def _padded(good: str, size: int) -> bytes:
    """`good` with a trailing comment making it exactly `size` bytes."""
    raw = good.encode()
    pad = size - len(raw) - 3
    return raw + b"#" + b"x" * pad + b"\n\n"


@pytest.mark.parametrize(
    ("size", "refused"),
    [(MAX_BYTES - 1, False), (MAX_BYTES, False), (MAX_BYTES + 1, True), (MAX_BYTES * 3, True)],
    ids=["limit-1", "limit", "limit+1", "3x"],
)
def test_size_limit(
    cmr: Callable[..., Ran], dataset: Path, good_text: str, size: int, refused: bool
) -> None:
    """A file of exactly the limit is checked; one byte more is `file-too-large`, unread."""
    raw = _padded(good_text, size)
    assert len(raw) == size
    (dataset / TARGET).write_bytes(raw)
    ran = cmr("check", "--no-cache", str(TARGET))
    assert ("file-too-large" in ran.codes()) is refused, ran.text
    assert ran.code == (1 if refused else 0), ran.text


N = 10_000
DEEP: dict[str, str] = {
    "flow-lists": "a: " + "[" * N + "]" * N + "\n",
    "flow-lists-unclosed": "a: " + "[" * N + "\n",
    "flow-maps": "a: " + "{b: " * N + "}" * N + "\n",
    "flow-mixed": "a: " + "[{b: " * (N // 2) + "\n",
    "flow-top-level": "[" * N + "]" * N + "\n",
    "flow-over-lines": "a:\n" + "  [\n" * N,
    "block-maps": "".join(" " * i + "k:\n" for i in range(1500)),
    "block-maps-2": "".join("  " * i + "k:\n" for i in range(1000)),
    "block-lists-of-maps": "".join("  " * i + "- k:\n" for i in range(1000)),
    "compact-lists": "- " * N + "x\n",
    "lists-under-keys": "".join("  " * i + "k:\n" + "  " * i + "- \n" for i in range(500)),
    "answers-deep": "answers:\n  q:\n" + "".join("  " * (i + 2) + "k:\n" for i in range(900)),
    "anchored-deep": "a: &x " + "[" * N + "\n",
    "tagged-deep": "a: !!seq " + "[" * N + "\n",
    "after-document-start": "--- " + "[" * N + "\n",
    "second-document": "a: 1\n---\n" + "[" * N + "\n",
    "complex-keys": "? " * N + "x\n",
    "block-maps-cr-only": "".join(" " * i + "k:\r" for i in range(1500)),
    "block-lists-crlf": "".join("  " * i + "- k:\r\n" for i in range(1000)),
}


@pytest.mark.parametrize("name", sorted(DEEP))
def test_deep_nesting_is_a_located_finding(
    cmr: Callable[..., Ran], dataset: Path, name: str
) -> None:
    """Ten thousand levels of nesting are `yaml-too-deep`, never a crash or a recursion error."""
    (dataset / TARGET).write_text(DEEP[name], encoding="utf-8")
    before = snapshot(dataset)
    ran = cmr("check", "--no-cache", str(TARGET), timeout=30)
    assert ran.code == 1 and "yaml-too-deep" in ran.codes(), ran.text
    line = next(x for x in ran.out.splitlines() if "yaml-too-deep" in x)
    assert line.startswith(f"{TARGET}:")
    assert_unchanged(before, snapshot(dataset))


@pytest.mark.parametrize("name", sorted(DEEP))
def test_deep_nesting_in_the_library(name: str) -> None:
    """`_yaml.loads` and the Locator refuse deep text themselves, before parsing."""
    with pytest.raises(_yaml.YamlError) as info:
        _yaml.loads(DEEP[name])
    assert info.value.kind == "yaml-too-deep"
    assert _yaml.Locator.try_compose(DEEP[name]) is None


@pytest.mark.parametrize(("depth", "deep"), [(_yaml.MAX_DEPTH, False), (_yaml.MAX_DEPTH + 1, True)])
def test_depth_limit_is_exact_for_flow(depth: int, deep: bool) -> None:
    """Nesting of exactly the limit parses; one level more is refused."""
    text = "[" * depth + "]" * depth
    if deep:
        with pytest.raises(_yaml.YamlError):
            _yaml.loads(text)
    else:
        assert _yaml.loads(text) is not None


NOT_DEEP = {
    "quoted-brackets": 'a: "' + "[" * 500 + '"\n',
    "single-quoted-brackets": "a: '" + "[{" * 500 + "'\n",
    "multi-line-quoted": 'a: "x\n  ' + "[" * 500 + '\n  y"\nb: 1\n',
    "plain-brackets": "a: see [" + "[" * 500 + "\n",
    "block-scalar": "a: |\n" + "".join(" " * (i + 1) + "k:\n" for i in range(500)),
    "folded-scalar": "a: >-\n" + "".join("  [" * 3 + "\n" for _ in range(500)),
    "comment-brackets": "a: 1 # " + "[" * 500 + "\n",
    "continuation-lines": "a: text\n" + "".join(" " * (i + 1) + "more\n" for i in range(500)),
}


@pytest.mark.parametrize("name", sorted(NOT_DEEP))
def test_brackets_in_text_are_not_nesting(name: str) -> None:
    """Brackets inside quotes, plain text, block scalars and comments are not levels."""
    assert _yaml.depth_error(NOT_DEEP[name]) is None


def test_real_observations_are_far_from_the_limit(good_text: str) -> None:
    """A real observation nests far below the limit (a third of it)."""
    from cmr._yaml_depth import too_deep

    assert too_deep(good_text, _yaml.MAX_DEPTH // 3) is None


def _keys(good: str, n: int, where: str) -> str:
    if where == "top":
        return good + "".join(f"unknown_{i}: 1\n" for i in range(n))
    head, tail = good.split("answers:\n", 1)
    return head + "answers:\n" + "".join(f"  q_{i}: 1\n" for i in range(n)) + tail


def _time_check(path: Path) -> float:
    from cmr.codebook import Codebooks
    from cmr.observation import read_observation

    books = Codebooks(path.parents[2] / "codebook")
    started = time.perf_counter()
    read_observation(path, books, root=path.parents[2])
    return time.perf_counter() - started


@pytest.mark.parametrize("where", ["top", "answers"])
def test_many_keys_check_in_linear_time(dataset: Path, good_text: str, where: str) -> None:
    """Ten times the unknown keys takes well under twenty times as long (no quadratic step)."""
    path = dataset / TARGET
    times = []
    for n in (500, 5_000):
        path.write_text(_keys(good_text, n, where), encoding="utf-8")
        times.append(min(_time_check(path) for _ in range(2)))
    assert times[1] / times[0] < 20, times


def test_locator_lookups_are_linear() -> None:
    """Finding the line of every key of a large mapping takes linear time."""
    times = []
    for n in (5_000, 50_000):
        text = "".join(f"k{i}: {i}\n" for i in range(n))
        locator = _yaml.Locator.try_compose(text)
        assert locator is not None
        gc.disable()  # collections over many parser nodes would blur the ratio
        try:
            started = time.perf_counter()
            for i in range(n):
                locator.position((f"k{i}",))
            times.append(time.perf_counter() - started)
        finally:
            gc.enable()
    assert locator.position(("k49999",)).line == 50_000
    assert times[1] / times[0] < 20, times


@pytest.mark.parametrize("shape", ["flow", "block", "quoted", "plain"])
def test_depth_scan_is_linear(shape: str) -> None:
    """The pre-scan time grows linearly with the text, whatever its shape."""
    unit = {
        "flow": "a: [1, [2, {b: 3}], 'x']\n",
        "block": "a:\n  b:\n    - c: 1\n",
        "quoted": 'a: "' + "x " * 20 + '"\n',
        "plain": "a: " + "word [" * 10 + "\n",
    }[shape]
    times = []
    for n in (5_000, 50_000):
        text = unit * n
        best = float("inf")
        for _ in range(3):  # the best of three: a busy machine adds noise, never speed
            started = time.perf_counter()
            _yaml.depth_error(text)
            best = min(best, time.perf_counter() - started)
        times.append(best)
    assert times[1] / times[0] < 20, times


def test_duplicate_search_survives_deep_and_wide_documents() -> None:
    """Duplicate keys are found without recursion in a document 60 levels deep."""
    text = (
        "".join("  " * i + "k:\n" for i in range(60)) + "  " * 60 + "a: 1\n" + "  " * 60 + "a: 2\n"
    )
    locator = _yaml.Locator.try_compose(text)
    assert locator is not None and locator.duplicates == [("a", 62, 121)]
