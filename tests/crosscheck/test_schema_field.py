"""`external_checks` is a field of every observation schema, checked by `cmr check`."""

from __future__ import annotations

import pytest
from events_support import events_project, write
from support import REPO

from cmr.codebook import Codebooks
from cmr.schema import observation_schema

ENTRY = {"source": "powell-thyne", "date": "1993-06", "reason": "The coder's sources differ."}


@pytest.mark.parametrize("version", Codebooks(REPO / "codebook").versions)
def test_every_codebook_version_has_the_field(version: str) -> None:
    """Each released codebook's schema allows `external_checks` with source and reason."""
    book = Codebooks(REPO / "codebook").get(version)
    assert book is not None
    field = observation_schema(book)["properties"]["external_checks"]
    assert field["items"]["required"] == ["source", "reason"]


def test_cmr_check_accepts_an_entry_and_refuses_a_misspelt_key(tmp_path, run_cli) -> None:
    """A well-formed entry passes `cmr check`; `resaon` is reported at its line."""
    project = events_project(tmp_path)
    write(project, external_checks=[ENTRY])
    assert run_cli("check", project=project).exit_code == 0
    write(project, external_checks=[{**ENTRY, "resaon": "typo"}])
    done = run_cli("check", project=project)
    assert done.exit_code == 1
    assert "1993.yaml:12:3: error field-unknown unknown field 'resaon'" in done.output
