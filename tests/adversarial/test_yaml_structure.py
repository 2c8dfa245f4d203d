"""Hostile YAML: every malformed or mistyped observation is a located error, never a traceback.

Each case mutates the real Azerbaijan 1993 observation (or replaces it with a small document),
checks that one file and asserts exit 1, the finding code where the catalogue has one, a
finding on the line the mutation touched, output made only of finding lines, and that no file
changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from adversarial_support import (
    TARGET,
    assert_unchanged,
    findings,
    run_cmr,
    snap,
)

Q1 = '  regime_from_coup:\n    answer: "yes"'
Q2 = '  coup_history:\n    answer: "yes"'
Q1_CITATIONS = (
    "    citations:\n"
    "      - key: wiki_coup1993\n"
    '        pages: "Prelude; Rebellion"\n'
    "      - key: kkwiki_aliyev\n"
    '        pages: "1993 (the Ganja revolt, June powers and August referendum)"\n'
    "      - key: curtis1995\n"
    '        pages: "Azerbaijan: The Coup of June 1993"'
)
FIRST_CITATION = '      - key: wiki_coup1993\n        pages: "Prelude; Rebellion"'
CONTEXT = "context: Azeri-Armenian Conflict"
Q2_EVIDENCE = "    evidence: >-\n      Azerbaijan has had"


def sub(old: str, new: str) -> Callable[[str], str]:
    """A mutation replacing the first `old` (which must be there) by `new`."""

    def mutate(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)

    return mutate


def whole(document: str) -> Callable[[str], str]:
    return lambda _text: document


def head_then(rest: str) -> Callable[[str], str]:
    """Everything before `answers:`, then `rest`."""
    return lambda text: text.split("\nanswers:", 1)[0] + "\n" + rest


def append(extra: str) -> Callable[[str], str]:
    return lambda text: text.rstrip("\n") + "\n" + extra


@dataclass(frozen=True)
class Case:
    id: str
    mutate: Callable[[str], str]
    codes: tuple[str, ...] = ()  # one of these codes must be reported (empty: any error)
    at: str | None = None  # the finding points at the line holding this text ...
    nth: int = 1  # ... at its nth occurrence


def line_of(text: str, needle: str, nth: int = 1) -> int:
    lines = text.splitlines()
    hits = [i + 1 for i, line in enumerate(lines) if needle in line]
    assert len(hits) >= nth, f"{needle!r} not found {nth} times"
    return hits[nth - 1]


LAUGHS = (
    "a: &a [x, x, x, x, x, x, x, x, x]\n"
    "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
    "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
    "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
    "f: [*e, *e, *e, *e, *e, *e, *e, *e, *e]"
)

SYNTAX = ("yaml-syntax",)
DUP = ("yaml-duplicate-key",)
TYPE = ("field-type",)
KEY = ("key-not-string",)

CASES = [
    # Syntax
    Case("tab-indent", sub(Q1, "  regime_from_coup:\n\tanswer: 'yes'"), SYNTAX, "\tanswer"),
    Case("tab-before-key", sub("country: Azerbaijan", "\tcountry: Azerbaijan"), SYNTAX),
    Case("unclosed-double-quote", sub(Q1, '  regime_from_coup:\n    answer: "yes'), SYNTAX),
    Case("unclosed-single-quote", sub("coder: cmr-seed", "coder: 'cmr-seed"), SYNTAX),
    Case("unclosed-bracket", sub("codebook: 1.1.0", "codebook: [1.1.0"), SYNTAX),
    Case("unclosed-brace", sub("cown: 373", "cown: {373"), SYNTAX),
    Case("stray-colon-in-plain", sub(CONTEXT, "context: a: b"), SYNTAX, "context: a: b"),
    # Duplicate keys at every level
    Case(
        "dup-top",
        sub("country: Azerbaijan", "country: Azerbaijan\ncountry: Armenia"),
        DUP,
        "country: Armenia",
    ),
    Case(
        "dup-answers",
        append("  regime_from_coup:\n    answer: 'no'\n"),
        DUP,
        "  regime_from_coup:",
        2,
    ),
    Case(
        "dup-in-answer",
        sub("    confidence: medium\n", "    confidence: medium\n    confidence: high\n"),
        DUP,
        "confidence: high",
    ),
    Case(
        "dup-in-citation",
        sub(
            '        pages: "Prelude; Rebellion"',
            '        pages: "Prelude; Rebellion"\n        pages: x',
        ),
        DUP,
        "pages: x",
    ),
    Case("dup-top-quoted", sub("year: 1993", "year: 1993\n'year': 1993"), DUP, "'year': 1993"),
    # Anchors, aliases, merge keys
    Case("billion-laughs", sub(CONTEXT, LAUGHS), ("yaml-alias",)),
    Case(
        "alias-repeats-bad-answer",
        lambda t: sub(Q2, "  coup_history:\n    answer: *bad")(
            sub(Q1, "  regime_from_coup:\n    answer: &bad maybe")(t)
        ),
        ("answer-not-in-scale",),
        "answer: *bad",
    ),
    Case("merge-key-top", sub(CONTEXT, "base: &b {context: x}\n<<: *b"), (), "<<: *b"),
    Case(
        "merge-key-citation",
        sub(
            FIRST_CITATION,
            '      - &c1 {key: wiki_coup1993, pages: "Prelude"}\n      - <<: *c1\n        pages: x',
        ),
        (),
        "<<: *c1",
    ),
    # Several documents
    Case("two-documents", append("---\ncountry: Armenia\n"), (), "---"),
    Case("two-documents-same", lambda t: t + "---\n" + t, (), "---"),
    Case(
        "two-documents-after-end",
        append("...\ncountry: Armenia\n"),
        ("yaml-documents",),
        "...",
    ),
    Case("two-documents-after-leading", lambda t: "---\n" + t + "---\n", ("yaml-documents",)),
    # The top level is not a mapping
    Case(
        "top-list", whole("- codebook: 1.1.0\n- country: Azerbaijan\n"), ("document-not-mapping",)
    ),
    Case("top-scalar", whole("Azerbaijan 1993\n"), ("document-not-mapping",)),
    Case("top-null", whole("~\n"), ("document-not-mapping", "file-empty")),
    Case("top-number", whole("1993\n"), ("document-not-mapping",)),
    # answers and answer entries of the wrong shape
    Case("answers-list", head_then("answers:\n  - regime_from_coup\n"), TYPE),
    Case("answers-string", head_then("answers: all yes\n"), TYPE, "answers:"),
    Case("answers-null", head_then("answers:\n"), (*TYPE, "field-missing"), "answers:"),
    Case(
        "answer-entry-string",
        sub(Q1, '  regime_from_coup: "yes"\n  x_old:\n    answer: "yes"'),
        TYPE,
    ),
    Case(
        "answer-entry-list", sub(Q1, "  regime_from_coup: [yes]\n  x_old:\n    answer: 'yes'"), TYPE
    ),
    # citations of the wrong shape
    Case(
        "citations-mapping",
        sub(Q1_CITATIONS, "    citations:\n      key: curtis1995\n      pages: x"),
        TYPE,
        "key: curtis1995",
    ),
    Case("citations-string", sub(Q1_CITATIONS, "    citations: curtis1995"), TYPE, "citations:"),
    Case("citations-number", sub(Q1_CITATIONS, "    citations: 5"), TYPE, "citations: 5"),
    Case("citation-item-string", sub(FIRST_CITATION, "      - wiki_coup1993"), TYPE),
    Case("citation-item-number", sub(FIRST_CITATION, "      - 42"), TYPE, "      - 42"),
    Case("citation-item-null", sub(FIRST_CITATION, "      - ~"), TYPE, "      - ~"),
    # Keys that are not names
    Case("key-number", sub(CONTEXT, "1: one"), KEY, "1: one"),
    Case("key-boolean", sub(CONTEXT, "true: one"), KEY, "true: one"),
    Case("key-null", sub(CONTEXT, "~: one"), KEY, "~: one"),
    Case("key-float", sub(CONTEXT, "1.5: one"), KEY, "1.5: one"),
    Case("key-list", sub(CONTEXT, "? [a]\n: one"), KEY, "? [a]"),
    Case("key-mapping", sub(CONTEXT, "? {a: b}\n: one"), KEY, "? {a: b}"),
    Case("answer-key-number", sub(Q1, '  1:\n    answer: "yes"'), KEY, "  1:"),
    Case("answer-key-boolean", sub(Q1, '  no:\n    answer: "yes"'), ("question-unknown", *KEY)),
    # A very long line with the error at its end
    Case("long-line", sub(CONTEXT, "context: " + "x" * 40000 + " zz: 1"), SYNTAX),
    # Tags
    Case("tag-python", sub(CONTEXT, "context: !!python/object:os.system x"), (), "!!python"),
    Case("tag-binary", sub(CONTEXT, "context: !!binary aGVsbG8="), (), "!!binary"),
    Case("tag-custom", sub(CONTEXT, "context: !foo bar"), (), "!foo"),
    Case("tag-custom-answer", sub(Q1, '  regime_from_coup:\n    answer: !yes "yes"'), (), "!yes"),
    Case("tag-str-year", sub("year: 1993", "year: !!str 1993"), TYPE, "year:"),
    Case("tag-after-anchor", sub(CONTEXT, "context: &c !foo bar"), ("yaml-tag",), "!foo"),
    Case(
        "tag-in-citation-list",
        sub(FIRST_CITATION, '      - !cite {key: wiki_coup1993, pages: "Prelude"}'),
        ("yaml-tag",),
        "!cite",
    ),
    Case("tag-directive", lambda t: "%TAG !e! tag:example.com:\n---\n" + t, ("yaml-tag",), "%TAG"),
    # yes/no/on/off/~ and booleans
    Case(
        "answer-on",
        sub(Q1, "  regime_from_coup:\n    answer: on"),
        ("answer-not-in-scale",),
        "answer: on",
    ),
    Case("answer-off", sub(Q1, "  regime_from_coup:\n    answer: off"), ("answer-not-in-scale",)),
    Case("answer-true", sub(Q1, "  regime_from_coup:\n    answer: true"), (), "answer: true"),
    Case("answer-null", sub(Q1, "  regime_from_coup:\n    answer: ~"), (), "answer: ~"),
    Case(
        "confidence-yes",
        sub("    confidence: medium", "    confidence: yes"),
        (),
        "confidence: yes",
    ),
    Case("coder-null", sub("coder: cmr-seed", "coder: ~"), (), "coder: ~"),
    Case("country-no", sub("country: Azerbaijan", "country: no"), (), "country: no"),
    # Dates as values
    Case(
        "coded-on-timestamp",
        sub("coded_on: 2026-11-22", "coded_on: 2024-05-01 10:00:00"),
        ("date-invalid", "value-invalid"),
        "coded_on",
    ),
    Case(
        "coded-on-impossible",
        sub("coded_on: 2026-11-22", "coded_on: 2024-02-30"),
        ("date-invalid",),
        "coded_on",
    ),
    Case(
        "coded-on-short",
        sub("coded_on: 2026-11-22", "coded_on: 2024-5-1"),
        ("date-invalid", "value-invalid"),
        "coded_on",
    ),
    Case("coded-on-number", sub("coded_on: 2026-11-22", "coded_on: 20240501"), (), "coded_on"),
    # Numbers where text is expected and the reverse
    Case("year-string", sub("year: 1993", 'year: "1993"'), TYPE, "year:"),
    Case("year-float", sub("year: 1993", "year: 1993.0"), TYPE, "year:"),
    Case("year-true", sub("year: 1993", "year: true"), TYPE, "year:"),
    Case("cown-string", sub("cown: 373", 'cown: "373"'), TYPE, "cown:"),
    Case("country-number", sub("country: Azerbaijan", "country: 373"), TYPE, "country:"),
    Case("coder-number", sub("coder: cmr-seed", "coder: 12"), TYPE, "coder:"),
    Case(
        "evidence-number",
        sub(Q2_EVIDENCE, "    evidence: 12345\n    note: >-\n      Azerbaijan has had"),
        TYPE,
        "evidence: 12345",
    ),
    Case(
        "codebook-float",
        sub("codebook: 1.1.0", "codebook: 1.1"),
        ("codebook-unknown-version", "field-type"),
        "codebook:",
    ),
    # Empty strings
    Case("country-empty", sub("country: Azerbaijan", 'country: ""'), (), "country:"),
    Case("coder-empty", sub("coder: cmr-seed", 'coder: ""'), (), "coder:"),
    Case(
        "answer-empty",
        sub(Q1, '  regime_from_coup:\n    answer: ""'),
        ("answer-missing",),
        'answer: ""',
    ),
    Case(
        "evidence-empty",
        sub(Q2_EVIDENCE, "    evidence: ''\n    note: >-\n      Azerbaijan has had"),
        (),
        "evidence: ''",
    ),
    Case("citation-key-empty", sub("      - key: wiki_coup1993", '      - key: ""'), (), 'key: ""'),
    # Unicode in keys
    Case(
        "unicode-field",
        sub("country: Azerbaijan", "cöuntry: Azerbaijan"),
        ("field-unknown",),
        "cöuntry",
    ),
    Case(
        "zero-width-field",
        sub("country: Azerbaijan", "coun\u200btry: Azerbaijan"),
        ("field-unknown",),
        "coun\u200btry",
    ),
    Case(
        "unicode-variable",
        sub(Q1, '  régime_from_coup:\n    answer: "yes"'),
        ("question-unknown",),
        "régime",
    ),
    # Files with no document
    Case(
        "comment-only", whole("# yaml-language-server: $schema=x\n# nothing yet\n"), ("file-empty",)
    ),
    Case("bom-only", whole("\ufeff"), ("file-empty",)),
    Case("whitespace-only", whole("   \n\n  \n"), ("file-empty",)),
    Case("document-marker-only", whole("---\n...\n"), ("file-empty", "document-not-mapping")),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_broken_yaml_is_a_located_error(case: Case, dataset: Path, good_text: str) -> None:
    """A structurally broken observation gives exit 1 and a finding on the broken line."""
    text = case.mutate(good_text)
    (dataset / TARGET).write_bytes(text.encode("utf-8"))
    before = snap(dataset)
    ran = run_cmr("check", TARGET, cwd=dataset)
    found = findings(ran)
    assert_unchanged(before, snap(dataset))
    assert ran.code == 1, ran.text
    errors = [f for f in found if f["severity"] == "error" and f["path"] == TARGET]
    assert errors, ran.text
    assert all(int(f["line"]) > 0 and int(f["column"]) > 0 for f in found), ran.text
    if case.codes:
        errors = [f for f in errors if f["code"] in case.codes]
        assert errors, f"expected one of {case.codes}:\n{ran.text}"
    if case.at is not None:
        line = line_of(text, case.at, case.nth)
        assert any(int(f["line"]) == line for f in errors), (
            f"no finding on line {line}:\n{ran.text}"
        )


def test_year_given_as_text_gives_no_window_findings(dataset: Path, good_text: str) -> None:
    """A year written as "1993" is a type error, not a window of -4..1 for three answers."""
    (dataset / TARGET).write_text(good_text.replace("year: 1993", 'year: "1993"'), "utf-8")
    ran = run_cmr("check", TARGET, cwd=dataset)
    codes = [f["code"] for f in findings(ran)]
    assert "field-type" in codes, ran.text
    assert "window-no-year-in-window" not in codes, ran.text


VALID = [
    ("unquoted-yes", sub(Q1, "  regime_from_coup:\n    answer: yes")),
    ("leading-document-marker", lambda t: "---\n" + t),
    ("document-end-marker", lambda t: t.rstrip("\n") + "\n...\n"),
    ("long-valid-line", sub(CONTEXT, "context: " + "Azeri-Armenian Conflict " * 2000)),
    ("quoted-date", sub("coded_on: 2026-11-22", 'coded_on: "2026-11-22"')),
    ("crlf-line-ends", lambda t: t.replace("\n", "\r\n")),
    ("exclamations-in-text", sub(CONTEXT, "context: Wow! Non ! [a]!")),
    (
        "exclamation-in-folded-text",
        sub(Q2_EVIDENCE, "    evidence: >-\n      ! Azerbaijan has had"),
    ),
]


@pytest.mark.parametrize("mutate", [m for _, m in VALID], ids=[i for i, _ in VALID])
def test_valid_yaml_variants_check_clean(
    mutate: Callable[[str], str], dataset: Path, good_text: str
) -> None:
    """Legal YAML spellings of a clean observation (unquoted yes, `---`, CRLF) stay clean."""
    (dataset / TARGET).write_bytes(mutate(good_text).encode("utf-8"))
    before = snap(dataset)
    ran = run_cmr("check", TARGET, cwd=dataset)
    found = findings(ran)
    assert_unchanged(before, snap(dataset))
    assert ran.code == 0, ran.text
    assert not [f for f in found if f["severity"] == "error"], ran.text
