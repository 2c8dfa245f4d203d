"""The coder's day, attacked: hostile `status`, `answer`, `carried_from`, `needs_review` and
`previous` values; `cmr new --from-previous` over unreadable, odd or hostile earlier years;
`cmr status` over broken datasets and closed pipes; export and agreement with nothing but drafts.

Every case runs `cmr` as a user does (a subprocess: no traceback, no hang) and asserts what a
user would notice: the exit status, the finding codes, one line for a refusal, no file changed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from pathlib import Path

import pytest
import yaml
from adversarial_support import FINDING, Ran, assert_unchanged, findings, run_cmr, snap
from support import make_project, observation_data, write_observation

from cmr._yaml import loads

REPO = Path(__file__).resolve().parents[2]
PREVIOUS = "observations/AZE/1992.yaml"
DRAFT = "observations/AZE/1993.yaml"
CARRIED = ("answer", "confidence", "evidence", "citations", "note")
FIRST_ENTRY_END = "      pages: 120-121\n"  # last line of the first answer as yaml dumps it


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A dataset with one clean final observation, AZE 1992."""
    root = make_project(tmp_path / "ds")
    write_observation(root, observation_data(root, year=1992))
    return root


def draft_text(project: Path, status: str = "draft") -> str:
    """A clean AZE 1993 observation with `status: <status>`, as text."""
    data = observation_data(project, year=1993, status=status)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def write_draft(project: Path, text: str) -> Path:
    path = project / DRAFT
    path.write_text(text, encoding="utf-8")
    return path


def first_answer(text: str, replacement: str) -> str:
    """`text` with the first question's `answer: 'no'` line replaced by `replacement`."""
    out, n = re.subn(r"^    answer: 'no'$", replacement, text, count=1, flags=re.M)
    assert n == 1
    return out


def add_to_first_entry(text: str, lines: str) -> str:
    """`text` with `lines` (already indented) appended to the first answer's entry."""
    assert FIRST_ENTRY_END in text
    return text.replace(FIRST_ENTRY_END, FIRST_ENTRY_END + lines, 1)


def codes(ran: Ran) -> list[str]:
    return [f["code"] for f in findings(ran)]


def one_line_refusal(ran: Ran) -> str:
    """A refusal: exit 1 or 2, one line on stderr, nothing on stdout; the line."""
    assert ran.code in (1, 2), ran.text
    assert ran.out == "", ran.text
    lines = [ln for ln in ran.err.splitlines() if ln.strip()]
    assert len(lines) == 1, ran.err
    return lines[0]


# --- status ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["Draft", "'draft '", "'  draft'", "'yes'", "'null'", "null", "~", "''", "[draft]", "1"],
)
def test_status_value_other_than_draft_or_final_is_one_error(project: Path, value: str) -> None:
    """A status that is not exactly draft or final is one value-invalid error on its line."""
    text = re.sub(r"^status: draft$", f"status: {value}", draft_text(project), flags=re.M)
    write_draft(project, text)
    ran = run_cmr("check", DRAFT, cwd=project)
    assert ran.code == 1
    invalid = [f for f in findings(ran) if f["code"] == "value-invalid"]
    assert len(invalid) == 1 and invalid[0]["message"].startswith("status:"), ran.text
    line = text.splitlines().index(next(ln for ln in text.splitlines() if ln.startswith("status")))
    assert invalid[0]["line"] == str(line + 1)


def test_invalid_status_is_not_taken_as_draft(project: Path) -> None:
    """A misspelled status does not make open items warnings: they stay errors (fail closed)."""
    text = add_to_first_entry(draft_text(project, "Draft"), "    carried_from: 1992\n")
    write_draft(project, text)
    ran = run_cmr("check", DRAFT, cwd=project)
    assert ran.code == 1
    assert [f["severity"] for f in findings(ran) if f["code"] == "answer-carried"] == ["error"]


# --- unanswered questions ---------------------------------------------------------------


