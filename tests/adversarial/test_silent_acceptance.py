"""Inputs that `cmr check` used to pass without a word: each must now be a finding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from adversarial_support import (
    SEED_FINDING,
    TARGET,
    assert_unchanged,
    findings,
    run_cmr,
    snap,
    snapshot,
)

Q2_EVIDENCE = "    evidence: >-\n      Azerbaijan has had at least two successful military coups."


def line_of(text: str, needle: str) -> int:
    return next(i + 1 for i, ln in enumerate(text.splitlines()) if needle in ln)


def write(dataset: Path, text: str, rel: str = TARGET) -> Path:
    path = dataset / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("coded_on", "year"),
    [("1990-01-01", 1993), ("1993-06-30", 1993), ("1815-01-01", 1993)],
    ids=["years-before", "inside-the-year", "before-any-data"],
)
def test_coded_on_before_the_coded_year_ends(
    coded_on: str, year: int, dataset: Path, good_text: str
) -> None:
    """coded_on before the end of the coded (reference) year is a finding on coded_on."""
    text = good_text.replace("coded_on: 2026-11-22", f"coded_on: {coded_on}")
    write(dataset, text)
    before = snap(dataset)
    ran = run_cmr("check", TARGET, cwd=dataset)
    assert_unchanged(before, snap(dataset))
    line = line_of(text, "coded_on:")
    assert any(f["path"] == TARGET and int(f["line"]) == line for f in findings(ran)), ran.text


def test_coded_on_after_as_of_is_accepted(dataset: Path, good_text: str) -> None:
    """Control: with as_of 1993-06-30, a coded_on of 1993-07-01 is after the reference moment."""
    text = good_text.replace("coded_on: 2026-11-22", "coded_on: 2026-11-22\nas_of: 1993-06-30")
    write(dataset, text)
    ran = run_cmr("check", TARGET, cwd=dataset)
    assert not [f for f in findings(ran) if "coded_on" in f["message"]], ran.text


def test_coded_on_in_the_future(dataset: Path, good_text: str) -> None:
    """coded_on in the future is reported on its line."""
    text = good_text.replace("coded_on: 2026-11-22", "coded_on: 2999-01-01")
    write(dataset, text)
    ran = run_cmr("check", TARGET, cwd=dataset)
    line = line_of(text, "coded_on:")
    assert any(f["code"] == "coded-on-future" and int(f["line"]) == line for f in findings(ran)), (
        ran.text
    )


@pytest.mark.parametrize("as_of", ["1994-03-01", "1992-12-31", "0001-01-01", "9999-12-31"])
def test_as_of_outside_the_year(as_of: str, dataset: Path, good_text: str) -> None:
    """as_of outside the observation's year is an error on the as_of line."""
    text = good_text.replace("coded_on: 2026-11-22", f"coded_on: 2026-11-22\nas_of: {as_of}")
    write(dataset, text)
    ran = run_cmr("check", TARGET, cwd=dataset)
    assert ran.code == 1, ran.text
    line = line_of(text, "as_of:")
    assert any(
        f["code"] == "as-of-outside-year" and int(f["line"]) == line for f in findings(ran)
    ), ran.text


@pytest.mark.parametrize(
    "blank",
    ["'   '", '"\\t\\n  "', '"\\u00a0\\u2003\\u200b"', "|+\n\n\n", ">-\n      ."],
    ids=["spaces", "tab-newline", "unicode-spaces", "block-of-newlines", "one-dot"],
)
def test_blank_evidence_is_an_error(blank: str, dataset: Path, good_text: str) -> None:
    """Evidence that is only whitespace (or one dot) is an error, not merely a warning."""
    assert Q2_EVIDENCE in good_text
    rest = good_text.replace(
        Q2_EVIDENCE, f"    evidence: {blank}\n    note: >-\n      Azerbaijan has had", 1
    )
    write(dataset, rest)
    before = snap(dataset)
    ran = run_cmr("check", "--format", "json", TARGET, cwd=dataset)
    assert_unchanged(before, snap(dataset))
    assert ran.code == 1, ran.text
    data = json.loads(ran.out)
    assert any(
        f["severity"] == "error" and f["pointer"].startswith("answers.coup_history")
        for f in data["findings"]
    ), ran.text


