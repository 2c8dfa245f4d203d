"""The generated observation schema: committed, fresh, valid, and helpful in editors."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from cmr.codebook import Codebooks
from cmr.schema import observation_schema, render_schema, schema_path

REPO = Path(__file__).resolve().parents[1]
BOOKS = Codebooks(REPO / "codebook")


@pytest.mark.parametrize("version", BOOKS.versions)
def test_committed_schema_is_fresh(version: str):
    """Regenerating the schema from the codebook gives the committed file byte for byte."""
    book = BOOKS.get(version)
    assert book is not None
    path = schema_path(REPO / "codebook", version)
    assert path.exists(), f"run `cmr codebook schema` to create {path}"
    assert path.read_text(encoding="utf-8") == render_schema(book), (
        f"{path.name} is stale: run `cmr codebook schema`"
    )


@pytest.mark.parametrize("version", BOOKS.versions)
def test_schema_is_valid_draft_2020_12(version: str):
    """The generated schema is itself a valid JSON Schema."""
    book = BOOKS.get(version)
    assert book is not None
    jsonschema.Draft202012Validator.check_schema(observation_schema(book))


def test_descriptions_carry_question_text_and_guidance():
    """Each answer's schema describes the question and its guidance, for editor hover."""
    book = BOOKS.latest
    answers = observation_schema(book)["properties"]["answers"]["properties"]
    for q in book.questions:
        description = answers[q.variable]["description"]
        assert q.text in description
        assert " ".join(str(q.guidance["summary"]).split())[:40] in " ".join(description.split())
        assert answers[q.variable]["properties"]["answer"]["enum"] == list(q.scale.codes)


def test_schema_check_command_detects_staleness(project: Path, run_cli):
    """`cmr codebook schema --check` exits 1 on a stale schema and 0 after regenerating."""
    stale = schema_path(project / "codebook", "1.0.0")
    stale.write_text("{}\n")
    assert run_cli("codebook", "schema", "--check", project=project).exit_code == 1
    assert stale.read_text() == "{}\n"
    assert run_cli("codebook", "schema", project=project).exit_code == 0
    assert run_cli("codebook", "schema", "--check", project=project).exit_code == 0
    assert json.loads(stale.read_text())["properties"]["codebook"]["const"] == "1.0.0"
