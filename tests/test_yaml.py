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


def test_locator_points_at_the_alias_not_its_anchor():
    """A path through `*bad` resolves to the alias, also for paths that go on inside it."""
    text = "q1:\n  answer: &bad maybe\n  c: &m {k: v}\nq2:\n  answer: *bad\n  c: *m\n"
    locator = _yaml.Locator.try_compose(text)
    assert locator is not None
    assert locator.position(("q1", "answer")) == _yaml.Position(2, 11)
    assert locator.position(("q2", "answer")) == _yaml.Position(5, 11)
    assert locator.position(("q2", "c", "k"), key=True) == _yaml.Position(6, 6)


def test_locator_points_at_aliases_in_lists():
    """Aliases as list items, block or flow, resolve to their own place."""
    locator = _yaml.Locator.try_compose("l:\n  - &i x\n  - *i\n  - [y, *i]\n")
    assert locator is not None
    assert locator.position(("l", 1)) == _yaml.Position(3, 5)
    assert locator.position(("l", 2, 1)) == _yaml.Position(4, 9)


@pytest.mark.parametrize(
    ("step", "line"),
    [(True, 2), (None, 3), (1.5, 4), (7, 5), (("a",), 6), (frozenset({("a", "b")}), 8), ("7", 10)],
)
def test_locator_finds_keys_that_are_not_text(step: object, line: int):
    """Keys read as booleans, null, numbers, lists or mappings are found by that value."""
    text = 'a: 1\nTRUE: x\n~: x\n1.50: x\n0o7: x\n? [a]\n: x\n? {a: b}\n: x\n"7": x\n'
    locator = _yaml.Locator.try_compose(text)
    assert locator is not None
    assert locator.position((step,), key=True).line == line


def test_locator_keeps_quoted_true_apart_from_true():
    """The text key "true" is not the boolean key true."""
    locator = _yaml.Locator.try_compose('"true": 1\ntrue: 2\n')
    assert locator is not None
    assert locator.position(("true",), key=True).line == 1
    assert locator.position((True,), key=True).line == 2


@pytest.mark.parametrize(
    ("text", "line", "column", "shown"),
    [
        ("a: !foo bar\n", 1, 4, "!foo"),
        ("a:\n  - !!binary aGk=\n", 2, 5, "!!binary"),
        ("a: !!python/object:os.system x\n", 1, 4, "!!python/object:os.system"),
        ("a: [1, !x 2]\n", 1, 8, "!x"),
        ("a: &r !x b\n", 1, 7, "!x"),
        ("a: ! b\n", 1, 4, "!"),
        ('{"a":!x b}\n', 1, 6, "!x"),
        ("%TAG !! tag:x:\n---\na: b\n", 1, 1, "%TAG"),
    ],
)
def test_tags_are_refused_where_they_stand(text: str, line: int, column: int, shown: str):
    """Any explicit tag or %TAG directive is a `yaml-tag` error at the tag."""
    with pytest.raises(_yaml.YamlError) as info:
        _yaml.loads(text)
    assert (info.value.kind, info.value.line, info.value.column) == ("yaml-tag", line, column)
    assert f"such as {shown} " in info.value.message


@pytest.mark.parametrize(
    "text",
    [
        "a: Wow!\n",
        "a: Non ! merci\n",
        "a: 'x !y'\nb: \"!z\"\n",
        "a: |\n  !z\n  - !q\n",
        "a: >-\n  ! at the start of a folded line\n",
        "a: well- !x\n",
        "year: !!str 1993\n",
    ],
)
def test_exclamation_marks_in_text_are_not_tags(text: str):
    """A `!` in plain, quoted or block text, and `!!str`, are read as usual."""
    assert isinstance(_yaml.loads(text), dict)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("a: 1\n---\nb: 2\n", 2),
        ("a: 1\n---\n", 2),
        ("---\na: 1\n---\na: 1\n", 3),
        ("a: 1\n...\nb: 2\n", 2),
        ("a: 1\n...\n---\nb: 2\n", 3),
        ("- a\r---\r- b\r", 2),
    ],
)
def test_a_second_document_is_refused_at_its_marker(text: str, line: int):
    """A second document is a `yaml-documents` error on the line of the marker before it."""
    with pytest.raises(_yaml.YamlError) as info:
        _yaml.loads(text)
    assert (info.value.kind, info.value.line, info.value.column) == ("yaml-documents", line, 1)
    assert "several YAML documents" in info.value.message


@pytest.mark.parametrize(
    ("text", "data"),
    [
        ("---\na: 1\n", {"a": 1}),
        ("# c\n%YAML 1.2\n---\na: 1\n...\n", {"a": 1}),
        ("---\n- a\n", ["a"]),
        ("---\n...\n", None),
    ],
)
def test_one_document_with_markers_reads(text: str, data: object):
    """A leading `---` and a closing `...` around the only document are fine."""
    assert _yaml.loads(text) == data


def test_tag_pre_check_stays_cheap():
    """Files without a `!` where a tag could start are not handed to the YAML scanner."""
    text = "evidence: >-\n" + "  Wow! Non ! a-b! (c)!\n" * 2000
    started = time.perf_counter()
    for _ in range(20):
        assert _yaml.tag_error(text) is None
    assert time.perf_counter() - started < 0.5
