"""A second, unrelated codebook works without code changes; nothing in src/ names questions."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from cmr.checking import check
from cmr.codebook import Codebooks
from cmr.project import Project

REPO = Path(__file__).resolve().parents[1]

SECOND = textwrap.dedent(
    """\
    codebook: police-reform
    version: 2.1.0
    status: draft
    title: Police reform pilot
    scales:
      three_point:
        label: None / partial / full
        values:
          - {code: none, value: 0, label: None, description: Nothing of the kind.}
          - {code: partial, value: 1, label: Partial, description: Some of it.}
          - {code: full, value: 2, label: Full, description: All of it.}
        missing:
          - {code: no_data, label: No data, description: Nothing found.}
    questions:
      - id: P1
        variable: civilian_oversight
        label: Civilian oversight body
        text: Does a civilian body oversee the police?
        scale: three_point
        guidance: {summary: Oversight by a body outside the police., full: Binding powers.}
      - id: P2
        variable: vetting
        label: Vetting of officers
        text: Are police officers vetted before appointment?
        scale: three_point
        guidance: {summary: Background checks.}
      - id: P3
        variable: complaints
        label: Complaints mechanism
        text: Can citizens file complaints against officers?
        scale: three_point
        guidance: {summary: A procedure open to the public.}
      - id: P4
        variable: body_cameras
        label: Body cameras
        text: Do patrol officers wear body cameras?
        scale: three_point
        guidance: {summary: Cameras in regular patrol use.}
    changes:
      - {version: 2.1.0, date: "2026-11-22", summary: Pilot.}
    """
)


def _second_project(tmp_path: Path) -> Path:
    (tmp_path / "codebook").mkdir()
    (tmp_path / "codebook" / "2.1.0.yaml").write_text(SECOND, encoding="utf-8")
    (tmp_path / "observations").mkdir()
    (tmp_path / "observations" / "references.bib").write_text(
        "@misc{report2020, title = {Annual report}, year = {2020}}\n", encoding="utf-8"
    )
    return tmp_path


def test_second_codebook_schema_template_and_check(tmp_path: Path, run_cli):
    """Schema, template and check all follow the second codebook's questions and scale."""
    root = _second_project(tmp_path)
    assert run_cli("codebook", "schema", project=root).exit_code == 0
    assert (root / "codebook" / "schema" / "observation-2.1.0.schema.json").exists()
    created = run_cli("new", "Chile", "2020", "--coder", "ana", project=root)
    assert created.exit_code == 0, created.output
    path = root / "observations" / "CHL" / "2020.yaml"
    text = path.read_text(encoding="utf-8")
    assert "# P4 Do patrol officers wear body cameras?" in text
    for variable in ("civilian_oversight", "vetting", "complaints", "body_cameras"):
        text = text.replace(
            f"  {variable}:\n    answer:\n    confidence:\n    evidence: ''\n    citations: []",
            f"  {variable}:\n    answer: partial\n    confidence: low\n"
            f"    evidence: Found in the annual report.\n"
            f"    citations: [{{key: report2020, pages: '4'}}]",
        )
    wrong = text.replace("answer: partial", "answer: yes", 1)
    path.write_text(wrong, encoding="utf-8")
    line = wrong.splitlines().index("    answer: yes") + 1
    run = check(project=Project.find(root))
    assert run.result.flatten(("code", "line")) == [("answer-not-in-scale", line)]
    assert "none, partial, full, no_data" in run.result.findings[0].message
    path.write_text(text, encoding="utf-8")
    assert check(project=Project.find(root)).result.findings == []


def test_no_question_content_is_hard_coded_in_src():
    """No variable name, question id or question text of the codebooks appears in src/cmr."""
    books = Codebooks(REPO / "codebook")
    needles: set[str] = set()
    for version in books.versions:
        book = books.get(version)
        assert book is not None
        for q in book.questions:
            needles |= {q.variable, q.text, q.label}
    sources = {p: p.read_text(encoding="utf-8") for p in (REPO / "src" / "cmr").rglob("*.py")}
    for needle in needles:
        for path, text in sources.items():
            assert needle not in text, f"{needle!r} hard-coded in {path}"
    ids = {q.id for v in books.versions for q in books.get(v).questions}  # type: ignore[union-attr]
    pattern = re.compile(r"['\"](" + "|".join(sorted(ids)) + r")['\"]")
    for path, text in sources.items():
        assert not pattern.search(text), f"question id quoted in {path}"
