"""The repository's codebook 1.2.0 against 1.1.0: the diff, the changelog, a migration.

Skipped until codebook/1.2.0.yaml exists.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from support import REPO, cmr_run, make_project

from cmr import _yaml
from cmr.codebook import Codebooks

pytestmark = pytest.mark.skipif(
    not (REPO / "codebook" / "1.2.0.yaml").is_file(), reason="codebook 1.2.0 not written yet"
)


def _observation_110(project: Path, code: str, year: int) -> Path:
    """A 1.1.0 observation answering every question `code` (with a note), cited."""
    book = Codebooks(project / "codebook").get("1.1.0")
    assert book is not None
    answers = {
        q.variable: {
            "answer": code,
            "confidence": "medium",
            "evidence": f"Evidence for {q.variable}: the sources describe it (1990-1993).",
            "citations": [{"key": "curtis1995", "pages": "120-121"}],
            "note": "Searched the country study.",
        }
        for q in book.questions
    }
    data = {
        "codebook": "1.1.0",
        "country": "Azerbaijan",
        "iso3c": "AZE",
        "cown": 373,
        "year": year,
        "coder": "tester",
        "coded_on": "2026-11-01",
        "answers": answers,
    }
    path = project / "observations" / "AZE" / f"{year}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def test_diff_lists_breaking_changes_all_in_the_changelog(repo: Path) -> None:
    """`cmr codebook diff 1.1.0 1.2.0` shows breaking changes, each named by the changelog."""
    done = cmr_run(repo, "codebook", "diff", "1.1.0", "1.2.0", "--format", "json")
    assert done.returncode == 0
    found = json.loads(done.stdout)
    assert found["summary"]["breaking"] > 0
    from cmr.versions import unlisted

    books = Codebooks(repo / "codebook")
    assert unlisted(books.get("1.1.0"), books.get("1.2.0")) == []  # type: ignore[arg-type]


@pytest.mark.parametrize("code", ["yes", "no", "unknown", "contested"])
def test_migration_to_120_loses_no_answer(tmp_path: Path, code: str) -> None:
    """A 1.1.0 file migrates to a 1.2.0 draft: every answer kept, each with a reason."""
    project = make_project(tmp_path, up_to=None)
    path = _observation_110(project, code, 1994)
    done = cmr_run(project, "migrate", "--to", "1.2.0")
    assert done.returncode == 0, done.stdout
    data = _yaml.loads(path.read_text(encoding="utf-8"))
    assert data["codebook"] == "1.2.0" and data["status"] == "draft"
    book = Codebooks(project / "codebook").get("1.2.0")
    assert book is not None
    assert set(data["answers"]) == set(book.variables)
    for answer in data["answers"].values():
        if answer.get("previous") is None:
            assert answer["answer"] is None  # a new question
            continue
        assert answer["previous"]["answer"] == code
        assert answer["previous"]["codebook"] == "1.1.0"
        assert answer["needs_review"].startswith("codebook 1.1.0 -> 1.2.0 changed ")


DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("name", ["AZE-1992-1.1.0.yaml", "AZE-1993-1.1.0.yaml"])
def test_seed_years_migrate_keeping_the_coders_text(tmp_path: Path, name: str) -> None:
    """The seed years as coded under 1.1.0 migrate to 1.2.0: every answer kept, and every
    line of the coder's text still there but for the version lines and recoded answers."""
    project = make_project(tmp_path, up_to=None)
    before = (DATA / name).read_text(encoding="utf-8")
    year = name.split("-")[1]
    path = project / "observations" / "AZE" / f"{year}.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(before, encoding="utf-8")
    done = cmr_run(project, "migrate", "--to", "1.2.0")
    assert done.returncode == 0, done.stdout
    after = path.read_text(encoding="utf-8")
    old, new = _yaml.loads(before)["answers"], _yaml.loads(after)["answers"]
    for variable, answer in old.items():
        assert new[variable]["previous"]["answer"] == answer["answer"]
        assert new[variable]["needs_review"]
    changed = {"codebook: 1.1.0", "    answer: unknown"}
    kept = [line for line in before.splitlines() if line not in changed]
    assert [line for line in kept[1:] if line not in after.splitlines()] == []
