"""`cmr release`: checked, complete, byte-reproducible releases that never replace one."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from support import write_observation

from .conftest import release, valid_observation


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes, by relative path."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_release_writes_the_folder_and_the_zip(ready: Path) -> None:
    """A release holds the panel, the codebook, CITATION.cff, the changelog and checksums."""
    done = release(ready, "2.1.0", "--no-pdf")
    assert done.returncode == 0, done.stderr + done.stdout
    assert "released 2.1.0: dist/cmr-dataset-2.1.0.zip" in done.stdout
    folder = ready / "dist" / "cmr-dataset-2.1.0"
    files = tree(folder)
    for name in ("panel_wide.csv", "panel_long.parquet", "datapackage.json", "CHANGELOG.md"):
        assert name in files
    for name in ("1.0.0.yaml", "1.1.0.yaml", "1.2.0.yaml", "1.2.0.md", "1.2.0.html"):
        assert f"codebook/{name}" in files
    package = json.loads(files["datapackage.json"])
    assert package["version"] == "2.1.0" and package["licenses"][0]["name"] == "CC-BY-4.0"
    assert files["LICENSE-DATA"] == b"The data licence.\n"
    cff = files["CITATION.cff"].decode()
    assert "version: 2.1.0\n" in cff and "date-released: '2023-11-14'\n" in cff
    assert "authors:\n- family-names: Doe\n  given-names: Jane\n" in cff
    sums = files["SHA256SUMS"].decode().splitlines()
    assert sorted(line.split("  ")[1] for line in sums) == sorted(set(files) - {"SHA256SUMS"})
    for line in sums:
        digest, name = line.split("  ")
        assert hashlib.sha256(files[name]).hexdigest() == digest
    with zipfile.ZipFile(ready / "dist" / "cmr-dataset-2.1.0.zip") as archive:
        names = archive.namelist()
        assert names == sorted(names) == [f"cmr-dataset-2.1.0/{n}" for n in sorted(files)]
        assert all(archive.read(f"cmr-dataset-2.1.0/{n}") == files[n] for n in files)
        assert {i.date_time for i in archive.infolist()} == {(2023, 11, 14, 22, 13, 20)}
        assert {i.external_attr >> 16 for i in archive.infolist()} == {0o100644}
        assert {i.extra for i in archive.infolist()} == {b""}


def test_two_releases_of_the_same_data_are_byte_identical(ready: Path, tmp_path: Path) -> None:
    """Releasing the same data twice (into other folders) gives the same zip and checksums."""
    assert release(ready, "2.1.0", "--no-pdf", "--out", str(tmp_path / "a")).returncode == 0
    assert release(ready, "2.1.0", "--no-pdf", "--out", str(tmp_path / "b")).returncode == 0
    a, b = tmp_path / "a", tmp_path / "b"
    zip_a = (a / "cmr-dataset-2.1.0.zip").read_bytes()
    assert zip_a == (b / "cmr-dataset-2.1.0.zip").read_bytes()
    sums = "cmr-dataset-2.1.0/SHA256SUMS"
    assert (a / sums).read_bytes() == (b / sums).read_bytes()


def test_an_existing_release_is_never_replaced(ready: Path) -> None:
    """Releasing a version again is refused in one line (exit 2) and changes nothing."""
    assert release(ready, "2.1.0", "--no-pdf").returncode == 0
    zip_path = ready / "dist" / "cmr-dataset-2.1.0.zip"
    before = zip_path.read_bytes()
    (ready / "observations" / "AZE" / "1993.yaml").unlink()
    done = release(ready, "v2.1.0", "--no-pdf")
    assert done.returncode == 2
    assert "release 2.1.0 exists (dist/cmr-dataset-2.1.0)" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert zip_path.read_bytes() == before


@pytest.mark.parametrize("version", ["latest", "1.2.x", "", "1.0 beta"])
def test_a_malformed_version_is_refused(ready: Path, version: str) -> None:
    """A version that is neither PEP 440 nor semantic is a usage error; nothing is written."""
    done = release(ready, version, "--no-pdf")
    assert done.returncode == 2 and "is not a release version" in done.stderr
    assert not (ready / "dist").exists()


def test_an_error_stops_the_release_with_its_findings(ready: Path) -> None:
    """An observation with an error: the finding is printed, exit 1, nothing is written."""
    data = valid_observation(ready, year=1994)
    data["answers"]["coup_history"]["answer"] = "maybe"
    write_observation(ready, data)
    done = release(ready, "2.1.0", "--no-pdf")
    assert done.returncode == 1
    assert "observations/AZE/1994.yaml" in done.stdout and "answer-not-in-scale" in done.stdout
    assert not (ready / "dist").exists()  # not even the staging folder, nor dist itself


def test_drafts_are_refused_unless_allowed(ready: Path) -> None:
    """A draft stops the release (exit 2, one line) unless --allow-drafts leaves it out."""
    data = valid_observation(ready, year=1994, status="draft")
    write_observation(ready, data)
    done = release(ready, "2.1.0", "--no-pdf")
    assert done.returncode == 2 and "1 draft observation(s)" in done.stderr
    assert "--allow-drafts" in done.stderr
    assert not (ready / "dist" / "cmr-dataset-2.1.0.zip").exists()
    assert not (ready / "dist").exists()
    allowed = release(ready, "2.1.0", "--no-pdf", "--allow-drafts")
    assert allowed.returncode == 0, allowed.stderr
    assert "export-drafts" in allowed.stdout


def test_the_changelog_must_name_the_version(ready: Path) -> None:
    """A changelog without a heading for the version is a finding, exit 1, nothing written."""
    done = release(ready, "2.2.0", "--no-pdf")
    assert done.returncode == 1
    assert done.stdout.startswith("CHANGELOG.md:1:1: error release-changelog-missing")
    assert not (ready / "dist").exists()


CHROMIUM = os.environ.get("CMR_CHROMIUM") or "/usr/bin/chromium"


@pytest.mark.slow
@pytest.mark.skipif(not os.access(CHROMIUM, os.X_OK), reason=f"no Chromium at {CHROMIUM}")
def test_releases_with_the_pdf_are_byte_identical(ready: Path, tmp_path: Path) -> None:
    """With Chromium the release holds the codebook PDF, and two releases stay identical."""
    for name in ("a", "b"):
        done = release(ready, "2.1.0", "--out", str(tmp_path / name))
        assert done.returncode == 0, done.stderr
    pdf = tmp_path / "a" / "cmr-dataset-2.1.0" / "codebook" / "1.2.0.pdf"
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert b"/CreationDate (D:20231114221320" in pdf.read_bytes()
    zips = [(tmp_path / n / "cmr-dataset-2.1.0.zip").read_bytes() for n in ("a", "b")]
    assert zips[0] == zips[1]


def test_missing_chromium_stops_a_release_that_wants_the_pdf(ready: Path) -> None:
    """Without Chromium a release with the PDF is refused before any work (exit 2)."""
    env = {**os.environ, "CMR_CHROMIUM": str(ready / "none"), "SOURCE_DATE_EPOCH": ""}
    done = subprocess.run(
        [sys.executable, "-c", "from cmr.cli import main; main()", "release", "2.1.0"],
        cwd=ready,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 2 and "set CMR_CHROMIUM" in done.stderr and "--no-pdf" in done.stderr
    assert not (ready / "dist").exists()


def test_a_release_needs_authors(ready: Path) -> None:
    """Without authors (CITATION.cff requires them) the release is a finding, exit 1."""
    (ready / "cmr.toml").write_text('dataset_version = "2.1.0"\n', encoding="utf-8")
    done = release(ready, "2.1.0", "--no-pdf")
    assert done.returncode == 1
    assert done.stdout.startswith("CITATION.cff:1:1: error cite-authors-missing")
    assert not (ready / "dist").exists()