@pytest.mark.parametrize(
    "blank", ['    answer: ""', "    answer: ~", "    answer: null", "    answer:"]
)
@pytest.mark.parametrize(
    ("status", "severity", "exit"), [("draft", "warning", 0), ("final", "error", 1)]
)
def test_blank_answer_is_one_answer_missing(
    project: Path, blank: str, status: str, severity: str, exit: int
) -> None:
    """Every spelling of an empty answer is one answer-missing: a warning in a draft, an error
    in a final file."""
    write_draft(project, first_answer(draft_text(project, status), blank))
    ran = run_cmr("check", DRAFT, cwd=project)
    assert ran.code == exit, ran.text
    assert [(f["code"], f["severity"]) for f in findings(ran)] == [("answer-missing", severity)]


@pytest.mark.parametrize(
    "entry", ["  regime_from_coup:\n", "  regime_from_coup: ~\n", "  regime_from_coup: {}\n", ""]
)
def test_null_empty_or_absent_entry_is_one_answer_missing(project: Path, entry: str) -> None:
    """An answer entry that is null, empty or absent is one answer-missing warning in a draft."""
    text = draft_text(project)
    block = re.search(r"^  regime_from_coup:\n(?:    .*\n)+", text, flags=re.M)
    assert block is not None
    write_draft(project, text.replace(block.group(0), entry))
    ran = run_cmr("check", DRAFT, cwd=project)
    assert ran.code == 0, ran.text
    assert codes(ran) == ["answer-missing"]


@pytest.mark.parametrize("entry", ["[no]", "'no'", "3"])
def test_entry_that_is_not_a_mapping_is_an_error_even_in_a_draft(project: Path, entry: str) -> None:
    """An answer entry written as a list, text or number is an error in a draft too."""
    text = draft_text(project)
    block = re.search(r"^  regime_from_coup:\n(?:    .*\n)+", text, flags=re.M)
    assert block is not None
    write_draft(project, text.replace(block.group(0), f"  regime_from_coup: {entry}\n"))
    ran = run_cmr("check", DRAFT, cwd=project)
    assert ran.code == 1, ran.text
    assert codes(ran) == ["field-type"]


@pytest.mark.parametrize("value", ["[]", "{}", "[no]", "'  '"])
def test_answer_of_the_wrong_shape_is_not_taken_as_missing(project: Path, value: str) -> None:
    """A list, a mapping or blanks as an answer are answer-not-in-scale errors, not a warning."""
    write_draft(project, first_answer(draft_text(project), f"    answer: {value}"))
    ran = run_cmr("check", DRAFT, cwd=project)
    assert ran.code == 1, ran.text
    assert codes(ran) == ["answer-not-in-scale"]


# --- carried_from, needs_review, previous ------------------------------------------------


@pytest.mark.parametrize("value", ["'1992'", "1992.5", "[1992]", "null", "true", "1992-01-01"])
def test_carried_from_that_is_not_a_whole_number_is_an_error(project: Path, value: str) -> None:
    """carried_from as text, a fraction, a list, null or a date is a field-type error."""
    write_draft(project, add_to_first_entry(draft_text(project), f"    carried_from: {value}\n"))
    ran = run_cmr("check", DRAFT, cwd=project)
    assert ran.code == 1, ran.text
    assert "field-type" in codes(ran)


@pytest.mark.parametrize("field", ["carried_from: 1992", "needs_review: window moved"])
def test_open_item_in_a_final_file_is_an_error(project: Path, field: str) -> None:
    """carried_from or needs_review left in a final file is an error (exit 1)."""
    write_draft(project, add_to_first_entry(draft_text(project, "final"), f"    {field}\n"))
    ran = run_cmr("check", DRAFT, cwd=project)
    assert ran.code == 1, ran.text
    assert [f["severity"] for f in findings(ran)] == ["error"]


