"""Loading codebooks: the meta-schema, consistency, lookups and released versions."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from cmr import _yaml
from cmr.codebook import CodebookError, Codebooks, parse_codebook

REPO = Path(__file__).resolve().parents[1]
MANIFEST = REPO / "codebook" / "released.sha256"


def _released() -> list[Path]:
    return [
        p
        for p in sorted((REPO / "codebook").glob("*.yaml"))
        if _yaml.loads(p.read_text(encoding="utf-8")).get("status") == "released"
    ]


def test_every_version_loads():
    """Every codebook version in the repository loads and validates."""
    books = Codebooks(REPO / "codebook")
    assert books.versions
    for version in books.versions:
        book = books.get(version)
        assert book is not None and book.version == version
        assert len({q.variable for q in book.questions}) == len(book.questions)


@pytest.mark.parametrize("path", _released(), ids=lambda p: p.name)
def test_released_codebook_is_unchanged(path: Path):
    """A released codebook file matches the checksum recorded when it was released."""
    recorded = dict(
        reversed(line.split()) for line in MANIFEST.read_text().splitlines() if line.strip()
    )
    assert path.name in recorded, (
        f"{path.name} is released but not in {MANIFEST.name}; add its sha256sum line"
    )
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert digest == recorded[path.name], (
        f"released codebook {path.name} was edited; make a new version file instead"
    )


def test_lookup_by_variable_and_id():
    """Questions are found by variable name or by id, and both name the same question."""
    book = Codebooks(REPO / "codebook").latest
    first = book.questions[0]
    assert book.question(first.variable) is book.question(first.id)
    with pytest.raises(KeyError):
        book.question("no_such_variable")


def test_latest_is_highest_semantic_version(tmp_path: Path):
    """Versions sort numerically: 1.10.0 is later than 1.9.0."""
    source = (REPO / "codebook" / "1.0.0.yaml").read_text(encoding="utf-8")
    for version in ("1.9.0", "1.10.0"):
        (tmp_path / f"{version}.yaml").write_text(
            source.replace("version: 1.0.0", f"version: {version}"), encoding="utf-8"
        )
    assert Codebooks(tmp_path).versions == ["1.9.0", "1.10.0"]
    assert Codebooks(tmp_path).latest.version == "1.10.0"


def _data() -> dict:
    return _yaml.loads((REPO / "codebook" / "1.0.0.yaml").read_text(encoding="utf-8"))


def test_duplicate_variable_is_refused():
    """Two questions with one variable name make the codebook invalid."""
    data = _data()
    data["questions"][1]["variable"] = data["questions"][0]["variable"]
    with pytest.raises(CodebookError) as info:
        parse_codebook(data)
    assert [f.code for f in info.value.findings] == ["codebook-invalid"]
    assert "used twice" in info.value.findings[0].message


def test_meta_schema_errors_name_the_place():
    """A missing required field is reported with its path in the codebook."""
    data = _data()
    del data["questions"][2]["text"]
    with pytest.raises(CodebookError) as info:
        parse_codebook(data)
    assert info.value.findings[0].pointer == "questions.2"


def test_guidance_for_codes_off_the_scale_is_refused():
    """Guidance keyed by a code the scale lacks is a codebook error."""
    data = _data()
    data["questions"][0]["guidance"]["maybe"] = "text"
    with pytest.raises(CodebookError):
        parse_codebook(data)


def test_codebook_errors_point_at_their_line(tmp_path: Path):
    """A meta-schema error in a codebook file is reported at the offending line."""
    text = (REPO / "codebook" / "1.0.0.yaml").read_text(encoding="utf-8")
    broken = text.replace("  last_5_years:\n    years: 5\n", "  last_5_years:\n    years: 0\n")
    assert broken != text
    (tmp_path / "9.0.0.yaml").write_text(broken, encoding="utf-8")
    with pytest.raises(CodebookError) as info:
        Codebooks(tmp_path).get("9.0.0")
    line = broken.splitlines().index("    years: 0") + 1
    assert [(f.code, f.line) for f in info.value.findings] == [("codebook-invalid", line)]


def test_codebook_missing_a_required_section_says_so(tmp_path):
    """A codebook without a required section names it, at a path relative to the dataset."""
    from support import cmr_run, make_project

    project = make_project(tmp_path)
    text = (project / "codebook" / "1.1.0.yaml").read_text(encoding="utf-8")
    start, end = text.index("\nchanges:"), text.index("\nrules:")
    draft = (text[:start] + text[end:]).replace("version: 1.1.0", "version: 1.1.1", 1)
    (project / "codebook" / "1.1.1.yaml").write_text(
        draft.replace("status: released", "status: draft", 1), encoding="utf-8"
    )
    done = cmr_run(project, "check")
    assert done.returncode == 1
    assert (
        "codebook/1.1.1.yaml:1:1: error codebook-invalid the codebook: the required field "
        "'changes' is missing" in done.stdout
    )
    assert str(project) not in done.stdout
