"""Consistency rules: the seed memo's contradiction, settings, selection, layout, speed."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cmr.checking import check
from cmr.codebook import CodebookError, Codebooks, parse_codebook
from cmr.project import Project
from cmr.rules import build, check_observation, is_independent, layout
from cmr.rules._window import mentioned_years
from cmr.settings import Settings, SettingsError, matches

sys.path.insert(0, str(Path(__file__).parent))
from tests_support import set_answer

REPO = Path(__file__).resolve().parents[2]


def _memo_question(text: str, number: int) -> tuple[str, str]:
    """The answer and evidence of question `number` in a legacy memo."""
    parts = re.split(r"^\s*(\d+)\.\s", text, flags=re.M)
    body = dict(zip(parts[1::2], parts[2::2], strict=True))[str(number)]
    match = re.search(r"^\s*(Yes|No)\.\s*$", body, flags=re.M)
    assert match is not None
    evidence = body[match.end() :].strip()
    return match.group(1).lower(), " ".join(evidence.split())


def test_seed_memo_question_4_is_flagged(seeds, project, make_observation):
    """The memo's Q4 (yes, evidence opening 'There is no smoking gun evidence') is linted."""
    text = (seeds / "002_85f62de43105f406.txt").read_text(encoding="utf-8")
    answer, evidence = _memo_question(text, 4)
    assert answer == "yes" and evidence.startswith("There is no smoking gun")
    path = make_observation(year=1992, as_of="1992-01-01")
    set_answer(path, "officer_exclusion", answer, evidence)
    run = check(project=Project.find(project))
    codes = [(f.code, f.pointer) for f in run.result.findings]
    assert ("evidence-opens-by-denying", "answers.officer_exclusion.answer") in codes
    assert run.result.success


def test_seed_memo_other_answers_not_flagged(seeds, project, make_observation):
    """None of the memo's other twelve answers trips the contradiction lint."""
    text = (seeds / "002_85f62de43105f406.txt").read_text(encoding="utf-8")
    book = Codebooks(project / "codebook").latest
    path = make_observation(year=1992, as_of="1992-01-01")
    for number, question in enumerate(book.questions, start=1):
        answer, evidence = _memo_question(text, number)
        set_answer(path, question.variable, answer, evidence)
    run = check(project=Project.find(project), select=["evidence-opens"])
    flagged = [f.pointer for f in run.result.findings]
    assert flagged == ["answers.officer_exclusion.answer"]


def test_repository_observations_pass():
    """The repository's own observations check without errors."""
    run = check(project=Project.find(REPO))
    assert run.result.errors == 0, [f.render() for f in run.result.findings]


def test_repository_observations_pass_the_newest_rules(tmp_path, monkeypatch):
    """Moved to the newest codebook, the repository's observations still have no errors."""
    shutil.copytree(REPO / "codebook", tmp_path / "codebook")
    shutil.copytree(REPO / "observations", tmp_path / "observations")
    latest = Codebooks(tmp_path / "codebook").latest.version
    for path in (tmp_path / "observations").rglob("*.yaml"):
        text = re.sub(r"(?m)^codebook: .*$", f"codebook: {latest}", path.read_text("utf-8"))
        path.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run = check(project=Project.find(tmp_path))
    assert run.result.errors == 0, [f.render() for f in run.result.findings]


def test_settings_from_pyproject(project, make_observation, run_cli):
    """[tool.cmr.severity] in pyproject.toml raises a warning to an error; exit 1."""
    path = make_observation()
    set_answer(path, "civmil_forum", "no", "Short (1993).")
    (project / "pyproject.toml").write_text(
        '[tool.cmr.severity]\n"evidence-too-short" = "error"\n', encoding="utf-8"
    )
    result = run_cli("check", project=project)
    assert result.exit_code == 1
    assert "error evidence-too-short" in result.output


def test_select_and_ignore_on_the_command_line(project, make_observation, run_cli):
    """--ignore and --select take codes and prefixes; an unknown code is a usage error."""
    path = make_observation()
    set_answer(path, "civmil_forum", "no", "Short (1993).")
    assert "evidence-too-short" in run_cli("check", project=project).output
    ignored = run_cli("check", "--ignore", "evidence", project=project)
    assert "evidence-too-short" not in ignored.output and ignored.exit_code == 0
    selected = run_cli("check", "--select", "citation,coup-history-reverts", project=project)
    assert "evidence-too-short" not in selected.output
    bad = run_cli("check", "--select", "no-such-code", project=project)
    assert bad.exit_code == 2 and "no-such-code" in bad.output