def test_open_item_in_a_file_without_status_is_an_error(project: Path) -> None:
    """A file without a status line is final: carried_from in it is an error."""
    text = re.sub(r"^status: draft\n", "", draft_text(project), flags=re.M)
    write_draft(project, add_to_first_entry(text, "    carried_from: 1992\n"))
    ran = run_cmr("check", DRAFT, cwd=project)
    assert ran.code == 1
    assert codes(ran) == ["answer-carried"]


@pytest.mark.parametrize("value", ["''", "~", "[a, b]", "42"])
def test_needs_review_empty_or_not_text_is_an_error(project: Path, value: str) -> None:
    """needs_review that is empty or not text is an error even in a draft."""
    write_draft(project, add_to_first_entry(draft_text(project), f"    needs_review: {value}\n"))
    ran = run_cmr("check", DRAFT, cwd=project)
    assert ran.code == 1, ran.text
    assert {"answer-needs-review", "field-type", "value-invalid"} & set(codes(ran))


def test_multiline_needs_review_is_reported_on_one_line(project: Path) -> None:
    """A multi-line needs_review reason (CR, LS, tab included) prints as one finding line."""
    value = '"first line\\nsecond\\r\\nthird\\u2028fourth\\tfifth"'
    write_draft(project, add_to_first_entry(draft_text(project), f"    needs_review: {value}\n"))
    ran = run_cmr("check", DRAFT, cwd=project)
    assert ran.code == 0, ran.text
    [found] = findings(ran)
    assert found["code"] == "answer-needs-review"
    assert "first line second third fourth fifth" in found["message"]


def test_terminal_escape_in_needs_review_does_not_reach_the_terminal(project: Path) -> None:
    """An ANSI escape sequence in a needs_review reason is not printed."""
    line = '    needs_review: "clear\\x1b[2Jscreen"\n'
    write_draft(project, add_to_first_entry(draft_text(project), line))
    ran = run_cmr("check", DRAFT, cwd=project)
    assert "\x1b" not in ran.text and "answer-needs-review" in ran.text


@pytest.mark.parametrize(
    "value",
    [
        "{}",
        "'1.0.0'",
        "[1]",
        "~",
        "{codebook: '1.0.0'}",
        "{codebook: '1.0.0', answer: 'no', extra: 1}",
        "{codebook: '1.0.0', answer: [no]}",
    ],
)
def test_malformed_previous_is_an_error(project: Path, value: str) -> None:
    """`previous` that is not {codebook, answer[, variable]} is an error."""
    write_draft(project, add_to_first_entry(draft_text(project), f"    previous: {value}\n"))
    ran = run_cmr("check", DRAFT, cwd=project)
    assert ran.code == 1, ran.text
    assert set(codes(ran)) <= {"field-missing", "field-type", "field-unknown"}


def test_carried_from_on_a_question_the_codebook_lacks_is_question_unknown(project: Path) -> None:
    """An entry for an unknown question, carried or not, is one question-unknown error."""
    extra = "  no_such_question:\n    answer: 'no'\n    carried_from: 1992\n"
    write_draft(project, add_to_first_entry(draft_text(project), extra))
    ran = run_cmr("check", DRAFT, cwd=project)
    assert ran.code == 1
    assert codes(ran) == ["question-unknown"]


# --- cmr new --from-previous ------------------------------------------------------------


def new_from_previous(project: Path, *extra: str, year: str = "1993") -> Ran:
    return run_cmr(
        "new", "AZE", year, "--coder", "jdoe", "--from-previous", *extra, cwd=project, timeout=30
    )


def test_no_earlier_year_is_a_usage_error(tmp_path: Path) -> None:
    """With no earlier year, --from-previous is one line, exit 2, and writes nothing."""
    root = make_project(tmp_path / "ds")
    before = snap(root)
    ran = new_from_previous(root)
    assert ran.code == 2
    assert "no earlier year" in one_line_refusal(ran)
    assert_unchanged(before, snap(root))


def _binary(path: Path) -> None:
    path.write_bytes(b"codebook: 1.1.0\n\x00\x01\x02" * 100)


