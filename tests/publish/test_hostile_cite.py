"""`cmr cite` given hostile metadata: every format stays valid (BibTeX parses, RIS records are
whole, CFF meets the CFF 1.2.0 schema, text is one line), or a located finding says what cannot
be cited and why."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import bibtexparser
import pytest
import yaml
from support import REPO, cmr_run

from .test_licences import cff_errors

HOSTILE_CFF = """\
cff-version: 1.2.0
message: Cite it.
title: "A {weird} title } with \\\\ back & 50% #1 @misc{x,\\n on two lines"
authors:
  - family-names: "O'Brien }, Jr"
    given-names: "An{na"
  - name: "Lab and Co"
  - family-names: "Smith and Wesson"
license: CC-BY-4.0
url: "https://example.org/a%20b"
"""
RIS_LINE = re.compile(r"[A-Z][A-Z0-9]  - .*")


def all_formats(root: Path) -> dict[str, str]:
    """The output of `cmr cite` in each format, each exit 0."""
    out = {}
    for fmt in ("text", "bibtex", "ris", "cff"):
        done = cmr_run(root, "cite", "--format", fmt)
        assert done.returncode == 0, (fmt, done.stdout, done.stderr)
        out[fmt] = done.stdout
    return out


def assert_valid(out: dict[str, str], entries: int) -> list[dict[str, str]]:
    """BibTeX parses into `entries` entries; RIS is `entries` whole records of tagged lines;
    CFF meets the schema; the text citation is one line. Returns the BibTeX entries' fields."""
    library = bibtexparser.parse_string(out["bibtex"])
    assert not library.failed_blocks and len(library.entries) == entries
    lines = out["ris"].splitlines()
    assert all(RIS_LINE.fullmatch(line) or line == "ER  -" for line in lines), lines
    assert [ln[:2] for ln in lines].count("TY") == lines.count("ER  -") == entries
    assert lines[0].startswith("TY  - ") and lines[-1] == "ER  -"
    assert cff_errors(out["cff"]) == []
    paragraph = out["text"].split("\n\n")[1]
    assert paragraph.startswith("  ") and paragraph.count("\n") <= 1
    return [{f.key: f.value for f in e.fields} for e in library.entries]


def test_hostile_characters_stay_valid_in_every_format(dataset: Path) -> None:
    """Braces, a backslash, LaTeX specials, a line break and `and` in names: four valid
    outputs, with three authors in BibTeX and the address unescaped."""
    (dataset / "CITATION.cff").write_text(HOSTILE_CFF, encoding="utf-8")
    out = all_formats(dataset)
    first = assert_valid(out, 2)[0]
    names = re.split(r"\s+and\s+(?![^{]*})", first["author"])
    assert len(names) == 3, names
    assert first["url"] == "https://example.org/a%20b"
    assert "two lines" in first["title"] and "\n" not in first["title"]
    assert yaml.safe_load(out["cff"])["authors"][2] == {"family-names": "Smith and Wesson"}


def test_a_codebook_without_lineage_is_cited_alone(dataset: Path) -> None:
    """No `lineage`: one BibTeX entry, one RIS record, a CFF without references."""
    book = dataset / "codebook" / "1.2.0.yaml"
    text = book.read_text("utf-8")
    start = text.index("\nlineage:")
    end = re.search(r"\n\S", text[start + 1 :])
    book.write_text(text[:start] + text[start + 1 + end.start() :] if end else text[:start])
    (dataset / "CITATION.cff").write_text(HOSTILE_CFF, encoding="utf-8")
    out = all_formats(dataset)
    assert_valid(out, 1)
    assert "references" not in yaml.safe_load(out["cff"])
    assert "descends from" not in out["text"]


def test_a_second_codebook_is_cited_in_every_format(tmp_path: Path) -> None:
    """Another codebook, other names, no lineage, authors from the settings: valid outputs
    keyed by its own name."""
    sys.path.insert(0, str(REPO / "tests"))
    from test_second_codebook import _second_project

    root = _second_project(tmp_path)
    (root / "cmr.toml").write_text('dataset_version = "0.1.0"\n[release]\nauthors = ["Roe, Ann"]\n')
    out = all_formats(root)
    assert_valid(out, 1)
    assert out["bibtex"].startswith("@misc{police-reform-0.1.0,")