def test_selector_matching():
    """A selector matches its code and codes that extend it at a dash."""
    assert matches("citation", "citation-missing")
    assert matches("citation-", "citation-missing")
    assert not matches("cit", "citation-missing")
    assert Settings(ignore=("window",)).wanted("window-no-year-in-window") is False


def test_bad_severity_level_is_rejected():
    """A severity level other than error/warning/info/off is a settings error."""
    with pytest.raises(SettingsError):
        Settings.from_config({"severity": {"evidence-too-short": "fatal"}})


def test_min_evidence_chars_setting(project, make_observation):
    """min_evidence_chars in the settings overrides the codebook's minimum."""
    make_observation()
    (project / "cmr.toml").write_text("min_evidence_chars = 500\n", encoding="utf-8")
    run = check(project=Project.find(project))
    assert {f.code for f in run.result.findings} == {"evidence-too-short"}


def test_rule_referring_to_unknown_variable_is_a_codebook_error():
    """A codebook rule naming a variable or answer that does not exist is refused."""
    book = Codebooks(REPO / "codebook").latest
    data = dict(book.raw)
    data["rules"] = [
        {
            "code": "x-y",
            "kind": "implication",
            "severity": "error",
            "message": "m",
            "if": {"no_such": "yes"},
            "then": {book.variables[0]: "maybe"},
        }
    ]
    with pytest.raises(CodebookError) as info:
        parse_codebook(data)
    assert "no_such" in str(info.value) and "maybe" in str(info.value)


def test_rule_kind_is_validated_by_the_meta_schema():
    """A rule of an unknown kind, or missing its message, breaks the meta-schema."""
    book = Codebooks(REPO / "codebook").latest
    data = dict(book.raw)
    data["rules"] = [{"code": "x-y", "kind": "telepathy", "severity": "error"}]
    with pytest.raises(CodebookError):
        parse_codebook(data)


def test_standalone_rule_check_equals_engine(project, make_observation):
    """Each rule's own `check` finds what the merged per-answer table finds."""
    path = make_observation(answer="yes")
    path.write_text(path.read_text().replace("Evidence for", "There is no evidence for", 2))
    run = check(project=Project.find(project), keep=True)
    obs = run.observations()[0]
    rules = build(obs.codebook, Settings())
    merged = sorted((f.code, f.pointer) for f in check_observation(obs, path, rules))
    alone = sorted(
        (h.code, ".".join(map(str, h.path))) for r in rules.observation for h in r.check(obs)
    )
    assert merged == alone and len(merged) == 2


def test_years_in_evidence():
    """Years, decades and ranges are read from evidence; page-like numbers are not years."""
    assert mentioned_years("in 1992, and 1989-91; the 1980s; 17,000 troops") == [
        (1992, 1992),
        (1989, 1991),
        (1980, 1989),
    ]


def test_layout_tells_independent_codings():
    """<ISO3>/<year>/<coder>.yaml is independent; <ISO3>/<year>.yaml is adjudicated."""
    assert is_independent("observations/AZE/1993/alice.yaml")
    assert not is_independent("observations/AZE/1993.yaml")
    assert layout("notes/readme.yaml") is None


def test_run_separates_adjudicated_from_independent(project, make_observation):
    """Run.observations('adjudicated'/'independent') split the two layouts."""
    make_observation()
    make_observation("AZE/1993/alice.yaml", coder="alice")
    run = check(project=Project.find(project), keep=True)
    assert [o.coder for o in run.observations("adjudicated")] == ["tester"]
    assert [o.coder for o in run.observations("independent")] == ["alice"]
    assert len(run.observations()) == 2


def test_parallel_and_serial_agree_on_rules(project, make_observation, monkeypatch):
    """Rule findings are the same from worker processes as from one process."""
    import importlib

    for year in range(1950, 1975):
        make_observation(year=year, answer="yes" if year % 2 else "no")
    proj = Project.find(project)
    serial = check(project=proj, jobs=1).result
    monkeypatch.setattr(importlib.import_module("cmr.checking"), "PARALLEL_THRESHOLD", 5)
    parallel = check(project=proj, jobs=2).result
    assert parallel.flatten(("file", "line", "code")) == serial.flatten(("file", "line", "code"))
    assert {c for (c,) in serial.flatten(("code",))} == {
        "slow-change-without-note",
        "coup-history-reverts",
    }


def test_check_imports_no_heavy_library():
    """`cmr check` imports neither pandas, numpy nor krippendorff."""
    code = (
        "import sys, cmr.cli, cmr.checking, cmr.rules;"
        "print(sorted(m for m in ('pandas', 'numpy', 'krippendorff') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