def _huge(path: Path) -> None:
    path.write_text("codebook: '1.1.0'\nnotes: '" + "x" * 3_000_000 + "'\n", encoding="utf-8")


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _outside(path: Path) -> None:
    target = path.parents[3] / "elsewhere.yaml"
    target.write_text("codebook: '1.1.0'\n", encoding="utf-8")
    path.symlink_to(target)


def _folder(path: Path) -> None:
    path.mkdir()


def _broken_yaml(path: Path) -> None:
    path.write_text("codebook: [\n", encoding="utf-8")


def _device(path: Path) -> None:
    path.symlink_to("/dev/zero")


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and links")
@pytest.mark.parametrize("make", [_binary, _huge, _fifo, _outside, _folder, _broken_yaml, _device])
def test_unreadable_earlier_year_is_refused_in_one_line(tmp_path: Path, make) -> None:  # type: ignore[no-untyped-def]
    """An earlier year that is binary, huge, a FIFO, a link out of the repository, a folder,
    broken YAML or a device is refused in one line, without hanging and without a new file."""
    root = make_project(tmp_path / "ds")
    (root / "observations" / "AZE").mkdir()
    make(root / PREVIOUS)
    before = snap(root)
    ran = new_from_previous(root)
    assert ran.code == 1, ran.text
    [line] = [ln for ln in ran.err.splitlines() if ln.strip()]
    assert "1992.yaml" in line and "cannot be read" in line
    # what is wrong with it: its findings, as `cmr check` prints them
    assert ran.out and all(FINDING.match(ln) for ln in ran.out.splitlines()), ran.out
    assert_unchanged(before, snap(root))
    assert not (root / DRAFT).exists()


@pytest.mark.parametrize("independent", [False, True])
def test_from_previous_never_overwrites(project: Path, independent: bool) -> None:
    """--from-previous onto an existing file is refused in one line and leaves it unchanged."""
    extra = ("--independent",) if independent else ()
    target = project / ("observations/AZE/1993/jdoe.yaml" if independent else DRAFT)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("hand-written: keep me\n", encoding="utf-8")
    before = snap(project)
    ran = new_from_previous(project, *extra)
    refusal = one_line_refusal(ran)
    # an independent coding is never started from the adjudicated answers at all
    assert ("--from-previous" if independent else "already exists") in refusal
    assert_unchanged(before, snap(project))


HOSTILE = [
    "Key: value # not a comment",
    "  leading spaces and trailing  ",
    "tab\there\tand\ttabs",
    "line\u2028separator and\u2029paragraph",
    "---\nlooks like a document\n...\nend",
    "x" * 5000,
    "#starts with a hash",
    "- starts like a list item",
    "'single' and \"double\" quotes",
    "multi\n\n\nblank lines\n",
    "ends with spaces   \nnext",
    "& anchor * alias ! tag % directive @ at ` backtick {flow: map} [seq]",
    "nel\u0085and bom\ufeffand nbsp\u00a0and zero width\u200b",
    "carriage\r\nreturn",
    "  \n  indented first line",
    "\nleading newline",
    "trailing tab\t",
    "yes",
    "null",
    "emoji 🇦🇿 and Azərbaycan — «quotes»",
]


@pytest.mark.parametrize("batch", range(0, len(HOSTILE), 10))
def test_from_previous_carries_hostile_text_exactly(tmp_path: Path, batch: int) -> None:
    """Evidence and notes with YAML-hostile content are carried byte for byte: the written
    draft reads back (as cmr reads it) to the very values of the earlier year."""
    root = make_project(tmp_path / "ds")
    data = observation_data(root, year=1992, context="war: Karabakh # 1992\n  ---")
    variables = list(data["answers"])
    for variable, text in zip(variables, HOSTILE[batch : batch + 10], strict=False):
        data["answers"][variable]["evidence"] = text
        data["answers"][variable]["note"] = text
        data["answers"][variable]["citations"] = [{"key": "curtis1995", "pages": f"1: 2 # {text}"}]
    write_observation(root, data)
    ran = new_from_previous(root)
    assert ran.code == 0, ran.text
    old = loads((root / PREVIOUS).read_text(encoding="utf-8"))
    new = loads((root / DRAFT).read_text(encoding="utf-8"))
    assert new["context"] == old["context"]
    for variable, entry in old["answers"].items():
        assert {k: new["answers"][variable].get(k) for k in CARRIED} == {
            k: entry.get(k) for k in CARRIED
        }, variable
        assert new["answers"][variable]["carried_from"] == 1992


