"""The seed memo (../shared/seeds) imports completely and, once mapped, passes `cmr check`."""

from __future__ import annotations

import shutil
from pathlib import Path

from support import REPO, cmr_run

from cmr import _yaml
from cmr.codebook import Codebooks

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
    result = run_cli(
        "import-memo",
        str(memo),
        "--coded-on",
        "2026-01-05",
        "--codebook",
        "1.1.0",
        *extra,
        project=project,
    )
    assert "wrote " in result.stderr, result.output
    return _yaml.loads((project / "observations" / "AZE" / "1992.yaml").read_text("utf-8"))


def test_seed_answers_header_and_footnotes(project, seeds, run_cli):
    """Thirteen answers, memo number, context, country-year, footnotes 1-19 by question."""
    data = _import(run_cli, project, seeds / SEED)
    book = Codebooks(project / "codebook").get("1.1.0")
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


def _fresh(project: Path) -> Path:
    """`project` with the repository's codebook and bibliography, and no observations."""
    shutil.copy(REPO / "observations" / "references.bib", project / "observations")
    return project


def test_seed_draft_findings_are_what_check_reports(project, seeds):
    """Imported into a fresh dataset, the seed is a draft, and the findings the importer
    prints on it are exactly those `cmr check` then prints."""
    _fresh(project)
    done = cmr_run(project, "import-memo", str(seeds / SEED), "--coded-on", "2026-01-05")
    assert done.returncode == 1
    assert "wrote observations/AZE/1992.yaml (a draft)" in done.stderr
    printed = [line for line in done.stdout.splitlines() if line.startswith("observations/")]
    checked = cmr_run(project, "check")
    assert checked.returncode == 1
    assert printed == checked.stdout.splitlines()[:-1] != []
    assert (
        _yaml.loads((project / "observations/AZE/1992.yaml").read_text("utf-8"))["status"]
        == "draft"
    )


def test_seed_passes_check_once_footnotes_are_mapped(project, seeds, tmp_path):
    """With every footnote mapped (with pages) and a memo entry the importer appends, the
    seed is written final and `cmr check` passes."""
    _fresh(project)
    csv = tmp_path / "footnotes.csv"
    csv.write_text(
        "footnote,key,pages\n" + "".join(f"{n},curtis1995,{n}\n" for n in range(1, 20)),
        encoding="utf-8",
    )
    done = cmr_run(
        project,
        "import-memo",
        str(seeds / SEED),
        "--coded-on",
        "2026-01-05",
        "--footnotes",
        str(csv),
        "--cite-memo",
        "legacy{memo}",
    )
    assert done.returncode == 0, done.stdout
    assert "added @misc{legacy201} to observations/references.bib" in done.stderr
    data = _yaml.loads((project / "observations/AZE/1992.yaml").read_text("utf-8"))
    assert "status" not in data
    assert data["answers"]["officer_party_member"]["citations"] == [
        {"key": "legacy201", "pages": "question 6"}
    ]
    assert cmr_run(project, "check").returncode == 0
