"""The YAML layer: YAML 1.2 meaning, duplicate keys, alias bombs and positions."""

from __future__ import annotations

import time

import pytest

from cmr import _yaml


def test_yes_no_and_dates_stay_strings():
    """Plain yes, no, on, off and ISO dates stay the strings the coder typed."""
    data = _yaml.loads("a: yes\nb: no\nc: on\nd: off\ne: 1992-05-15\nf: 1.0.0\n")
    assert data == {"a": "yes", "b": "no", "c": "on", "d": "off", "e": "1992-05-15", "f": "1.0.0"}


def test_integers_stay_integers():
    """Years and codes written as numbers are integers."""
    assert _yaml.loads("year: 1993\ncown: 373\n") == {"year": 1993, "cown": 373}


def test_duplicate_key_is_an_error_with_its_line():
    """A key given twice is refused, pointing at the second occurrence."""
    with pytest.raises(_yaml.YamlError) as info:
        _yaml.loads("a: 1\nb:\n  c: 1\n  c: 2\n")
    assert (info.value.kind, info.value.line, info.value.column) == ("duplicate-key", 4, 3)


def test_alias_bomb_fails_fast():
    """A billion-laughs document is refused in well under a second."""
    levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        levels.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    started = time.perf_counter()
    with pytest.raises(_yaml.YamlError) as info:
        _yaml.loads("\n".join(levels) + "\n")
    assert info.value.kind == "alias"
    assert time.perf_counter() - started < 2


def test_syntax_error_has_position():
    """An unclosed bracket is reported at a line and column."""
    with pytest.raises(_yaml.YamlError) as info:
        _yaml.loads("a: 1\nb: [1, 2\nc: 3\n")
    assert info.value.kind == "syntax"
    assert info.value.line >= 2


def test_locator_finds_keys_and_values():
    """Paths resolve to the line and column of the value, or of its key."""
    locator = _yaml.Locator.try_compose("top: 1\nanswers:\n  q:\n    answer: maybe\n")
    assert locator is not None
    assert locator.position(("answers", "q", "answer")) == _yaml.Position(4, 13)
    assert locator.position(("answers", "q"), key=True) == _yaml.Position(3, 3)


def test_locator_falls_back_to_deepest_existing_node():
    """A path that does not exist points at the deepest part that does."""
    locator = _yaml.Locator.try_compose("answers:\n  q:\n    answer: yes\n")
    assert locator is not None
    assert locator.position(("answers", "missing", "answer"), key=True).line == 1
