"""`cmr import-memo` on the command line: several memos, existing files, CSVs, bad input.

Memos are imported under codebook 1.1.0, the version whose questions they ask. `_run` returns
the findings about the memos and CSVs; the check findings of written files are pinned in
test_memo_check.py.
"""

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


OPTIONS = ("--format", "json", "--coded-on", "2026-01-05", "--codebook", "1.1.0")
CHECKED = {"memo-written-as-draft"}


def _run(run_cli, project: Path, *args: str) -> tuple[int, list[tuple[int, str]]]:
    """Exit status and the (line, code) of findings on inputs (memos, CSVs), not on the
    written observations or the bibliography."""
    result = run_cli("import-memo", *args, *OPTIONS, project=project)
    findings = json.loads(result.stdout)["findings"]
    ours = [f for f in findings if f["code"] not in CHECKED and not _written(f["file"])]
    return result.exit_code, [(f["line"], f["code"]) for f in ours]


def _written(file: str) -> bool:
    return file.endswith((".yaml", ".bib"))


def _mapped(project: Path, tmp_path: Path) -> list[str]:
    """Options under which GOOD imports as a final file: its 13 footnotes and the answers
    without one cite curtis1995 with pages."""
    csv = tmp_path / "mapped.csv"
    csv.write_text(
        "footnote,key,pages\n" + "".join(f"{n},curtis1995,{n}\n" for n in range(1, 14)),
        encoding="utf-8",
    )
    return ["--footnotes", str(csv), "--cite-memo", "curtis1995"]


def _add_entries(project: Path, *keys: str) -> None:
    bib = project / "observations" / "references.bib"
    extra = "".join(f"@misc{{{key}, title = {{{key}}}}}\n" for key in keys)
    bib.write_text(bib.read_text("utf-8") + extra, encoding="utf-8")


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


def test_existing_observation_gets_an_independent_coding_beside_it(project, run_cli, tmp_path):
    """Onto a coded country-year the import writes <ISO3>/<year>/<coder>.yaml; the existing
    file is untouched."""
    target = project / "observations" / "AZE" / "1992.yaml"
    target.parent.mkdir()
    target.write_text("coder: someone\n", encoding="utf-8")
    memo = _memo_file(tmp_path, "tabs-and-wrapped-questions")
    assert _run(run_cli, project, str(memo), "--coder", "jdoe") == (1, [])
    assert target.read_text("utf-8") == "coder: someone\n"
    beside = project / "observations" / "AZE" / "1992" / "jdoe.yaml"
    assert _yaml.loads(beside.read_text("utf-8"))["memo"] == 7
    assert not list(target.parent.rglob(".*.tmp"))


@pytest.mark.parametrize("existing", ["AZE/1992/legacy-memo.yaml", "AZE/1992.yaml"])
def test_coder_who_coded_the_country_year_is_refused(project, run_cli, tmp_path, existing):
    """When the importing coder has coded the country-year (an independent coding, or the
    adjudicated file names the coder), nothing is written and the file is named."""
    memo = _memo_file(tmp_path, "tabs-and-wrapped-questions")
    other = project / "observations" / "AZE" / "1992" / "alice.yaml"
    other.parent.mkdir(parents=True)
    other.write_text("coder: alice\n", encoding="utf-8")
    path = project / "observations" / existing
    path.write_text("coder: legacy-memo\n", encoding="utf-8")
    before = sorted(p for p in (project / "observations").rglob("*"))
    done = run_cli("import-memo", str(memo), "--coded-on", "2026-01-05", project=project)
    assert done.exit_code == 1
    assert done.stdout.splitlines()[0] == (
        f"{memo}:3:1: error memo-output-exists {path} exists: legacy-memo has coded AZE "
        "1992 already; nothing is written"
    )
    assert sorted(p for p in (project / "observations").rglob("*")) == before


def test_force_is_refused(project, run_cli, tmp_path):
    """--force no longer exists to replace files: it is a usage error that says why."""
    target = project / "observations" / "AZE" / "1992.yaml"
    target.parent.mkdir()
    target.write_text("coder: someone\n", encoding="utf-8")
    memo = _memo_file(tmp_path, "tabs-and-wrapped-questions")
    done = cmr_run(project, "import-memo", str(memo), "--force")
    assert done.returncode == 2 and "never replaces an observation" in done.stderr
    assert target.read_text("utf-8") == "coder: someone\n"
    assert not (project / "observations" / "AZE" / "1992").exists()


def test_same_country_year_twice_in_one_call(project, run_cli, tmp_path):
    """The second memo of a country-year in one call is refused."""
    first = _memo_file(tmp_path, "tabs-and-wrapped-questions", "a.txt")
    second = _memo_file(tmp_path, "answer-placement", "b.txt")
    assert _run(run_cli, project, str(first), str(second)) == (1, [(3, "memo-country-year-twice")])


def test_out_folder_and_schema_reference(project, run_cli, tmp_path):
    """--out writes <ISO3>/<year>.yaml there; its $schema comment points at the schema."""
    out = tmp_path / "review"
    mapped = _mapped(project, tmp_path)
    assert _run(run_cli, project, str(GOOD), "--out", str(out), "--coder", "jdoe", *mapped) == (
        0,
        [],
    )
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
    _add_entries(project, "general", "specific")
    assert _run(run_cli, project, str(GOOD), "--footnotes", str(csv)) == (1, [])
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
    [
        ["--coder", "no spaces allowed"],
        ["--confidence", "total"],
        ["--coded-on", "5 Jan 2026"],
        ["--codebook", "9.9.9"],
        ["--cite-memo", "memo {memo}"],
    ],
)
def test_bad_options_are_usage_errors(project, run_cli, args):
    """Options the codebook or the format cannot take exit with status 2."""
    result = run_cli("import-memo", str(GOOD), *args, project=project)
    assert result.exit_code == 2


def test_text_report_and_written_paths(project, run_cli):
    """The text report prints findings as path:line:column and names the file written."""
    memo = str(CASES / "footnote-gap" / "memo.txt")
    result = run_cli("import-memo", memo, "--codebook", "1.1.0", project=project)
    assert result.exit_code == 1
    assert "memo.txt:47:" in result.stdout and "memo-footnote-gap" in result.stdout
    assert "observations/AZE/1992.yaml (a draft)" in result.stderr


def test_help_describes_the_layouts(run_cli):
    """--help shows the header lines, question and answer layout and the options."""
    text = run_cli("import-memo", "--help").output
    for needle in ("Observation no:", "Country-year:", "Yes.", "--footnotes", "--codebook"):
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
