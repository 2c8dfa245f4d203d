"""Editor setup: VS Code maps the latest schema onto observation files without a modeline."""

from __future__ import annotations

import fnmatch
import json
from pathlib import Path

from support import REPO, cmr_run, make_project

from cmr.codebook import Codebooks
from cmr.schema import LATEST_SCHEMA, render_schema


def test_vscode_settings_map_the_latest_schema_onto_observations() -> None:
    """.vscode/settings.json names a committed schema that is the latest version's."""
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text())
    ((schema, globs),) = settings["yaml.schemas"].items()
    path = REPO / schema
    assert path.name == LATEST_SCHEMA
    books = Codebooks(REPO / "codebook")
    assert path.read_text(encoding="utf-8") == render_schema(books.latest)
    assert any(fnmatch.fnmatch("observations/AZE/1993.yaml", g.replace("**/", "*/")) for g in globs)
    assert any(
        fnmatch.fnmatch("observations/AZE/1993/jdoe.yaml", g.replace("**/", "*/")) for g in globs
    )


def test_codebook_schema_writes_the_latest_alias(tmp_path: Path) -> None:
    """`cmr codebook schema` keeps observation.schema.json equal to the latest version's."""
    project = make_project(tmp_path)
    alias = project / "codebook" / "schema" / LATEST_SCHEMA
    alias.unlink(missing_ok=True)
    assert cmr_run(project, "codebook", "schema", "--check").returncode == 1
    assert cmr_run(project, "codebook", "schema").returncode == 0
    latest = Codebooks(project / "codebook").latest.version
    versioned = project / "codebook" / "schema" / f"observation-{latest}.schema.json"
    assert alias.read_bytes() == versioned.read_bytes()