MISNAMED = ["1993.YAML", "1993.Yaml", "1993.yml", "1994.yml"]
STRAY = ["1993.yml.bak", "1993.yaml~", ".1994.yaml", "1993.yaml.orig"]


@pytest.mark.parametrize("name", MISNAMED)
def test_misnamed_observation_beside_the_real_one_is_reported(
    name: str, dataset: Path, good_text: str
) -> None:
    """A copy with a near-miss suffix inside observations/ is a finding, not skipped."""
    write(dataset, good_text, f"observations/AZE/{name}")
    before = snap(dataset)
    ran = run_cmr("check", cwd=dataset)
    assert_unchanged(before, snap(dataset))
    assert ran.code == 1, ran.text
    assert any(f["path"] == f"observations/AZE/{name}" for f in findings(ran)), ran.text
    assert SEED_FINDING in ran.out


@pytest.mark.parametrize("name", STRAY)
def test_backup_copy_is_pointed_out(name: str, dataset: Path, good_text: str) -> None:
    """A backup or hidden copy among the observations is a `file-stray` warning: never read,
    never deleted, never silent."""
    write(dataset, good_text, f"observations/AZE/{name}")
    before = snap(dataset)
    ran = run_cmr("check", cwd=dataset)
    assert_unchanged(before, snap(dataset))
    assert ran.code == 0, ran.text
    found = [f for f in findings(ran) if f["path"] == f"observations/AZE/{name}"]
    assert [f["code"] for f in found] == ["file-stray"], ran.text


@pytest.mark.parametrize("name", [".1993.yaml.swp", "#1993.yaml#", "1993.yaml.orig", ".~lock.1993"])
def test_editor_litter_does_not_crash(name: str, dataset: Path) -> None:
    """Editor swap/lock/backup files (binary junk) beside observations do not crash a check."""
    path = dataset / "observations" / "AZE" / name
    path.write_bytes(b"b0VIM 9.0\x00\x00\xff\xfe" + bytes(range(256)))
    before = snap(dataset)
    ran = run_cmr("check", cwd=dataset)
    assert_unchanged(before, snap(dataset))
    assert ran.code in (0, 1), ran.text
    findings(ran)
    assert SEED_FINDING in ran.out


def test_dangling_country_folder_link_is_reported(dataset: Path) -> None:
    """observations/GEO, a link to nowhere, is a finding, not a silently skipped country."""
    (dataset / "observations" / "GEO").symlink_to(dataset / "gone")
    before = snap(dataset)
    ran = run_cmr("check", cwd=dataset)
    assert_unchanged(before, snap(dataset))
    assert ran.code == 1, ran.text
    assert any(f["path"].startswith("observations/GEO") for f in findings(ran)), ran.text


def test_country_folder_linked_outside_the_repo_is_reported(
    dataset: Path, tmp_path: Path, good_text: str
) -> None:
    """observations/GEO linked to a folder outside the dataset is checked or reported."""
    outside = tmp_path / "elsewhere" / "GEO"
    outside.mkdir(parents=True)
    (outside / "1993.yaml").write_text(good_text, encoding="utf-8")
    (dataset / "observations" / "GEO").symlink_to(outside)
    before, before_out = snap(dataset), snapshot(outside)
    ran = run_cmr("check", cwd=dataset)
    assert_unchanged(before, snap(dataset))
    assert_unchanged(before_out, snapshot(outside), allowed=())
    assert ran.code == 1, ran.text
    assert any(f["path"].startswith("observations/GEO") for f in findings(ran)), ran.text


