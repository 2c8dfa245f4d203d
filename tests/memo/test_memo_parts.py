"""The memo package's parts: markers, paragraphs, matching, answers, rendering, robustness."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cmr import _yaml
from cmr.codebook import Codebooks, MissingCode, Scale, ScaleValue
from cmr.memo import Options, import_memos, parse_memo, render_observation
from cmr.memo._answers import answer_code
from cmr.memo._footnotes import Footnote, MarkerScanner
from cmr.memo._match import Matcher
from cmr.memo._parse import Segment, paragraphs
from cmr.project import Project

REPO = Path(__file__).resolve().parents[2]
BOOK = Codebooks(REPO / "codebook").get("1.1.0")  # the version the memos ask


def _scan(text: str, expected: int = 1) -> tuple[str, list[int]]:
    scanner = MarkerScanner("memo", expected)
    found: list[Footnote] = []
    return scanner.strip(Segment(1, 1, text), found), [f.number for f in found]


def test_marker_after_year_and_punctuation():
    """`January 1992.2` is the year, a full stop and footnote 2."""
    assert _scan("until January 1992.2 So while", 2) == ("until January 1992. So while", [2])


def test_marker_glued_to_comma_and_quote():
    """Markers glued to a comma or a closing quote are found in sequence."""
    assert _scan("the Army,1 and the “homeland.”2") == ("the Army, and the “homeland.”", [1, 2])


def test_numbers_that_are_not_markers():
    """Decimals, dashes, out-of-sequence and unglued numbers stay text."""
    text = "3.1 percent, an F-1 jet, 1990-1, 1 tank, the 1st Army, 17,000 troops"
    assert _scan(text) == (text, [])


def test_superscript_markers():
    """Unicode superscript digits are markers under the same sequence rule."""
    assert _scan("elections¹ and war.² Then m²") == ("elections and war. Then m²", [1, 2])


def test_paragraphs_join_wrapped_lines():
    """Lines join with one space; blank or white-space-only lines separate paragraphs."""
    assert paragraphs(["a\tb ", " c", " \t", "", "d"]) == ["a b c", "d"]


def test_question_found_across_blank_lines_and_tabs():
    """A question wrapped over lines with blank lines between is one question."""
    memo = parse_memo(
        "Country-year: Azerbaijan 1992\n4.\tAre\tethnic\t\n\npopulation?\t\n\t\nYes.\n"
    )
    assert [(q.number, q.text, q.answer, q.answer_line) for q in memo.questions] == [
        (4, "Are ethnic population?", "Yes", 6)
    ]


def test_matcher_tolerates_small_wording_differences():
    """Quotes, case and white space are ignored; a changed word still matches; others do not."""
    matcher = Matcher(BOOK)
    assert matcher.match(
        "IS THE COUNTRY'S  TOP\tLEADER a former military officer"
    ).question is BOOK.question("leader_ex_officer")
    changed = "Did the current regime come to power through a military coup?"
    assert matcher.match(changed).question is BOOK.question("regime_from_coup")
    assert matcher.match("Does the military run businesses?").question is None
    assert matcher.match("x" * 10_000).question is None


def test_answer_words_for_another_scale():
    """Synonyms follow labels, so a different scale with an Unknown label gets them too."""
    values = (ScaleValue("lo", 0, "Low", ""), ScaleValue("hi", 1, "High", ""))
    missing = (MissingCode("dk", "Unknown", ""), MissingCode("na", "Not applicable", ""))
    scale = Scale("level", "Level", values, missing)
    got = [answer_code(scale, w) for w in ("HIGH.", "lo", "Unclear", "unknown", "N/A", "Yes")]
    assert got == ["hi", "lo", "dk", "dk", "na", None]


def _data(evidence: str, context: str) -> dict:
    answers = {
        q.variable: {
            "answer": "no",
            "confidence": "low",
            "evidence": evidence,
            "citations": [{"key": "fn1", "pages": "12", "footnote": 1}],
            "note": evidence,
        }
        for q in BOOK.questions
    }
    return {
        "codebook": BOOK.version,
        "country": "Azerbaijan",
        "iso3c": "AZE",
        "cown": 373,
        "year": 1992,
        "coder": "legacy-memo",
        "coded_on": "2026-01-05",
        "memo": "201a",
        "context": context,
        "answers": answers,
    }


@example("line\n", "yes")
@example("a\n\n b\t", "2026-01-05")
@example("\u2028\x85\ufeff", "#")
@given(st.text(min_size=1), st.text())
def test_rendered_yaml_reads_back_exactly(evidence, context):
    """Any text renders to YAML that reads back as the same strings (YAML 1.2 and 1.1)."""
    import yaml

    data = _data(evidence, context)
    text = render_observation(data, BOOK, "schema.json")
    assert _yaml.loads(text) == data
    assert yaml.safe_load(text)["answers"]["civmil_forum"]["evidence"] == evidence


_TOKENS = st.sampled_from(
    [
        "1.",
        "2)",
        "Q3.",
        " ",
        "\t",
        "\n",
        "\r\n",
        "?",
        "Yes.",
        "No",
        "Unclear",
        "Country-year: Azerbaijan 1992",
        "Observation no: 5 –",
        "Did the current regime come to power in a military coup?",
        "word",
        "1992.2",
        ".1",
        "¹",
        "\u00a0",
        "\u00ad",
        "Notes",
        "\x00",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(max_size=400),
        st.lists(_TOKENS, max_size=80).map(lambda parts: "".join(parts).encode("utf-8")),
    )
)
def test_any_input_gives_findings_not_tracebacks(raw):
    """Arbitrary bytes and memo-like fragments never raise; refusals write nothing."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "codebook").symlink_to(REPO / "codebook")
        memo = root / "memo.txt"
        memo.write_bytes(raw)
        run = import_memos(
            [memo],
            project=Project(root),
            out=root / "out",
            options=Options(coded_on=dt.date(2026, 1, 5)),
        )
        assert run.result.success == bool(run.written)