def test_draft_from_previous_checks_with_warnings_only(project: Path) -> None:
    """The written draft passes cmr check (exit 0) with one answer-carried per question."""
    ran = new_from_previous(project)
    assert ran.code == 0, ran.text
    check = run_cmr("check", DRAFT, cwd=project)
    assert check.code == 0, check.text
    assert {f["severity"] for f in findings(check)} == {"warning"}
    assert codes(check).count("answer-carried") == 13


def test_from_previous_under_another_codebook_marks_every_answer(tmp_path: Path) -> None:
    """A previous year coded under an older codebook has every carried answer marked
    needs_review, naming both versions."""
    root = make_project(tmp_path / "ds")
    write_observation(root, observation_data(root, year=1992, codebook="1.0.0"))
    assert new_from_previous(root).code == 0
    data = loads((root / DRAFT).read_text(encoding="utf-8"))
    reasons = [e.get("needs_review", "") for e in data["answers"].values()]
    assert reasons and all("1.0.0" in r and "1.1.0" in r for r in reasons)


def test_from_previous_skips_independent_codings(project: Path) -> None:
    """Independent codings of a later year are not the panel: the draft carries from the
    adjudicated year before them."""
    alice = observation_data(project, year=1992, coder="alice", answer="yes")
    write_observation(project, alice, "AZE/1992/alice.yaml")
    write_observation(project, observation_data(project, year=1990, answer="yes"))
    assert new_from_previous(project).code == 0
    data = loads((project / DRAFT).read_text(encoding="utf-8"))
    assert {e["carried_from"] for e in data["answers"].values()} == {1992}
    assert {e["answer"] for e in data["answers"].values()} == {"no"}


def test_only_independent_earlier_codings_is_no_earlier_year(tmp_path: Path) -> None:
    """Earlier years held only as independent codings give nothing to carry: exit 2, one line."""
    root = make_project(tmp_path / "ds")
    write_observation(root, observation_data(root, year=1992, coder="alice"), "AZE/1992/alice.yaml")
    ran = new_from_previous(root)
    assert ran.code == 2
    assert "no earlier year" in one_line_refusal(ran)


def test_unanswered_previous_question_starts_blank(project: Path) -> None:
    """A question the previous draft left unanswered starts blank, not carried."""
    path = project / PREVIOUS
    text = "status: draft\n" + path.read_text(encoding="utf-8")
    path.write_text(first_answer(text, "    answer: ''"), encoding="utf-8")
    assert new_from_previous(project).code == 0
    first = next(iter(loads((project / DRAFT).read_text(encoding="utf-8"))["answers"].values()))
    assert first.get("answer") is None and "carried_from" not in first


@pytest.mark.parametrize("year", ["1992", "1991"])
def test_from_previous_for_a_year_not_after_any_coded_one(project: Path, year: str) -> None:
    """Starting a year that is coded or precedes every coded year refuses, writing nothing."""
    before = snap(project)
    ran = new_from_previous(project, year=year)
    one_line_refusal(ran)
    assert_unchanged(before, snap(project))


# --- cmr status -------------------------------------------------------------------------


