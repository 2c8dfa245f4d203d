"""The datapackage says, per variable, from which codebook version its values compare."""

from __future__ import annotations

import json
from pathlib import Path

from support import cmr_run, make_project, observation_data, write_observation


def test_panel_carries_comparable_since_per_variable(tmp_path: Path) -> None:
    """1.1.0 changed no question of 1.0.0: every variable compares from 1.0.0 on."""
    project = make_project(tmp_path / "ds")
    write_observation(project, observation_data(project, year=1990, codebook="1.0.0"))
    write_observation(project, observation_data(project, year=1991))
    done = cmr_run(project, "export", "--out", str(tmp_path / "out"))
    assert done.returncode == 0, done.stdout + done.stderr
    package = json.loads((tmp_path / "out" / "datapackage.json").read_text())
    since = package["cmr"]["comparable_since"]
    variables = list(observation_data(project)["answers"])
    assert since == dict.fromkeys(variables, "1.0.0")


def test_a_breaking_change_restarts_comparability(tmp_path: Path) -> None:
    """A version that changes one question's scale makes that variable compare only from it."""
    project = make_project(tmp_path / "ds")
    book = project / "codebook"
    text = (book / "1.1.0.yaml").read_text(encoding="utf-8")
    first = text.index("  - id: Q1\n")
    changed = text[:first] + text[first:].replace(
        "    text: Did the current regime come to power in a military coup?",
        "    text: Did the current regime come to power in a coup of any kind?",
        1,
    )
    changed = changed.replace("version: 1.1.0", "version: 1.1.1", 1).replace(
        "status: released", "status: draft", 1
    )
    changed = changed.replace(
        "changes:\n",
        'changes:\n  - version: 1.1.1\n    date: "2026-11-30"\n'
        "    summary: Q1 regime_from_coup reworded\n",
        1,
    )
    (book / "1.1.1.yaml").write_text(changed, encoding="utf-8")
    write_observation(project, observation_data(project, year=1990, codebook="1.1.0"))
    write_observation(project, observation_data(project, year=1991, codebook="1.1.1"))
    done = cmr_run(project, "export", "--out", str(tmp_path / "out"))
    assert done.returncode == 0, done.stdout + done.stderr
    since = json.loads((tmp_path / "out" / "datapackage.json").read_text())["cmr"][
        "comparable_since"
    ]
    assert since["regime_from_coup"] == "1.1.1"
    assert since["coup_history"] == "1.1.0"