def test_country_folder_that_is_a_file(dataset: Path) -> None:
    """observations/GEO as a plain file (not a folder) is pointed out, not skipped."""
    (dataset / "observations" / "GEO").write_text("codebook: 1.1.0\n", encoding="utf-8")
    ran = run_cmr("check", cwd=dataset)
    assert ran.code == 0, ran.text
    assert "file-stray" in [f["code"] for f in findings(ran)], ran.text
    assert any(f["path"].startswith("observations/GEO") for f in findings(ran)), ran.text


def test_bibliography_missing(dataset: Path) -> None:
    """A missing references.bib is an error naming it."""
    (dataset / "observations" / "references.bib").unlink()
    ran = run_cmr("check", cwd=dataset)
    assert ran.code == 1, ran.text
    assert "bibliography-missing" in [f["code"] for f in findings(ran)], ran.text


def test_bibliography_empty(dataset: Path) -> None:
    """An empty references.bib fails every citation and names the bibliography."""
    (dataset / "observations" / "references.bib").write_text("", encoding="utf-8")
    ran = run_cmr("check", cwd=dataset)
    assert ran.code == 1, ran.text
    found = findings(ran)
    assert "citation-unknown-key" in [f["code"] for f in found], ran.text
    assert any(f["path"].endswith("references.bib") for f in found), ran.text


def test_bibliography_broken_entry_is_located(dataset: Path) -> None:
    """An unterminated entry appended to references.bib is one finding on its line, no noise."""
    bib = dataset / "observations" / "references.bib"
    text = bib.read_text(encoding="utf-8").rstrip("\n") + "\n\n@book{broken2024,\n  title = {x\n"
    bib.write_text(text, encoding="utf-8")
    line = line_of(text, "@book{broken2024")
    before = snap(dataset)
    ran = run_cmr("check", cwd=dataset)
    assert_unchanged(before, snap(dataset))
    assert ran.code == 1, ran.text
    found = [f for f in findings(ran) if f["code"] == "bibliography-invalid"]
    assert found, ran.text
    assert all(f["path"] == "observations/references.bib" for f in found), ran.text
    assert any(int(f["line"]) == line for f in found), ran.text
    assert all(f["message"].rstrip().rstrip(":") != "cannot parse entry" for f in found)


def test_bibliography_not_bibtex(dataset: Path) -> None:
    """A references.bib holding binary junk is a located error, not a crash."""
    (dataset / "observations" / "references.bib").write_bytes(b"\x00\xff\xfe{{{@@@")
    ran = run_cmr("check", cwd=dataset)
    assert ran.code == 1, ran.text
    assert any(f["path"].endswith("references.bib") for f in findings(ran)), ran.text


def test_citation_key_case_differs(dataset: Path, good_text: str) -> None:
    """A key cited as Curtis1995 when the bib says curtis1995 is an unknown key with a hint."""
    text = good_text.replace("key: curtis1995", "key: Curtis1995", 1)
    write(dataset, text)
    ran = run_cmr("check", TARGET, cwd=dataset)
    assert ran.code == 1, ran.text
    line = line_of(text, "key: Curtis1995")
    hits = [f for f in findings(ran) if f["code"] == "citation-unknown-key"]
    assert any(int(f["line"]) == line and "curtis1995" in f["message"] for f in hits), ran.text


def test_unknown_answer_cited_with_unknown_key(dataset: Path, good_text: str) -> None:
    """Citations of a missing-code answer are checked against the bibliography too."""
    old = '      - key: kkwiki_aliyev\n        pages: "1993 (the Talysh-Mughan rebellion)"'
    assert old in good_text
    text = good_text.replace(old, old.replace("kkwiki_aliyev", "no_such_source"), 1)
    write(dataset, text)
    ran = run_cmr("check", TARGET, cwd=dataset)
    assert ran.code == 1, ran.text
    assert "citation-unknown-key" in [f["code"] for f in findings(ran)], ran.text
