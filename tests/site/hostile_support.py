"""Hostile datasets for the site tests: texts that try to run script or break the pages, and
a second codebook whose names make bad ids.

`PAYLOAD` is put into every free text a coder or a bibliography can hold (evidence, notes,
context, quotes, pages, event outcomes and actors, reference fields); each copy ends in a
distinct token, so the search can be asked for it. Any script it manages to run sets
`window.__pwned`, any `onerror` too; a `javascript:` link would do it when followed.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from site_support import _data, _event
from support import make_project, write_observation

from cmr import countries

LONG = "Überlangeswortohneleerzeichen" * 12
PAYLOAD = (
    '</script><script>window.__pwned="script"</script><!-- "><img src=x '
    "onerror=\"window.__pwned='img'\"> ' \\ \\u0000 \u2028\u2029 \x00 \x1b "
    "\u05e2\u05d1\u05e8\u05d9\u05ea \u202e gnp.exe 🎉 "
    f"{LONG} .*[( Azərbaycan"
)
EVIL_BIB = r"""
@misc{evil:2020/x,
  author = {<script>window.__pwned="bib"</script> and Ærø, Å},
  title = {"><img src=x onerror="window.__pwned='title'"> \u2028 {\"O}},
  year = {2020},
  url = {javascript:window.__pwned='url'},
  doi = {javascript:window.__pwned='doi'},
  note = {<!-- data:text/html,<script>window.__pwned='note'</script>},
}

@misc{datauri2021,
  title = {A data URI},
  year = {2021},
  url = {data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+},
  doi = {vbscript:msgbox(1)},
}

@misc{good2022,
  title = {A well-formed reference},
  year = {2022},
  url = {https://example.org/report?a=1&b="2"},
  doi = {10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O},
}
"""


MANY = ("BLR", "GEO", "KAZ", "KGZ", "MDA", "RUS", "TJK", "TKM", "TUR", "UKR", "UZB")


def hostile(root: Path) -> Path:
    """Make `root` a dataset whose texts all carry `PAYLOAD`: AZE 1993 (adjudicated from two
    independent codings by coders `a.b` and `c-d_9`), ARM 1993, 1993 of each of `MANY`, and
    `BROKEN_DRAFTS` (AZE 1995 and 1996)."""
    make_project(root, up_to=None)
    bib = root / "observations" / "references.bib"
    bib.write_text(bib.read_text(encoding="utf-8") + EVIL_BIB, encoding="utf-8")
    for coder in ("a.b", "c-d_9"):
        write_observation(root, _poisoned(root, 1993, coder), f"AZE/1993/{coder}.yaml")
    main = _poisoned(root, 1993, "carol", reconciles=["a.b", "c-d_9"])
    write_observation(root, main)
    write_observation(root, _poisoned(root, 1993, "ann", iso3c="ARM"))
    for iso3c in MANY:
        known = countries.by_iso3(iso3c)
        assert known is not None
        fields = {"country": known.name, "cown": known.cown}
        write_observation(root, _poisoned(root, 1993, "ann", iso3c=iso3c, **fields))
    text = PAYLOAD.replace("\x00", "")  # a NUL makes it binary: test_hostile_folder
    (root / "CHANGELOG.md").write_text(f"# Changelog\n\n- {text}\n", encoding="utf-8")
    for name, text in BROKEN_DRAFTS.items():
        path = root / "observations" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


BROKEN_DRAFTS = {
    "AZE/1995.yaml": """\
        status: draft
        codebook: 1.2.0
        country: [1, 2]
        iso3c: AZE
        year: 1995
        coder: {a: 1}
        coded_on: 12
        context: {x: "<script>window.__pwned='context'</script>"}
        notes: [1, 2]
        reconciles: 5
        answers:
          coup_history: "yes"
          regime_from_coup:
            answer: [1]
            evidence: {a: "<img src=x onerror=\\"window.__pwned='draft'\\">"}
            note: 5
            citations: "curtis1995"
            carried_from: {x: 1}
            needs_review: [1]
          leader_ex_officer:
            answer: maybe
            confidence: 7
            citations: [1, {key: 5}, {key: nokey, pages: [1]}, {key: [1, 2], tier: [1]}]
        events:
          - {id: twin, type: [1], date: {a: 1}, actors: solo}
          - {id: twin, type: leader_change, citations: {key: curtis1995}}
          - 7
        """,
    "AZE/1996.yaml": """\
        status: draft
        codebook: 1.2.0
        iso3c: AZE
        year: 1996
        answers: [1, 2, {a: b}]
        events: {id: x, citations: {key: curtis1995}}
        """,
    "AZE/1996/zed.yaml": """\
        status: draft
        codebook: 1.2.0
        iso3c: AZE
        year: 1996
        coder: zed
        answers:
          coup_history: [yes]
          regime_from_coup: {answer: {x: 1}, citations: {key: [1, 2], tier: [1]}, evidence: 5}
        """,
}
"""Drafts of every wrong shape: the check lets a draft hold anything, so the site shows them."""


def _poisoned(root: Path, year: int, coder: str, **fields: Any) -> dict[str, Any]:
    data = _data(root, year, coder=coder, **fields)
    keys = ("evil:2020/x", "datauri2021", "good2022")
    for i, entry in enumerate(data["answers"].values()):
        entry["evidence"] = f"{PAYLOAD} evidencetoken{i}x{coder}"
        entry["note"] = f"{PAYLOAD} notetoken{i}"
        entry["citations"] = [
            {"key": keys[i % 3], "pages": f"<b>{i}</b>", "tier": "reference", "quote": PAYLOAD}
        ]
    data.update(context=f"{PAYLOAD} contexttoken", notes=f"{PAYLOAD} notestoken")
    first = _event()
    first.update(outcome=f"{PAYLOAD} outcome", actors=[PAYLOAD])
    data["events"] = [first, {**first, "id": "purge-1993-b"}]
    return data


SECOND = textwrap.dedent(
    """\
    codebook: odd-names
    version: 1.0.0
    status: draft
    title: Names that make bad ids
    scales:
      two:
        label: No / yes
        values:
          - {code: "no", value: 0, label: "No", description: Not so.}
          - {code: "yes", value: 1, label: "Yes", description: So.}
        missing:
          - {code: no_data, label: No data, description: Nothing found.}
    questions:
    """
)
ODD = (
    ("References", "references"),
    ("Answers", "answers"),
    ("E", "events"),
    ("Q_1", "rules"),
    ("q1", "scales"),
    ("X9", "changes"),
)
"""(question id, variable) pairs the codebook's form allows whose variables are the names the
pages use for their own sections."""
DOTTED = (("A.1", "oversight.body"), ("A/3", "main-content"))
"""Names the codebook's form refuses: `cmr site` stops at them with located findings."""


def odd_codebook(root: Path, odd: tuple[tuple[str, str], ...] = ODD) -> Path:
    """Make `root` a dataset of a second codebook (years from 1) whose question ids and
    variables are `odd`, with AZE 5, AZE 999 and AZE 1993 answered."""
    (root / "codebook").mkdir(parents=True)
    questions = "".join(
        f"  - {{id: '{qid}', variable: '{var}', label: Label {n}, text: 'Question {n}?',"
        f" scale: two, guidance: {{summary: Say so.}}}}\n"
        for n, (qid, var) in enumerate(odd)
    )
    changes = (
        "observation: {min_year: 1}\n"
        'changes:\n  - {version: 1.0.0, date: "2026-11-22", summary: Pilot.}\n'
    )
    (root / "codebook" / "1.0.0.yaml").write_text(SECOND + questions + changes, encoding="utf-8")
    (root / "observations").mkdir()
    (root / "observations" / "references.bib").write_text(
        "@misc{report2020, title = {Annual report}, year = {2020}}\n", encoding="utf-8"
    )
    answers = {
        var: {
            "answer": "yes",
            "confidence": "low",
            "evidence": f"Found in the annual report (odd{n}).",
            "citations": [{"key": "report2020", "pages": "4"}],
        }
        for n, (_, var) in enumerate(odd)
    }
    data = {
        "codebook": "1.0.0",
        "country": "Azerbaijan",
        "iso3c": "AZE",
        "cown": 373,
        "year": 1993,
        "coder": "ana",
        "coded_on": "2026-11-01",
        "answers": answers,
    }
    for year in (5, 999, 1993):
        write_observation(root, {**data, "year": year})
    return root
