"""The result cache: unchanged files are not read again, and nothing stale is ever reported."""

from __future__ import annotations

import json
import os

from cmr.checking import check
from cmr.project import Project


def _codes(project):
    return check(project=Project.find(project)).result.flatten(("code", "line"))


def _count_reads(monkeypatch):
    """The paths `cmr.observation.read_text` reads from now on (a list that fills up)."""
    import cmr.observation as observation

    read = []
    original = observation.read_text
    monkeypatch.setattr(
        observation,
        "read_text",
        lambda p, out, root=None: read.append(p) or original(p, out, root),
    )
    return read


def test_second_run_reads_only_changed_files(project, make_observation, monkeypatch):
    """A repeated check reuses cached outcomes and re-reads exactly the edited file."""
    first = make_observation(year=1992)
    second = make_observation(year=1993)
    assert _codes(project) == []
    cache = json.loads((project / ".cmr_cache" / "check.json").read_text())
    assert len(cache["files"]) == 2
    second.write_text(second.read_text().replace("cown: 373", "cown: 999"))
    read = _count_reads(monkeypatch)
    assert _codes(project) == [("country-code-mismatch", 4)]
    assert [str(p) for p in read] == [str(second)]
    assert first.exists()


def test_cached_findings_are_reported_again(project, make_observation):
    """Findings of an unchanged file come back from the cache, identical."""
    path = make_observation()
    path.write_text(path.read_text().replace("answer: 'no'", "answer: nope", 1))
    one = check(project=Project.find(project)).result.to_dict()
    two = check(project=Project.find(project)).result.to_dict()
    assert one == two and one["summary"]["errors"] == 1


def test_codebook_change_invalidates(project, make_observation):
    """Editing the codebook discards every cached outcome."""
    make_observation()
    assert _codes(project) == []
    book = sorted((project / "codebook").glob("*.yaml"))[-1]
    book.write_text(book.read_text().replace("min_year: 1816", "min_year: 1995"))
    assert ("value-invalid", 5) in _codes(project)


def test_cache_can_be_turned_off(project, make_observation, run_cli, monkeypatch):
    """--no-cache and CMR_NO_CACHE=1 neither read nor write the cache."""
    make_observation()
    assert run_cli("check", "--no-cache", project=project).exit_code == 0
    assert not (project / ".cmr_cache").exists()
    monkeypatch.setenv("CMR_NO_CACHE", "1")
    assert run_cli("check", project=project).exit_code == 0
    assert not (project / ".cmr_cache").exists()


def test_corrupt_cache_is_ignored(project, make_observation):
    """A damaged cache file is discarded with one warning and rewritten, never a traceback."""
    make_observation()
    (project / ".cmr_cache").mkdir()
    (project / ".cmr_cache" / "check.json").write_text("{not json")
    assert _codes(project) == [("cache-discarded", 1)]
    assert _codes(project) == []
    assert json.loads((project / ".cmr_cache" / "check.json").read_text())["files"]
    assert (project / ".cmr_cache" / ".gitignore").read_text().endswith("*\n")
    assert sorted(os.listdir(project / ".cmr_cache")) == [
        ".gitignore",
        "bibliography.json",
        "check.json",
    ]


def test_bibliography_parse_is_cached_and_invalidated(project, make_observation, monkeypatch):
    """An unchanged bibliography is not parsed again; an edited one is."""
    import cmr.bibliography as bibliography

    make_observation()
    assert _codes(project) == []
    calls = []
    original = bibliography.load_bibliography
    monkeypatch.setattr(
        bibliography, "load_bibliography", lambda path: calls.append(path) or original(path)
    )
    assert _codes(project) == []
    assert calls == []
    bib = project / "observations" / "references.bib"
    bib.write_text(bib.read_text().replace("curtis1995", "curtis1996"))
    assert [c for c, _ in _codes(project)] == ["citation-unknown-key"] * 13
    assert len(calls) == 1


def test_one_file_check_keeps_the_other_entries(project, make_observation, monkeypatch):
    """Checking one file does not evict the other files' cached results."""
    make_observation(year=1992)
    make_observation(year=1993)
    other = make_observation(iso3c="ARM", country="Armenia", cown=371, year=1994)
    assert _codes(project) == []
    check([other], project=Project.find(project))
    read = _count_reads(monkeypatch)
    assert _codes(project) == []
    assert read == []
