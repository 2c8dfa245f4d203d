"""A file checked alone is checked in its context: every scope that touches it runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import observation_data, write_observation


def _coup(project: Path, year: int, answer: str, **fields: object) -> Path:
    data = observation_data(project, year=year, **fields)
    data["answers"]["coup_history"]["answer"] = answer
    return write_observation(project, data)


def _codes(output: str) -> list[str]:
    return sorted(
        {
            line.split(" ")[2]
            for line in output.splitlines()
            if ": error " in line or ": warning " in line
        }
    )


@pytest.fixture
def reverting(project: Path) -> Path:
    """A country whose 1993 file says no coup after 1992 said yes."""
    _coup(project, 1992, "yes")
    _coup(project, 1993, "no")
    return project


@pytest.mark.parametrize("named", ["AZE/1993.yaml", "AZE/1992.yaml", "AZE"])
def test_country_scope_seen_from_one_file(reverting: Path, run_cli, named: str) -> None:
    """A series finding is reported when either year (or the folder) is checked alone."""
    result = run_cli("check", str(reverting / "observations" / named), project=reverting)
    assert result.exit_code == 1
    assert "coup-history-reverts" in _codes(result.output)


def test_same_finding_alone_and_in_the_dataset(reverting: Path, run_cli) -> None:
    """The file's findings alone are the ones the whole-dataset check gives for it."""
    whole = run_cli("check", "--format", "json", project=reverting)
    alone = run_cli(
        "check",
        "--format",
        "json",
        str(reverting / "observations" / "AZE" / "1993.yaml"),
        project=reverting,
    )
    key = [(f["code"], f["line"]) for f in json.loads(whole.output)["findings"]]
    assert [(f["code"], f["line"]) for f in json.loads(alone.output)["findings"]] == key


def test_unrelated_context_findings_stay_out(project: Path, run_cli) -> None:
    """A sibling's own mistakes are not reported when another file is checked."""
    write_observation(project, observation_data(project, year=1992, cown=999))
    target = write_observation(project, observation_data(project, year=1993))
    result = run_cli("check", str(target), project=project)
    assert result.exit_code == 0, result.output
    assert "country-code-mismatch" not in result.output


def test_json_report_names_checks_and_context(reverting: Path, run_cli) -> None:
    """`--format json` lists the checks that ran, by scope, and the context files read."""
    target = reverting / "observations" / "AZE" / "1993.yaml"
    report = json.loads(run_cli("check", "--format", "json", str(target), project=reverting).output)
    scopes = {c["scope"] for c in report["checks"]}
    assert {"codebook", "dataset", "file", "country-year", "country"} <= scopes
    assert any(c["check"].startswith("coup-history-reverts") for c in report["checks"])
    assert [Path(p).name for p in report["context"]] == ["1992.yaml"]
    assert report["summary"]["files"] == 1


def test_duplicate_coding_seen_from_either_file(project: Path, run_cli) -> None:
    """A coder coding one country-year twice is found from a check of either file."""
    data = observation_data(project, coder="alice")
    first = write_observation(project, data)
    second = write_observation(project, data, "AZE/1993/alice.yaml")
    for path in (first, second):
        result = run_cli("check", str(path), project=project)
        assert "duplicate-observation" in _codes(result.output), path


def test_unlisted_coding_seen_from_the_coding(project: Path, run_cli) -> None:
    """An independent coding the adjudicated file does not reconcile is reported when the
    coding alone is checked."""
    write_observation(project, observation_data(project, coder="alice"), "AZE/1993/alice.yaml")
    bob = write_observation(project, observation_data(project, coder="bob"), "AZE/1993/bob.yaml")
    write_observation(project, observation_data(project, coder="judge", reconciles=["alice"]))
    result = run_cli("check", str(bob), project=project)
    assert "reconciles-unlisted-coding" in _codes(result.output)


def test_second_panel_file_seen_from_the_first(project: Path, run_cli) -> None:
    """Two adjudicated files for one country-year (`.yaml` and `.yml`) are an error seen from
    either of them."""
    first = write_observation(project, observation_data(project, coder="alice"))
    write_observation(project, observation_data(project, coder="bob"), "AZE/1993.yml")
    result = run_cli("check", str(first), project=project)
    assert result.exit_code == 1
    assert "panel-duplicate-country-year" in _codes(result.output)


def test_released_codebook_edit_seen_from_one_file(project: Path, run_cli) -> None:
    """A released codebook edited after release fails every check, a one-file one too."""
    target = write_observation(project, observation_data(project))
    released = project / "codebook" / "1.0.0.yaml"
    released.write_text(released.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    result = run_cli("check", str(target), project=project)
    assert result.exit_code == 1
    assert "codebook-released-changed" in _codes(result.output)


def test_broken_draft_codebook_does_not_stop_other_checks(project: Path, run_cli) -> None:
    """A broken draft codebook is reported once; observations under other versions are still
    checked and their findings still appear."""
    write_observation(project, observation_data(project, cown=999))
    (project / "codebook" / "9.0.0.yaml").write_text("codebook: [unclosed\n", encoding="utf-8")
    result = run_cli("check", project=project)
    assert result.exit_code == 1
    codes = _codes(result.output)
    assert "codebook-invalid" in codes and "country-code-mismatch" in codes
