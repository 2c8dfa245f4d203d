"""`cmr release` given hostile data: a changelog or CITATION.cff that cannot be used is a located
finding (exit 1) and nothing is written; drafts stay out of a release that allows them."""

from __future__ import annotations

import csv
import io
import os
import zipfile
from pathlib import Path

import pytest
from support import write_observation

from .conftest import release, valid_observation


def refused_with(done: object, *prefixes: str) -> None:
    """Exit 1, stdout exactly one finding line per prefix, in order; no traceback."""
    assert done.returncode == 1, done.stderr  # type: ignore[attr-defined]
    lines = done.stdout.splitlines()  # type: ignore[attr-defined]
    assert len(lines) == len(prefixes), lines
    assert all(line.startswith(p) for line, p in zip(lines, prefixes, strict=True)), lines


def _fifo(path: Path) -> None:
    os.mkfifo(path)


UNREADABLE = "error release-changelog-unreadable"
CHANGELOGS = {
    "missing": (None, "CHANGELOG.md:1:1: error release-changelog-unreadable"),
    "a folder": ("folder", "CHANGELOG.md:1:1: error release-changelog-unreadable"),
    "a fifo": ("fifo", "CHANGELOG.md:1:1: error release-changelog-unreadable"),
    "latin-1": (
        b"# C\n\n## 2.1.0\n\nd\xe9j\xe0\n",
        "CHANGELOG.md:5:1: error release-changelog-unr",
    ),
    "binary": (b"## 2.1.0\n\x00\x01\x02", "CHANGELOG.md:2:1: error release-changelog-unreadable"),
    "fenced": (b"# C\n\n```\n## 2.1.0\n```\n", "CHANGELOG.md:1:1: error release-changelog-missing"),
}


@pytest.mark.parametrize("case", sorted(CHANGELOGS))
def test_an_unusable_changelog_is_a_finding(ready: Path, case: str) -> None:
    """Missing, a folder, a FIFO (no hang), not UTF-8, binary, or naming the version only in a
    code block: one located finding, exit 1, nothing written."""
    content, prefix = CHANGELOGS[case]
    path = ready / "CHANGELOG.md"
    path.unlink()
    if content == "folder":
        path.mkdir()
    elif content == "fifo":
        _fifo(path)
    elif isinstance(content, bytes):
        path.write_bytes(content)
    refused_with(release(ready, "--no-pdf", "2.1.0"), prefix)
    assert not (ready / "dist").exists()


CFFS = {
    "malformed": ("cff-version: 1.2.0\ntitle: [unclosed\n", "CITATION.cff:2:8: error cff-invalid"),
    "a list": ("- a\n- b\n", "CITATION.cff:1:1: error cff-invalid"),
    "duplicate keys": (
        "cff-version: 1.2.0\nmessage: m\ntitle: A\ntitle: B\nauthors: [{name: X}]\n",
        "CITATION.cff:4:1: error cff-invalid",
    ),
    "huge": ("abstract: '" + "x" * (1 << 20) + "'\n", "CITATION.cff:1:1: error cff-invalid"),
    "bad doi": (
        "cff-version: 1.2.0\nmessage: m\ntitle: T\nauthors: [{name: X}]\n"
        "doi: https://doi.org/10.1/x\n",
        "CITATION.cff:5:6: error cff-invalid CITATION.cff: doi",
    ),
    "author as list": (
        "cff-version: 1.2.0\nmessage: m\ntitle: T\nauthors:\n  - family-names: [a, b]\n",
        "CITATION.cff:5:5: error cff-invalid CITATION.cff: authors[0]",
    ),
}


@pytest.mark.parametrize("case", sorted(CFFS))
def test_an_unusable_citation_file_stops_the_release(ready: Path, case: str) -> None:
    """Malformed YAML, not a mapping, duplicate keys, over 1 MiB, or not CFF 1.2.0: a finding
    at its line, exit 1, nothing written."""
    text, prefix = CFFS[case]
    (ready / "CITATION.cff").write_text(text, encoding="utf-8")
    refused_with(release(ready, "--no-pdf", "2.1.0"), prefix)
    assert not (ready / "dist").exists()


def test_a_citation_file_that_is_no_file_is_a_finding(ready: Path) -> None:
    """A folder named CITATION.cff is not silently skipped."""
    (ready / "CITATION.cff").mkdir()
    done = release(ready, "--no-pdf", "2.1.0")
    refused_with(done, "CITATION.cff:1:1: error cff-invalid CITATION.cff: it is not a regular file")


def test_drafts_allowed_stay_out_of_the_released_panel(ready: Path) -> None:
    """With --allow-drafts the release is made, and the draft's country-year is in no table."""
    write_observation(ready, valid_observation(ready, year=1994, status="draft"))
    done = release(ready, "--no-pdf", "--allow-drafts", "2.1.0")
    assert done.returncode == 0, done.stderr
    assert "warning export-drafts" in done.stdout
    with zipfile.ZipFile(ready / "dist" / "cmr-dataset-2.1.0.zip") as archive:
        for table in ("panel_wide.csv", "panel_long.csv", "codings.csv"):
            text = archive.read(f"cmr-dataset-2.1.0/{table}").decode("utf-8")
            years = {row["year"] for row in csv.DictReader(io.StringIO(text))}
            assert years == {"1993"}, (table, years)