def test_a_licence_cff_does_not_know_is_located_in_the_codebook(dataset: Path) -> None:
    """A codebook licence that is not an SPDX id: `--format cff` is a finding at the codebook's
    `license:` line (exit 1); the text citation still prints it."""
    (dataset / "cmr.toml").write_text('dataset_version = "2.1.0"\n[release]\nauthors = ["Doe"]\n')
    book = dataset / "codebook" / "1.2.0.yaml"
    text = book.read_text("utf-8").replace("license: CC-BY-4.0", "license: CC BY 4.0 (see site)")
    book.write_text(text, encoding="utf-8")
    line = text.splitlines().index("license: CC BY 4.0 (see site)") + 1
    done = cmr_run(dataset, "cite", "--format", "cff")
    assert done.returncode == 1
    assert done.stdout.startswith(f"codebook/1.2.0.yaml:{line}:1: error cite-field-invalid")
    assert "Licence: CC BY 4.0 (see site)." in cmr_run(dataset, "cite").stdout


def test_an_origin_cff_cannot_hold_is_located_in_the_bibliography(dataset: Path) -> None:
    """The origin's DOI written as a link is made a DOI; an address that is not one is a
    finding at its line in the bibliography."""
    (dataset / "cmr.toml").write_text('dataset_version = "2.1.0"\n[release]\nauthors = ["Doe"]\n')
    bib = dataset / "observations" / "references.bib"
    doi = "  doi       = {10.1177/0022002716684627},\n"
    text = bib.read_text("utf-8")
    bib.write_text(text.replace(doi, doi.replace("{10", "{https://doi.org/10")), "utf-8")
    cff = yaml.safe_load(cmr_run(dataset, "cite", "--format", "cff").stdout)
    assert cff["references"][0]["doi"] == "10.1177/0022002716684627"
    text = text.replace(doi, doi + "  url       = {www.example.org/article},\n")
    bib.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  url       = {www.example.org/article},") + 1
    done = cmr_run(dataset, "cite", "--format", "cff")
    assert done.returncode == 1
    expected = f"observations/references.bib:{line}:1: error cite-field-invalid references[0].url"
    assert done.stdout.startswith(expected), done.stdout


@pytest.mark.parametrize(
    ("setting", "said"),
    [
        ('doi = "https://doi.org/10.1/x"', "release.doi"),
        ('url = "example.org"', "release.url"),
        ('authors = [", Ann"]', "release.authors"),
    ],
)
def test_settings_cff_cannot_hold_are_a_usage_error(dataset: Path, setting: str, said: str) -> None:
    """A DOI, address or author in the `release` settings that CFF cannot hold: one line."""
    (dataset / "cmr.toml").write_text(
        f'[release]\nauthors = ["Doe"]\n{setting}\n'.replace(
            'authors = ["Doe"]\nauthors', "authors"
        )
    )
    done = cmr_run(dataset, "cite")
    assert done.returncode == 2 and said in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_a_bibliography_that_cannot_give_the_origin_says_why(dataset: Path) -> None:
    """A missing bibliography is named as missing; an unreadable one gives its own finding
    before the origin's; exit 1 either way."""
    bib = dataset / "observations" / "references.bib"
    bib.write_bytes(b"@misc{x, title = {caf\xe9}}\n")
    done = cmr_run(dataset, "cite")
    assert done.returncode == 1
    first, second = done.stdout.splitlines()
    assert first.endswith(
        "error file-encoding file is not valid UTF-8 (byte 0xe9); save it as UTF-8"
    )
    assert "error cite-origin-unknown" in second
    bib.unlink()
    done = cmr_run(dataset, "cite", "--format", "ris")
    assert done.returncode == 1 and "references.bib, which does not exist" in done.stdout


CARRYING_CFF = """\
cff-version: 1.2.0
message: m
title: T
authors: [{name: X}]
identifiers: [{type: doi, value: 10.5281/zenodo.1234}]
contact: [{name: Data desk, email: data@example.org}]
references:
  - {type: article, title: "Civil-military Pathologies and Defeat in War: Tests Using New Data",
     authors: [{family-names: Narang}]}
  - {type: book, title: Another book, authors: [{name: Someone}]}
"""


def test_the_citation_files_own_fields_are_carried(dataset: Path) -> None:
    """Identifiers, contact and references of the dataset's CITATION.cff are kept in the CFF
    cmr writes, the origin listed once, and the result is valid."""
    (dataset / "CITATION.cff").write_text(CARRYING_CFF, encoding="utf-8")
    done = cmr_run(dataset, "cite", "--format", "cff")
    assert done.returncode == 0, done.stdout
    assert cff_errors(done.stdout) == []
    data = yaml.safe_load(done.stdout)
    assert [r["title"] for r in data["references"]] == [
        "Civil-military Pathologies and Defeat in War: Tests Using New Data",
        "Another book",
    ]
    assert data["identifiers"] == [{"type": "doi", "value": "10.5281/zenodo.1234"}]
    assert data["contact"] == [{"name": "Data desk", "email": "data@example.org"}]
