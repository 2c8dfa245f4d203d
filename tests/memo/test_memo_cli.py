"""`cmr import-memo` on the command line: several memos, existing files, CSVs, bad input."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from support import cmr_run

from cmr import _yaml
from cmr.catalogue import _memo

CASES = Path(__file__).parent / "cases"
GOOD = CASES / "tabs-and-wrapped-questions" / "memo.txt"
DOCS = Path(__file__).resolve().parents[2] / "docs" / "import-memo.md"


def _memo_file(tmp_path: Path, case: str, name: str = "memo.txt") -> Path:
    target = tmp_path / "memos" / name
    target.parent.mkdir(exist_ok=True)
    shutil.copy(CASES / case / "memo.txt", target)
    return target


def _run(run_cli, project: Path, *args: str) -> tuple[int, list[tuple[int, str]]]:
    result = run_cli(
        "import-memo", *args, "--format", "json", "--coded-on", "2026-01-05", project=project
    )
    findings = json.loads(result.stdout)["findings"]
    return result.exit_code, [(f["line"], f["code"]) for f in findings]


def test_refused_memo_does_not_stop_the_others(project, run_cli, tmp_path):
    """A refused memo writes nothing; the next one in the call is still imported; status 1."""
    bad = _memo_file(tmp_path, "refuse-country-unknown", "bad.txt")
    good = _memo_file(tmp_path, "tabs-and-wrapped-questions", "good.txt")
    status, findings = _run(run_cli, project, str(bad), str(good))
    assert (status, findings) == (1, [(2, "country-unknown")])
    assert [
        p.relative_to(project).as_posix()
        for p in project.rglob("*.yaml")
        if "observations" in p.parts
    ] == ["observations/AZE/1992.yaml"]


def test_existing_file_kept_unless_force(project, run_cli, tmp_path):
    """An existing observation is left alone without --force and replaced with it."""
    target = project / "observations" / "AZE" / "1992.yaml"
    target.parent.mkdir()
    target.write_text("coder: someone\n", encoding="utf-8")
    memo = _memo_file(tmp_path, "tabs-and-wrapped-questions")
    assert _run(run_cli, project, str(memo)) == (1, [(3, "memo-output-exists")])
    assert target.read_text("utf-8") == "coder: someone\n"
    assert _run(run_cli, project, str(memo), "--force") == (0, [])
    assert _yaml.loads(target.read_text("utf-8"))["memo"] == 7
    assert not list(target.parent.glob(".*.tmp"))


def test_refused_memo_never_replaces_with_force(project, run_cli, tmp_path):
    """--force replaces a file only with a complete import, never after a refusal."""
    target = project / "observations" / "AZE" / "1992.yaml"
    target.parent.mkdir()
    target.write_text("coder: someone\n", encoding="utf-8")
    memo = _memo_file(tmp_path, "refuse-question-missing")
    status, findings = _run(run_cli, project, str(memo), "--force")
    assert status == 1 and (57, "memo-question-missing") in findings
    assert target.read_text("utf-8") == "coder: someone\n"


def test_same_country_year_twice_in_one_call(project, run_cli, tmp_path):
    """The second memo of a country-year in one call is refused."""
    first = _memo_file(tmp_path, "tabs-and-wrapped-questions", "a.txt")
    second = _memo_file(tmp_path, "answer-placement", "b.txt")
    assert _run(run_cli, project, str(first), str(second)) == (1, [(3, "memo-country-year-twice")])


def test_out_folder_and_schema_reference(project, run_cli, tmp_path):
    """--out writes <ISO3>/<year>.yaml there; its $schema comment points at the schema."""
    out = tmp_path / "review"
    assert _run(run_cli, project, str(GOOD), "--out", str(out), "--coder", "jdoe") == (0, [])
    path = out / "AZE" / "1992.yaml"
    first = path.read_text("utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    assert (path.parent / first.split("=", 1)[1]).resolve().is_file()
    assert _yaml.loads(path.read_text("utf-8"))["coder"] == "jdoe"


def test_confidence_default_and_option(project, run_cli, tmp_path):
    """Answers get the codebook's lowest confidence, or the one --confidence names."""
    _run(run_cli, project, str(GOOD), "--out", str(tmp_path / "a"))
    _run(run_cli, project, str(GOOD), "--out", str(tmp_path / "b"), "--confidence", "medium")
    for folder, level in (("a", "low"), ("b", "medium")):
        data = _yaml.loads((tmp_path / folder / "AZE" / "1992.yaml").read_text("utf-8"))
        assert {e["confidence"] for e in data["answers"].values()} == {level}


