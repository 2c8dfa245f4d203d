"""The pre-commit hooks: staged observation files are checked in their context only."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml
from support import REPO, cmr_run, make_project, observation_data, write_observation

HOOKS = {h["id"]: h for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())}


def _run_hook(project: Path, hook_id: str, staged: list[str]):
    """Run a hook as pre-commit does: its entry, then the staged files its pattern takes."""
    hook = HOOKS[hook_id]
    files = [f for f in staged if re.search(hook["files"], f)]
    if not files:
        return None
    args = shlex.split(hook["entry"])[1:] + (files if hook["pass_filenames"] else [])
    return cmr_run(project, *args)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = make_project(tmp_path)
    write_observation(root, observation_data(root, year=1993, answer="yes"))
    (root / "observations/ARM").mkdir()
    (root / "observations/ARM/1990.yaml").write_text("answers: [\n")  # broken, not staged
    return root


def test_staged_file_breaking_a_rule_with_its_context_is_refused(project: Path) -> None:
    """A staged 1994 that reverses 1993's coup history fails, naming the staged file."""
    data = observation_data(project, year=1994, answer="yes")
    data["answers"]["coup_history"]["answer"] = "no"
    write_observation(project, data)
    done = _run_hook(project, "cmr-check", ["observations/AZE/1994.yaml"])
    assert done is not None and done.returncode == 1
    assert "AZE/1994.yaml" in done.stdout and "ARM/1990" not in done.stdout


def test_unstaged_broken_file_does_not_block(project: Path) -> None:
    """A clean staged file passes although another, unstaged file is broken."""
    write_observation(project, observation_data(project, year=1994, answer="yes"))
    done = _run_hook(project, "cmr-check", ["observations/AZE/1994.yaml", "README.md"])
    assert done is not None and done.returncode == 0, done.stdout


def test_final_file_with_open_items_cannot_be_committed(project: Path) -> None:
    """An unanswered question in a final file fails the hook; the same file as a draft passes."""
    data = observation_data(project, year=1994, answer="yes")
    data["answers"]["civmil_forum"]["answer"] = None
    write_observation(project, data)
    assert _run_hook(project, "cmr-check", ["observations/AZE/1994.yaml"]).returncode == 1
    data["status"] = "draft"
    write_observation(project, data)
    assert _run_hook(project, "cmr-check", ["observations/AZE/1994.yaml"]).returncode == 0


def test_codebook_or_bibliography_change_checks_everything(project: Path) -> None:
    """The dataset hook runs on a bibliography change and sees every file, not only staged."""
    assert _run_hook(project, "cmr-check", ["observations/references.bib"]) is None
    done = _run_hook(project, "cmr-check-dataset", ["observations/references.bib"])
    assert done is not None and done.returncode == 1 and "ARM/1990.yaml" in done.stdout
