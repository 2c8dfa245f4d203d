"""Licences and CITATION.cff: the code is MIT, the data CC-BY-4.0, and every file says so."""

from __future__ import annotations

import hashlib
import json
import tomllib
from pathlib import Path

import jsonschema
import pytest
import yaml
from support import REPO, cmr_run

from cmr.codebook import Codebooks
from cmr.project import Project
from cmr.publish._cff import cff_data
from cmr.publish._citation import citable

SCHEMA = json.loads((Path(__file__).parent / "cff-1.2.0.schema.json").read_text("utf-8"))
CC_BY_SHA256 = "fd3a263fe19ed8faa9068b43abaebafc02c77897b0c6fc09abc04bb592e5f16e"


def cff_errors(text: str) -> list[str]:
    """The CFF 1.2.0 schema's complaints about `text` (YAML)."""
    validator = jsonschema.Draft7Validator(SCHEMA)
    return [e.message for e in validator.iter_errors(yaml.safe_load(text))]


def test_repository_citation_file_is_valid_cff() -> None:
    """The repository's CITATION.cff validates against the CFF 1.2.0 schema."""
    assert cff_errors((REPO / "CITATION.cff").read_text("utf-8")) == []


def test_schema_copy_is_the_published_schema() -> None:
    """The schema copies (the tests' and the one cmr ships) are the CFF 1.2.0 schema (see
    PROVENANCE.md)."""
    raw = (Path(__file__).parent / "cff-1.2.0.schema.json").read_bytes()
    assert hashlib.sha256(raw).hexdigest().startswith("0b8d22140da702d7")
    assert SCHEMA["$id"] == "https://citation-file-format.github.io/1.2.0/schema.json"
    shipped = REPO / "src" / "cmr" / "publish" / "templates" / "cff-1.2.0.schema.json"
    assert shipped.read_bytes() == raw  # the copy cmr checks CITATION.cff files against


@pytest.mark.parametrize("extra", ["", '[release]\nauthors = ["Doe, Jane", "A Lab"]\n'])
def test_printed_cff_is_valid(dataset: Path, extra: str) -> None:
    """`cmr cite --format cff` prints valid CFF, and refuses a dataset without authors."""
    (dataset / "cmr.toml").write_text(f'dataset_version = "2.1.0"\n{extra}', encoding="utf-8")
    done = cmr_run(dataset, "cite", "--format", "cff")
    if not extra:  # CFF requires authors: without any, a finding says where to add them
        assert done.returncode == 1
        assert done.stdout.startswith("CITATION.cff:1:1: error cite-authors-missing")
        return
    out = done.stdout
    assert cff_errors(out) == []
    data = yaml.safe_load(out)
    assert data["version"] == "2.1.0" and data["references"][0]["doi"].startswith("10.1177/")


def test_the_origin_in_citation_cff_is_the_bibliographys() -> None:
    """The reference in CITATION.cff is the codebook's origin as the bibliography holds it."""
    committed = yaml.safe_load((REPO / "CITATION.cff").read_text("utf-8"))
    meta, origin = citable(Project.find(REPO))
    printed = cff_data(meta, origin)
    assert committed["references"] == printed["references"]
    for field in ("title", "authors", "license", "keywords"):  # carried into each release
        assert committed[field] == printed[field]


def test_code_and_data_licences_agree() -> None:
    """pyproject says MIT with LICENSE; the codebook, CITATION.cff and LICENSE-DATA say
    CC-BY-4.0, and LICENSE-DATA is its legal code."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    assert project["license"] == "MIT" and project["license-files"] == ["LICENSE"]
    assert (REPO / "LICENSE").read_text("utf-8").startswith("MIT License\n\nCopyright (c) ")
    book = Codebooks(REPO / "codebook").latest
    cff = yaml.safe_load((REPO / "CITATION.cff").read_text("utf-8"))
    assert book.raw["license"] == cff["license"] == "CC-BY-4.0"
    data = (REPO / "LICENSE-DATA").read_bytes()
    assert hashlib.sha256(data).hexdigest() == CC_BY_SHA256
    assert b"Creative Commons Attribution 4.0 International Public License" in data
