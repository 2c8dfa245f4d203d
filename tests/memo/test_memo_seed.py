"""The seed memo (../shared/seeds) imports completely and, once mapped, passes `cmr check`."""

from __future__ import annotations

from pathlib import Path

from cmr import _yaml
from cmr.checking import check
from cmr.codebook import Codebooks
from cmr.project import Project

SEED = "002_85f62de43105f406.txt"
ANSWERS = ["no", "yes", "no", "yes", "yes", "yes", "yes", "yes", "yes", "yes", "no", "no", "yes"]
FOOTNOTES = [
    [1, 2],
    [3],
    [4],
    [5, 6],
    [7, 8, 9, 10],
    [],
    [11, 12, 13],
    [14],
    [15],
    [16, 17],
    [],
    [],
    [18, 19],
]


def _import(run_cli, project: Path, memo: Path, *extra: str) -> dict:
    result = run_cli("import-memo", str(memo), "--coded-on", "2026-01-05", *extra, project=project)
    assert result.exit_code == 0, result.output
    return _yaml.loads((project / "observations" / "AZE" / "1992.yaml").read_text("utf-8"))


def test_seed_answers_header_and_footnotes(project, seeds, run_cli):
    """Thirteen answers, memo number, context, country-year, footnotes 1-19 by question."""
    data = _import(run_cli, project, seeds / SEED)
    book = Codebooks(project / "codebook").latest
    entries = [data["answers"][q.variable] for q in book.questions]
    assert [e["answer"] for e in entries] == ANSWERS
    assert (data["memo"], data["context"]) == (201, "Azeri-Armenian Conflict")
    assert (data["country"], data["iso3c"], data["cown"], data["year"]) == (
        "Azerbaijan",
        "AZE",
        373,
        1992,
    )
    assert [[c["footnote"] for c in e["citations"]] for e in entries] == FOOTNOTES
    assert all(c["key"] == f"fn{c['footnote']}" for e in entries for c in e["citations"])


def test_seed_paragraphs_joined_and_markers_removed(project, seeds, run_cli):
    """Wrapped lines become one line per paragraph; glued footnote numbers leave the text."""
    data = _import(run_cli, project, seeds / SEED)
    q1 = data["answers"]["regime_from_coup"]["evidence"].split("\n\n")
    assert len(q1) == 2 and "\n" not in "".join(q1)
    assert q1[0].endswith("came to power through elections.")
    assert "until January 1992. So while there was a coup in May 1992" in q1[1]
    q13 = data["answers"]["civmil_forum"]["evidence"]
    assert "security policy.” The president" in q13
    assert q13.endswith("over [1992-1993].”")
    assert len(data["answers"]["officer_exclusion"]["evidence"].split("\n\n")) == 3


def test_seed_passes_check_once_footnotes_are_mapped(project, seeds, run_cli, tmp_path):
    """Unmapped footnotes are reported by `cmr check`; with a CSV and a bib entry none are."""
    _import(run_cli, project, seeds / SEED)
    codes = check(project=Project(project)).result.flatten(("code",))
    assert codes.count(("citation-unresolved-footnote",)) == 19
    bib = project / "observations" / "references.bib"
    bib.write_text(
        bib.read_text("utf-8") + "\n@misc{testsource, title = {Test source}}\n"
        "@unpublished{memo201, title = {Coding memo 201}, note = {Legacy memo}}\n",
        encoding="utf-8",
    )
    csv = tmp_path / "footnotes.csv"
    csv.write_text(
        "footnote,key,pages\n" + "".join(f"{n},testsource,{n}\n" for n in range(1, 20)),
        encoding="utf-8",
    )
    data = _import(
        run_cli,
        project,
        seeds / SEED,
        "--footnotes",
        str(csv),
        "--cite-memo",
        "memo{memo}",
        "--force",
    )
    assert data["answers"]["regime_from_coup"]["citations"][1] == {
        "key": "testsource",
        "pages": "2",
        "footnote": 2,
    }
    assert data["answers"]["officer_party_member"]["citations"] == [
        {"key": "memo201", "pages": "question 6"}
    ]
    result = check(project=Project(project)).result
    assert [f for f in result.flatten(("code", "severity")) if f[1] == "error"] == []
    assert run_cli("check", project=project).exit_code == 0