def test_footnote_csv_scoped_by_memo(project, run_cli, tmp_path):
    """A CSV row naming a memo (number or file name) wins over a row naming none."""
    csv = tmp_path / "notes.csv"
    csv.write_text(
        "footnote,key,pages,memo\n1,general,1,\n1,specific,2,memo\n"
        + "".join(f"{n},general,,\n" for n in range(2, 14)),
        encoding="utf-8",
    )
    assert _run(run_cli, project, str(GOOD), "--footnotes", str(csv)) == (0, [])
    data = _yaml.loads((project / "observations/AZE/1992.yaml").read_text("utf-8"))
    assert data["answers"]["regime_from_coup"]["citations"] == [
        {"key": "specific", "pages": "2", "footnote": 1}
    ]
    assert data["answers"]["coup_history"]["citations"] == [{"key": "general", "footnote": 2}]


def test_invalid_footnote_csv_imports_nothing(project, run_cli, tmp_path):
    """Bad CSV rows are findings on their lines, and no memo is imported."""
    csv = tmp_path / "notes.csv"
    csv.write_text("footnote,key,pages\none,k,\n1,,\n2,a b,\n3,k,\n3,k,\n", encoding="utf-8")
    status, findings = _run(run_cli, project, str(GOOD), "--footnotes", str(csv))
    assert status == 1
    assert findings == [(line, "memo-footnotes-csv-invalid") for line in (2, 3, 4, 6)]
    assert not (project / "observations" / "AZE").exists()


def test_footnote_csv_without_header(project, run_cli, tmp_path):
    """A CSV without the footnote,key header is refused at line 1."""
    csv = tmp_path / "notes.csv"
    csv.write_text("1,curtis1995,12\n", encoding="utf-8")
    assert _run(run_cli, project, str(GOOD), "--footnotes", str(csv)) == (
        1,
        [(1, "memo-footnotes-csv-invalid")],
    )


def test_missing_and_huge_files(project, run_cli, tmp_path):
    """A missing file and an oversized one are findings, not tracebacks."""
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"x" * 5_000_001)
    status, findings = _run(run_cli, project, str(tmp_path / "nope.txt"), str(huge))
    assert (status, sorted(findings)) == (1, [(1, "file-unreadable"), (1, "memo-too-large")])


@pytest.mark.parametrize(
    "args",
    [["--coder", "no spaces allowed"], ["--confidence", "total"], ["--coded-on", "5 Jan 2026"]],
)
def test_bad_options_are_usage_errors(project, run_cli, args):
    """Options the codebook or the format cannot take exit with status 2."""
    result = run_cli("import-memo", str(GOOD), *args, project=project)
    assert result.exit_code == 2


def test_text_report_and_written_paths(project, run_cli):
    """The text report prints findings as path:line:column and names the file written."""
    result = run_cli("import-memo", str(CASES / "footnote-gap" / "memo.txt"), project=project)
    assert result.exit_code == 0
    assert ":47:" in result.stdout and "memo-footnote-gap" in result.stdout
    assert "observations/AZE/1992.yaml" in result.stderr


def test_help_describes_the_layouts(run_cli):
    """--help shows the header lines, question and answer layout and the options."""
    text = run_cli("import-memo", "--help").output
    for needle in ("Observation no:", "Country-year:", "Yes.", "--footnotes", "--force"):
        assert needle in text


def test_docs_name_every_memo_code():
    """docs/import-memo.md documents every finding code of the memo family."""
    text = DOCS.read_text("utf-8")
    assert [k.code for k in _memo.KINDS if f"`{k.code}`" not in text] == []


def _one_usage_line(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stdout == "" and done.stderr.count("\n") == 1, done.stdout + done.stderr
    return done.stderr


@pytest.mark.parametrize("out", ["fifo", "/dev/null"])
def test_out_that_is_not_a_folder(project, tmp_path, out):
    """`--out` at a FIFO or a device is one usage line (exit 2); nothing is written."""
    memo = _memo_file(tmp_path, "tabs-and-wrapped-questions")
    if out == "fifo":
        os.mkfifo(project / "fifo")
    line = _one_usage_line(cmr_run(project, "import-memo", str(memo), "--out", out))
    assert "not a folder" in line


@pytest.mark.parametrize("out", ["codebook", "codebook/new", "codebook/../codebook"])
def test_out_in_the_codebook_folder(project, tmp_path, out):
    """Observations are never written among the codebooks."""
    memo = _memo_file(tmp_path, "tabs-and-wrapped-questions")
    before = sorted(p for p in (project / "codebook").rglob("*"))
    line = _one_usage_line(cmr_run(project, "import-memo", str(memo), "--out", out))
    assert "the codebook folder holds codebooks, not observations" in line
    assert sorted(p for p in (project / "codebook").rglob("*")) == before


@pytest.mark.parametrize("coded_on", ["0001-01-01", "1992-06-01", "9999-12-31"])
def test_coded_on_that_the_check_would_refuse(project, tmp_path, coded_on):
    """A coding date before the coded year's end or in the future is a usage error, and no
    file is written (the memo codes Azerbaijan 1992)."""
    memo = _memo_file(tmp_path, "tabs-and-wrapped-questions")
    line = _one_usage_line(cmr_run(project, "import-memo", str(memo), "--coded-on", coded_on))
    assert "--coded-on" in line and coded_on in line
    assert not list((project / "observations").rglob("*.yaml"))
