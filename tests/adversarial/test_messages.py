"""Finding messages are written for coders: no Python or JSON-Schema words leak into them."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from adversarial_support import SOURCE, Ran, run_cmr

FINDING = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): "
    r"(?P<severity>error|warning|info) (?P<code>[a-z0-9-]+) (?P<message>.*)$"
)
SUMMARY = re.compile(r"^(\d+) file\(s\) checked: (\d+) error\(s\), (\d+) warning\(s\)", re.M)
JARGON = [
    "NoneType",
    " dict",
    "'str'",
    "'int'",
    "'list'",
    "KeyError",
    "Traceback",
    "object at 0x",
    "<class",
    "None is not",
    "is not of type",
    "frozenset",
    "{bogus}",
]
JARGON_RE = [
    re.compile(r"\bTrue\b"),
    re.compile(r"\bFalse\b"),
    re.compile(r"\bNone\b"),
    re.compile(r"\(\w+,\)"),  # a Python tuple
    re.compile(r"window -\d"),  # a window computed from a year that is not a number
]

Q1 = '  regime_from_coup:\n    answer: "yes"'
Q2_EVIDENCE = "    evidence: >-\n      Azerbaijan has had"
FIRST_CITATION = '      - key: wiki_coup1993\n        pages: "Prelude; Rebellion"'
CITATIONS_Q1 = "    citations:\n" + FIRST_CITATION
CONTEXT = "context: Azeri-Armenian Conflict"


def sub(old: str, new: str) -> Callable[[str], str]:
    def mutate(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)

    return mutate


BROKEN: list[tuple[str, Callable[[str], str]]] = [
    ("answers-list", lambda t: t.split("\nanswers:")[0] + "\nanswers:\n  - regime_from_coup\n"),
    ("answers-null", lambda t: t.split("\nanswers:")[0] + "\nanswers:\n"),
    ("answers-string", lambda t: t.split("\nanswers:")[0] + "\nanswers: none\n"),
    ("entry-string", sub(Q1, '  regime_from_coup: "yes"\n  x_old:\n    answer: "yes"')),
    ("citations-number", sub(CITATIONS_Q1, "    citations: 5\n    x_old:")),
    ("citations-mapping", sub(CITATIONS_Q1, "    citations: {key: curtis1995}\n    x_old:")),
    ("citation-item-null", sub(FIRST_CITATION, "      - ~")),
    ("citation-item-string", sub(FIRST_CITATION, "      - wiki_coup1993")),
    ("year-string", sub("year: 1993", 'year: "1993"')),
    ("year-float", sub("year: 1993", "year: 1993.0")),
    ("year-true", sub("year: 1993", "year: true")),
    ("cown-string", sub("cown: 373", 'cown: "373"')),
    ("cown-list", sub("cown: 373", "cown: [373]")),
    ("key-true", sub(CONTEXT, "true: x")),
    ("key-null", sub(CONTEXT, "~: x")),
    ("key-list", sub(CONTEXT, "? [a]\n: x")),
    ("key-mapping", sub(CONTEXT, "? {a: b}\n: x")),
    ("answer-true", sub(Q1, "  regime_from_coup:\n    answer: true")),
    ("answer-null", sub(Q1, "  regime_from_coup:\n    answer: ~")),
    ("answer-list", sub(Q1, "  regime_from_coup:\n    answer: [yes]")),
    ("confidence-number", sub("    confidence: medium", "    confidence: 3")),
    ("evidence-list", sub(Q2_EVIDENCE, "    evidence: [a, b]\n    note: >-\n      Azerbaijan had")),
    ("note-mapping", sub(CONTEXT, "notes: {a: 1}")),
    ("reconciles-string", sub(CONTEXT, "reconciles: alice")),
    ("reconciles-numbers", sub(CONTEXT, "reconciles: [1, 2]")),
    ("coded-on-number", sub("coded_on: 2026-11-22", "coded_on: 20240501")),
    ("two-documents", lambda t: t + "---\ncountry: Armenia\n"),
    ("top-list", lambda _t: "- codebook: 1.1.0\n"),
    ("tag-python", sub(CONTEXT, "context: !!python/object:os.system x")),
]


def lines_of(ran: Ran) -> list[str]:
    return [ln for ln in (ran.out + ran.err).splitlines() if ln.strip() and not SOURCE.match(ln)]


def jargon_in(message: str) -> list[str]:
    found = [word for word in JARGON if word in message]
    return found + [p.pattern for p in JARGON_RE if p.search(message)]


def test_messages_speak_to_coders(dataset: Path, good_text: str) -> None:
    """Over ~30 broken inputs, no message uses Python or schema words, and counts match."""
    country = dataset / "observations" / "AZE"
    for year in (1992, 1993):
        (country / f"{year}.yaml").unlink()
    for number, (_name, mutate) in enumerate(BROKEN):
        year = 1900 + number
        text = mutate(good_text).replace("year: 1993\n", f"year: {year}\n", 1)
        (country / f"{year}.yaml").write_text(text, encoding="utf-8")
    ran = run_cmr("check", cwd=dataset)
    assert ran.code == 1, ran.text
    bad = []
    errors = warnings = 0
    per_file: dict[str, int] = {}
    for line in lines_of(ran):
        match = FINDING.match(line)
        if match is None:
            assert SUMMARY.match(line), f"stray output line {line!r}"
            continue
        errors += match["severity"] == "error"
        warnings += match["severity"] == "warning"
        per_file[match["path"]] = per_file.get(match["path"], 0) + 1
        if words := jargon_in(match["message"]):
            bad.append(f"{words}: {line}")
    assert not bad, "implementation words in messages:\n" + "\n".join(bad)
    summary = SUMMARY.search(ran.out)
    assert summary, ran.text
    assert (int(summary[2]), int(summary[3])) == (errors, warnings), (
        f"summary says {summary[0]!r} but {errors} errors and {warnings} warnings were printed"
    )


def test_codebook_messages_speak_to_editors(dataset: Path) -> None:
    """Broken codebook rules are explained without Python or schema words."""
    text = (dataset / "codebook" / "1.1.0.yaml").read_text(encoding="utf-8")
    text = (
        text.replace("version: 1.1.0", "version: 1.9.0", 1)
        .replace("status: released", "status: draft", 1)
        .replace('released: "2026-11-22"\n', "", 1)
        .replace("    kind: implication\n", "    kind: bogus\n", 1)
        .replace("    check: monotone\n", "    check: [monotone]\n", 1)
        .replace("min_year: 1816", "min_year: soon", 1)
    )
    (dataset / "codebook" / "1.9.0.yaml").write_text(text, encoding="utf-8")
    ran = run_cmr("check", cwd=dataset)
    assert ran.code in (1, 2), ran.text
    bad = [ln for ln in lines_of(ran) if jargon_in(ln) or "other candidates" in ln]
    assert not bad, "\n".join(bad)


def test_summary_counts_what_it_prints(dataset: Path, good_text: str) -> None:
    """The summary's error count equals the error lines printed (no hidden duplicates)."""
    draft = (dataset / "codebook" / "1.1.0.yaml").read_text(encoding="utf-8")
    draft = (
        draft.replace("version: 1.1.0", "version: 1.9.0", 1)
        .replace("status: released", "status: draft", 1)
        .replace('released: "2026-11-22"\n', "", 1)
        .replace('then: {coup_history: ["yes"]}', 'then: {coup_histori: ["yes"]}', 1)
    )
    (dataset / "codebook" / "1.9.0.yaml").write_text(draft, encoding="utf-8")
    obs = dataset / "observations" / "AZE" / "1993.yaml"
    obs.write_text(good_text.replace("codebook: 1.1.0", "codebook: 1.9.0"), encoding="utf-8")
    ran = run_cmr("check", cwd=dataset)
    printed = sum(
        1 for ln in lines_of(ran) if (m := FINDING.match(ln)) and m["severity"] == "error"
    )
    summary = SUMMARY.search(ran.out)
    assert summary, ran.text
    assert int(summary[2]) == printed, ran.text
