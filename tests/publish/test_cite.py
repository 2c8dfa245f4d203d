"""`cmr cite`: the dataset version and the data set it descends from, in four formats."""

from __future__ import annotations

import re
from pathlib import Path

import bibtexparser
from support import cmr_run


def test_text_names_version_and_origin(dataset: Path) -> None:
    """The text citation names the dataset's title and version, then the origin article."""
    out = cmr_run(dataset, "cite").stdout
    assert "Civil–military relations in autocracies and transitional regimes (Version 2.1.0)" in out
    assert (
        "Narang, V., & Talmadge, C. (2018). Civil-military Pathologies and Defeat in War: Tests "
        "Using New Data. Journal of Conflict Resolution, 62(7), 1379–1405. "
        "https://doi.org/10.1177/0022002716684627"
    ) in out


def test_origin_comes_from_the_bibliography(dataset: Path) -> None:
    """The origin's fields are read from the bibliography: a corrected title shows at once."""
    bib = dataset / "observations" / "references.bib"
    text = bib.read_text(encoding="utf-8")
    bib.write_text(text.replace("Tests Using New Data", "Tests Using Newer Data"), "utf-8")
    assert "Tests Using Newer Data." in cmr_run(dataset, "cite").stdout


def test_origin_follows_the_codebooks_lineage(dataset: Path) -> None:
    """A codebook whose lineage names another entry is cited with that entry as its origin."""
    book = dataset / "codebook" / "1.2.0.yaml"
    book.write_text(book.read_text("utf-8").replace("origin: narang2018", "origin: curtis1995"))
    out = cmr_run(dataset, "cite").stdout
    assert "Curtis, G. E. (1995). Armenia, Azerbaijan, and Georgia: Country Studies." in out
    assert "Narang" not in out


def test_origin_missing_from_the_bibliography_is_a_finding(dataset: Path) -> None:
    """An origin key the bibliography lacks is a located error, exit 1, and no citation."""
    book = dataset / "codebook" / "1.2.0.yaml"
    text = book.read_text("utf-8").replace("origin: narang2018", "origin: nosuch2020")
    book.write_text(text, "utf-8")
    line = text.splitlines().index("  origin: nosuch2020") + 1
    done = cmr_run(dataset, "cite", "--format", "bibtex")
    assert done.returncode == 1
    assert done.stdout.startswith(f"codebook/1.2.0.yaml:{line}:1: error cite-origin-unknown")
    assert "@misc" not in done.stdout


def test_bibtex_parses_into_the_dataset_and_its_origin(dataset: Path) -> None:
    """The BibTeX output parses into two entries: the dataset version and the origin."""
    out = cmr_run(dataset, "cite", "--format", "bibtex").stdout
    library = bibtexparser.parse_string(out)
    assert not library.failed_blocks
    assert [e.key for e in library.entries] == ["cmr-civmil-2.1.0", "narang2018"]
    first = {f.key: f.value for f in library.entries[0].fields}
    assert first["version"] == "2.1.0" and first["note"] == "Licence: CC-BY-4.0"
    origin = {f.key: f.value for f in library.entries[1].fields}
    assert origin["doi"] == "10.1177/0022002716684627" and "note" not in origin


def test_ris_holds_two_complete_records(dataset: Path) -> None:
    """The RIS output is two records, each opened by TY and closed by ER."""
    out = cmr_run(dataset, "cite", "--format", "ris").stdout
    tags = re.findall(r"(?m)^([A-Z][A-Z0-9])  -", out)
    assert tags.count("TY") == 2 and tags.count("ER") == 2
    assert tags[0] == "TY" and tags[-1] == "ER"
    assert "TY  - DATA\n" in out and "TY  - JOUR\n" in out and "ET  - 2.1.0\n" in out


def test_citation_file_sets_title_and_authors(dataset: Path) -> None:
    """A CITATION.cff at the dataset's root gives the title and authors of every format."""
    (dataset / "CITATION.cff").write_text(
        "cff-version: 1.2.0\nmessage: cite it\ntitle: Another Title\nauthors:\n"
        "  - family-names: Doe\n    given-names: Jane Ann\n  - name: A Lab\n",
        encoding="utf-8",
    )
    assert (
        "Doe, J. A., & A Lab (n.d.). Another Title (Version 2.1.0)"
        in cmr_run(dataset, "cite").stdout
    )
    bib = cmr_run(dataset, "cite", "--format", "bibtex").stdout
    assert "author       = {Doe, Jane Ann and {A Lab}}," in bib


def test_unusable_citation_file_is_a_finding(dataset: Path) -> None:
    """A CITATION.cff without authors is an error finding naming the file, exit 1."""
    (dataset / "CITATION.cff").write_text("cff-version: 1.2.0\ntitle: T\n", encoding="utf-8")
    done = cmr_run(dataset, "cite")
    assert done.returncode == 1
    assert done.stdout.startswith("CITATION.cff:1:1: error cff-invalid")


def test_release_settings_give_authors_and_addresses(dataset: Path) -> None:
    """The `release` settings table supplies authors, repository and DOI."""
    (dataset / "cmr.toml").write_text(
        'dataset_version = "2.1.0"\n[release]\nauthors = ["Doe, Jane", "A Lab"]\n'
        'repository = "https://example.org/data"\ndoi = "10.1234/abc"\n',
        encoding="utf-8",
    )
    out = cmr_run(dataset, "cite").stdout
    assert "Doe, J., & A Lab (n.d.)." in out
    assert "[Data set]. https://example.org/data. https://doi.org/10.1234/abc Licence" in out


def test_bad_release_settings_are_a_usage_error(dataset: Path) -> None:
    """An unknown key in the `release` table is one line on stderr, exit 2."""
    (dataset / "cmr.toml").write_text('[release]\nauthor = ["Doe"]\n', encoding="utf-8")
    done = cmr_run(dataset, "cite")
    assert done.returncode == 2
    assert "unknown key release.author (did you mean 'authors'?)" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