def test_status_draws_the_board_over_broken_files(project: Path) -> None:
    """Broken, binary, FIFO and folder-named-like-a-year files are unreadable rows, exit 0."""
    obs = project / "observations"
    (obs / "ARM").mkdir()
    (obs / "ARM" / "1995.yaml").write_text("codebook: [\n", encoding="utf-8")
    (obs / "ARM" / "1996.yaml").write_bytes(b"\x00\x01")
    os.mkfifo(obs / "ARM" / "1997.yaml")
    (obs / "ARM" / "1998.yaml").mkdir()
    (obs / "ARM" / "1999").mkdir()  # an empty country-year folder
    ran = run_cmr("status", "--format", "json", cwd=project, timeout=30)
    assert ran.code == 0, ran.text
    rows = {(r["iso3c"], r["year"]): r["status"] for r in json.loads(ran.out)["rows"]}
    assert rows == {
        ("ARM", 1995): "unreadable",
        ("ARM", 1996): "unreadable",
        ("ARM", 1997): "unreadable",
        ("ARM", 1998): "unreadable",
        ("AZE", 1992): "final",
    }


@pytest.mark.parametrize(
    "args", [("--format", "xml"), ("--format",), ("--matrix", "--format", "json"), ("--jobs", "0")]
)
def test_status_bad_options_are_one_line_usage_errors(project: Path, args: tuple[str, ...]) -> None:
    """An unknown format, a missing value or --matrix with json is exit 2, one line."""
    ran = run_cmr("status", *args, cwd=project)
    assert ran.code == 2
    one_line_refusal(ran)


def test_status_into_a_full_disk_is_one_line(project: Path) -> None:
    """Writing the board to a full device is exit 2 with one line."""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    import subprocess

    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                "from cmr.cli import main; main()",
                "status",
                "--format",
                "json",
            ],
            cwd=project,
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=60,
        )
    err = done.stderr.decode()
    assert done.returncode == 2 and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_status_into_a_closed_pipe_is_quiet(tmp_path: Path) -> None:
    """`cmr status | head -1` over many rows prints no traceback and no broken-pipe noise."""
    import subprocess

    root = make_project(tmp_path / "ds")
    for year in range(1950, 2010):
        write_observation(root, observation_data(root, year=year))
    done = subprocess.run(
        f"{sys.executable} -c 'from cmr.cli import main; main()' status | head -1",
        shell=True,
        cwd=root,
        capture_output=True,
        timeout=120,
    )
    assert done.stdout.decode().startswith("iso3c")
    assert done.stderr.decode().strip() == "", done.stderr.decode()


def test_status_counts_drafts_unanswered_and_carried(project: Path) -> None:
    """A draft made by --from-previous shows as draft with every answer carried."""
    assert new_from_previous(project).code == 0
    ran = run_cmr("status", "--format", "csv", cwd=project)
    assert ran.code == 0
    rows = {r.split(",")[1]: r.split(",") for r in ran.out.splitlines()[1:]}
    assert rows["1993"][2] == "draft" and rows["1993"][6] == "13"
    assert rows["1992"][2] == "final" and rows["1992"][6] == "0"


def _stderr_on_a_terminal(project: Path, *args: str) -> str:
    """Run `cmr ARGS` with stdout to a pipe and stderr to a pseudo-terminal; what stderr got."""
    import pty
    import subprocess

    main, secondary = pty.openpty()
    try:
        subprocess.run(
            [sys.executable, "-c", "from cmr.cli import main; main()", *args],
            cwd=project,
            stdout=subprocess.PIPE,
            stderr=secondary,
            timeout=300,
            check=False,
        )
        os.close(secondary)
        chunks = []
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(main)
    return b"".join(chunks).decode("utf-8", "replace")


def test_status_shows_progress_on_a_terminal(tmp_path: Path) -> None:
    """`cmr status` over a dataset that takes a while shows a counter on a terminal's stderr,
    as `cmr check` does, and clears it."""
    root = make_project(tmp_path / "ds")
    for year in range(1700, 2020):
        write_observation(root, observation_data(root, year=year))
    assert "checking" in _stderr_on_a_terminal(root, "check", "--no-cache")
    shutil.rmtree(root / ".cmr_cache", ignore_errors=True)
    shown = _stderr_on_a_terminal(root, "status")
    assert re.search(r"\d+/320 files", shown), repr(shown)
    assert shown.endswith("\r"), repr(shown)


