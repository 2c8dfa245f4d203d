"""Properties: random bytes and random mutations of a real observation or memo never raise and
never take long, in the library's reading, checking and memo-parsing functions.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import pytest
from adversarial_support import REPO, SEED
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cmr import _files, _yaml
from cmr._yaml_depth import too_deep
from cmr.codebook import Codebooks
from cmr.memo import Options, build_observation, parse_memo
from cmr.memo._footnotes import read_footnotes
from cmr.memo._read import decode, normalise
from cmr.observation import read_observation

GOOD = (SEED / "1993.yaml").read_text(encoding="utf-8")
MEMO = (REPO / "tests" / "memo" / "cases" / "footnote-csv" / "memo.txt").read_text(encoding="utf-8")
BOOKS = Codebooks(REPO / "codebook")
BOUND = 5.0  # seconds per example: far above any honest run, far below a hang
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NASTY = st.sampled_from(
    [
        "\0",
        "\ufeff",
        "[",
        "{",
        "]",
        "}",
        ":",
        "- ",
        "'",
        '"',
        "#",
        "&a ",
        "*a",
        "\t",
        "\r",
        "\n",
        "  ",
        "\u2028",
        "\x85",
        "é",
        "\ud800",
        "1.",
        "?",
        "Yes.",
        "|",
        ">",
        "!!",
        "%",
        "---",
    ]
)

pytestmark = pytest.mark.slow


@st.composite
def mutated(draw: st.DrawFn, text: str) -> bytes:
    """`text` with a few characters inserted, deleted or replaced, encoded (maybe badly)."""
    chars = list(text)
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(chars)))
        action = draw(st.sampled_from(["insert", "delete", "repeat"]))
        piece = draw(NASTY | st.text(max_size=4))
        if action == "insert":
            chars[at:at] = list(piece)
        elif action == "delete":
            del chars[at : at + draw(st.integers(1, 40))]
        else:
            chars[at:at] = list(piece * draw(st.integers(1, 300)))
    return "".join(chars).encode("utf-8", "surrogatepass")


def _timed(func, *args):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = func(*args)
    assert time.perf_counter() - started < BOUND
    return result


def _check_bytes(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "observations" / "AZE" / "1993.yaml"
        path.parent.mkdir(parents=True)
        path.write_bytes(raw)
        _obs, findings = _timed(lambda: read_observation(path, BOOKS, root=Path(folder)))
        assert all(f.line >= 1 and f.column >= 1 for f in findings)


@SETTINGS
@given(st.binary(max_size=2_000))
def test_random_bytes_are_checked_without_error(raw: bytes) -> None:
    """Any bytes given as an observation produce findings, never an exception."""
    _check_bytes(raw)


@SETTINGS
@given(mutated(GOOD))
def test_mutated_observation_is_checked_without_error(raw: bytes) -> None:
    """A real observation with random damage produces findings, never an exception."""
    _check_bytes(raw)


@SETTINGS
@given(st.binary(max_size=2_000) | mutated(GOOD))
def test_decode_and_yaml_never_raise_unexpectedly(raw: bytes) -> None:
    """Decoding gives text or a problem; YAML gives data or a located YamlError."""
    text = _files.decode_text(raw)
    if isinstance(text, _files.FileProblem):
        assert text.line >= 1 and text.column >= 1
        return
    try:
        _timed(_yaml.loads, text)
    except _yaml.YamlError as err:
        assert err.line >= 1 and err.column >= 1
    _timed(_yaml.Locator.try_compose, text)


@SETTINGS
@given(st.text(alphabet=st.sampled_from("[]{}-:?'\"#|> \n\tak,&*!"), max_size=400))
def test_depth_scan_never_raises(text: str) -> None:
    """The depth pre-scan reads any text, structural characters only, without error."""
    found = too_deep(text, 8)
    assert found is None or (found[0] >= 1 and found[1] >= 1)


def _memo(raw: bytes) -> None:
    text, findings = decode(raw, "memo")
    if text is None:
        assert findings
        return
    memo = _timed(parse_memo, normalise(text), "memo")
    _timed(build_observation, memo, BOOKS.latest, "memo", Options())


@SETTINGS
@given(st.binary(max_size=2_000))
def test_random_bytes_as_memo(raw: bytes) -> None:
    """Any bytes given as a memo are parsed or refused, never an exception."""
    _memo(raw)


@SETTINGS
@given(mutated(MEMO))
def test_mutated_memo(raw: bytes) -> None:
    """A real memo with random damage is parsed or refused, never an exception."""
    _memo(raw)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(
        st.text(alphabet=st.sampled_from('0123456789,"abc \r\n-\ufeff'), max_size=30), max_size=8
    )
)
def test_random_footnote_csv(rows: list[str]) -> None:
    """Any footnotes CSV gives a table or located findings, never an exception."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fn.csv"
        path.write_text("footnote,key,pages\n" + "\n".join(rows), encoding="utf-8")
        table, findings = _timed(read_footnotes, path, "fn.csv")
        assert (table is None) == bool(findings)
        assert all(f.line >= 1 and f.column >= 1 for f in findings)