# --- export and agreement with nothing but drafts ----------------------------------------


@pytest.fixture
def only_drafts(tmp_path: Path) -> Path:
    """A dataset whose every file is a draft: two panel years and two independent codings."""
    root = make_project(tmp_path / "ds")
    for year in (1992, 1993):
        write_observation(root, observation_data(root, year=year, status="draft"))
    for coder in ("alice", "bob"):
        data = observation_data(root, year=1994, coder=coder, status="draft")
        write_observation(root, data, f"AZE/1994/{coder}.yaml")
    return root


def test_export_of_only_drafts_names_every_draft(only_drafts: Path) -> None:
    """Exporting a dataset of drafts says it left every one of them out and that the panel is
    empty; it is not silent."""
    ran = run_cmr("export", "--out", "out", cwd=only_drafts)
    matches = (FINDING.match(line) for line in ran.text.splitlines())
    [found] = [m.groupdict() for m in matches if m and m["code"] == "export-drafts"]
    assert found["severity"] == "warning"
    for name in ("1992.yaml", "1993.yaml", "alice.yaml", "bob.yaml"):
        assert name in found["message"]
    assert "0 country-year(s)" in ran.text


def test_agreement_of_only_drafts_names_them(only_drafts: Path) -> None:
    """cmr agreement over draft independent codings names them as left out."""
    ran = run_cmr("agreement", cwd=only_drafts)
    assert ran.code == 0, ran.text
    assert "agreement-drafts" in ran.text
    assert "alice.yaml" in ran.text and "bob.yaml" in ran.text


# --- editor and pre-commit set-up --------------------------------------------------------


def test_pre_commit_hooks_match_observations_and_not_the_bibliography() -> None:
    """The staged-files hook takes observation files only; the dataset hook takes the rest."""
    hooks = {h["id"]: h for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())}
    staged, dataset = hooks["cmr-check"], hooks["cmr-check-dataset"]
    assert staged["pass_filenames"] is True and dataset["pass_filenames"] is False
    for name in ("observations/AZE/1993.yaml", "observations/AZE/1993/jdoe.yml"):
        assert re.search(staged["files"], name) and not re.search(dataset["files"], name)
    for name in ("observations/references.bib", "codebook/1.1.0.yaml", "pyproject.toml"):
        assert re.search(dataset["files"], name) and not re.search(staged["files"], name)


def test_vscode_maps_an_existing_observation_schema_onto_observations() -> None:
    """.vscode/settings.json names a committed schema file that describes drafts."""
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    [(schema, globs)] = settings["yaml.schemas"].items()
    path = (REPO / schema).resolve()
    assert path.is_file() and "observations/**/*.yaml" in globs
    described = json.loads(path.read_text(encoding="utf-8"))
    assert described["properties"]["status"]["enum"] == ["draft", "final"]


@pytest.mark.parametrize(("status", "exit"), [("draft", 0), ("final", 1)])
def test_pre_commit_entry_lets_a_draft_in_and_refuses_a_half_done_final(
    project: Path, status: str, exit: int
) -> None:
    """The cmr-check hook's command on a staged file with an open item: exit 0 for a draft,
    exit 1 for a final file."""
    hooks = {h["id"]: h for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())}
    entry = hooks["cmr-check"]["entry"].split()
    assert entry[0] == "cmr"
    write_draft(
        project, add_to_first_entry(draft_text(project, status), "    carried_from: 1992\n")
    )
    ran = run_cmr(*entry[1:], DRAFT, cwd=project)
    assert ran.code == exit, ran.text
    assert codes(ran) == ["answer-carried"]


def test_status_outside_a_dataset_is_one_line(tmp_path: Path) -> None:
    """cmr status run outside a dataset is exit 2 with one line."""
    ran = run_cmr("status", cwd=tmp_path)
    assert ran.code == 2
    assert "not inside a cmr dataset" in one_line_refusal(ran)
