"""`cmr agreement` fails closed: codings it cannot read or use are located findings, not
silently dropped data; thresholds it cannot honour are usage errors.

Each case builds independent codings of Azerbaijan 1993 (`observations/AZE/1993/<coder>.yaml`)
from the repository's adjudicated file, breaks one, and runs `cmr agreement` as a user does.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from adversarial_support import Ran, assert_unchanged, snapshot

FOLDER = Path("observations/AZE/1993")
ALICE = str(FOLDER / "alice.yaml")
QUESTIONS = 13
UNKNOWNS = 5  # the adjudicated file answers five questions `unknown`
SUMMARY = "error(s) in the independent codings"


def set_answer(text: str, variable: str, answer: str) -> str:
    """`text` with `variable`'s answer replaced (the file's layout: two-space indents)."""
    changed, n = re.subn(
        rf"(\n  {variable}:\n    answer: )[^\n]*", lambda m: m.group(1) + answer, text
    )
    assert n == 1, variable
    return changed


def as_coder(text: str, coder: str) -> str:
    return text.replace("coder: cmr-seed", f"coder: {coder}")


def write(dataset: Path, coder: str, content: str | bytes, name: str | None = None) -> Path:
    path = dataset / FOLDER / (name or f"{coder}.yaml")
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.fixture
def coded(dataset: Path, good_text: str) -> Path:
    """Alice and Bob code AZE 1993 independently; they disagree on civmil_forum only."""
    write(dataset, "alice", as_coder(good_text, "alice"))
    write(dataset, "bob", set_answer(as_coder(good_text, "bob"), "civmil_forum", '"no"'))
    return dataset


def report(ran: Ran) -> dict:
    """The JSON report printed by `--format json`."""
    return json.loads(ran.out)


def question(data: dict, variable: str) -> dict:
    return next(q for q in data["questions"] if q["variable"] == variable)


def one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    return lines[0]


def swap(old: str, new: str) -> Callable[[str], str]:
    """A breakage that replaces `old` by `new` in the coding's text."""
    return lambda text: text.replace(old, new)


def answer(value: str) -> Callable[[str], str]:
    """A breakage that sets alice's civmil_forum answer to `value`."""
    return lambda text: set_answer(text, "civmil_forum", value)


def _alias_bomb(_: str) -> str:
    rows = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for name, prev in zip("bcdef", "abcde", strict=True):
        rows.append(f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]")
    return "\n".join(rows) + "\n"


BROKEN: list[tuple[str, Callable[[str], str | bytes], str]] = [
    ("yaml-unclosed-bracket", lambda t: t + "extra: [unclosed\n", "yaml-syntax"),
    ("yaml-tab-indent", swap("  regime_from_coup:", "\tregime_from_coup:"), "yaml-syntax"),
    ("empty-file", lambda t: b"", "file-empty"),
    ("binary", lambda t: b"\x00\x01\x02PK", "file-binary"),
    ("latin-1", lambda t: b"codebook: 1.1.0\ncountry: Azerba\xefdjan\n", "file-encoding"),
    ("list-document", lambda t: "- alice\n- bob\n", "document-not-mapping"),
    ("duplicate-key", lambda t: t + "coder: alice\n", "yaml-duplicate-key"),
    ("alias-bomb", _alias_bomb, "yaml-alias"),
    ("unknown-codebook", swap("codebook: 1.1.0", "codebook: 9.9.9"), "codebook-unknown-version"),
    ("answer-off-scale", answer("maybe"), "answer-not-in-scale"),
    ("answer-a-number", answer("1"), "answer-not-in-scale"),
    ("answer-blank", answer(""), "answer-missing"),
    ("coder-not-the-file-name", swap("coder: alice", "coder: carol"), "path-mismatch"),
    ("year-not-the-folder", swap("year: 1993", "year: 1994"), "path-mismatch"),
    ("truncated", lambda t: t[:700], "field-missing"),
    ("answers-a-list", swap("answers:", "answers: []\nx:"), "field-type"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("breaks", "code"), [(b, c) for _, b, c in BROKEN], ids=[i for i, _, _ in BROKEN]
)
def test_unusable_coding_is_a_located_finding(coded: Path, cmr, breaks, code):
    """A coding that cannot be read or used is reported where it is, and the run exits 1."""
    path = coded / ALICE
    path.write_bytes(
        b if isinstance(b := breaks(path.read_text(encoding="utf-8")), bytes) else b.encode()
    )
    before = snapshot(coded)
    ran = cmr("agreement")
    assert ran.code == 1, ran.text
    assert code in ran.codes(), ran.text
    located = [line for line in ran.out.splitlines() if f" {code} " in line]
    assert located and all(re.match(rf"{re.escape(ALICE)}:\d+:\d+: error ", x) for x in located)
    assert SUMMARY in ran.err
    assert_unchanged(before, snapshot(coded))


@pytest.mark.parametrize(
    "value", ["nan", "NaN", "inf", "-inf", "1e309", "-1.5", "2", "abc", "", "0.5x"]
)
def test_impossible_threshold_is_a_usage_error(coded: Path, cmr, value):
    """--min-alpha outside [-1, 1], not finite or not a number: exit 2, one line."""
    ran = cmr("agreement", "--min-alpha", value)
    assert ran.code == 2, ran.text
    assert "--min-alpha" in one_line(ran.err)
    assert ran.out == ""


@pytest.mark.parametrize(("value", "code"), [("-1", 0), ("0.5", 0), ("1", 1)])
def test_threshold_bounds_are_accepted(coded: Path, cmr, value, code):
    """-1 and 1 are valid thresholds; alpha 0.727 passes -1 and 0.5 and fails 1."""
    ran = cmr("agreement", "--min-alpha", value)
    assert ran.code == code, ran.text


def test_impossible_prevalence_is_a_usage_error(coded: Path, cmr):
    """--prevalence nan is refused like an impossible --min-alpha."""
    ran = cmr("agreement", "--prevalence", "nan")
    assert ran.code == 2 and "--prevalence" in one_line(ran.err)


def test_off_scale_answer_is_not_data(coded: Path, cmr):
    """An answer off the scale is left out of the figures and counted, never fed to alpha."""
    path = coded / ALICE
    path.write_text(set_answer(path.read_text(), "civmil_forum", "maybe"), encoding="utf-8")
    data = report(cmr("agreement", "--format", "json"))
    forum = question(data, "civmil_forum")
    assert (forum["units"], forum["excluded"], forum["alpha"]) == (0, 1, None)
    assert data["success"] is False
    assert [f["code"] for f in data["findings"]] == ["answer-not-in-scale"]


def test_missing_code_is_left_out_of_the_figures(coded: Path, cmr):
    """`not_applicable` against `yes` is no pairable unit, but it is listed for adjudication."""
    path = coded / ALICE
    path.write_text(set_answer(path.read_text(), "civmil_forum", "not_applicable"))
    ran = cmr("agreement", "--format", "json")
    data = report(ran)
    forum = question(data, "civmil_forum")
    assert ran.code == 0 and (forum["units"], forum["missing"]) == (0, 1)
    assert [d["variable"] for d in data["disagreements"]] == ["civmil_forum"]
    assert data["overall"]["missing"] == 2 * UNKNOWNS + 1


def test_unknown_answers_are_counted_as_missing(coded: Path, cmr):
    """The five `unknown` answers of both coders count as missing, not as a category."""
    data = report(cmr("agreement", "--format", "json"))
    assert data["overall"]["units"] == QUESTIONS - UNKNOWNS
    assert data["overall"]["missing"] == 2 * UNKNOWNS
    assert data["overall"]["alpha"] == pytest.approx(0.727, abs=0.001)


def _all_missing(text: str) -> str:
    return re.sub(r"(\n  [a-z_0-9]+:\n    answer: )[^\n]*", r"\1not_applicable", text)


@pytest.mark.parametrize(("threshold", "code"), [((), 0), (("--min-alpha", "0.5"), 1)])
def test_missing_codes_only(dataset: Path, good_text: str, cmr, threshold, code):
    """Two coders answering only missing codes give no figure: a threshold then fails."""
    for coder in ("alice", "bob"):
        write(dataset, coder, _all_missing(as_coder(good_text, coder)))
    ran = cmr("agreement", *threshold)
    assert ran.code == code, ran.text
    assert "No agreement could be computed" in ran.out
    if threshold:
        assert "no agreement could be computed: no question" in one_line(ran.err)


def test_threshold_without_double_coding_fails(dataset: Path, good_text: str, cmr):
    """--min-alpha when only one coder coded anything: exit 1 and a clear line."""
    write(dataset, "alice", as_coder(good_text, "alice"))
    ran = cmr("agreement", "--min-alpha", "0.67")
    assert ran.code == 1, ran.text
    assert one_line(ran.err).startswith(
        "cmr agreement: no agreement could be computed: no country-year has two independent codings"
    )
    assert ran.codes() == ["agreement-single-coding"]


def test_one_coder_is_a_warning(dataset: Path, good_text: str, cmr):
    """A country-year coded by one coder only is a warning; without a threshold, exit 0."""
    write(dataset, "alice", as_coder(good_text, "alice"))
    ran = cmr("agreement")
    assert ran.code == 0, ran.text
    assert ran.codes() == ["agreement-single-coding"]
    assert f"{ALICE}:1:1: warning agreement-single-coding" in ran.out


def test_no_observations_at_all(dataset: Path, cmr):
    """An observations folder without codings is reported; a threshold then fails."""
    for child in (dataset / "observations").iterdir():
        if child.is_dir():
            shutil.rmtree(child)
    ran = cmr("agreement", "--min-alpha", "0.5")
    assert ran.code == 1 and ran.codes() == ["no-observations"], ran.text
    assert "no agreement could be computed" in one_line(ran.err)


def test_empty_folder_argument(coded: Path, cmr):
    """A folder given on the command line that holds no coding is a warning; nothing fails."""
    (coded / "observations" / "KAZ").mkdir()
    ran = cmr("agreement", "observations/KAZ")
    assert ran.code == 0 and ran.codes() == ["no-observations"], ran.text


def test_missing_path_argument(coded: Path, cmr):
    """A path that does not exist is a finding, not an empty report."""
    ran = cmr("agreement", "observations/AZE/1993/nobody.yaml")
    assert ran.code == 1 and "file-unreadable" in ran.codes(), ran.text


def test_three_coders(coded: Path, good_text: str, cmr):
    """A third coder joins every unit: civmil_forum has three codings."""
    write(coded, "carol", as_coder(good_text, "carol"))
    ran = cmr("agreement", "--format", "json")
    data = report(ran)
    assert ran.code == 0 and data["coders"] == ["alice", "bob", "carol"]
    assert (question(data, "civmil_forum")["units"], question(data, "civmil_forum")["codings"]) == (
        1,
        3,
    )


def test_coder_coding_twice_counts_nowhere(coded: Path, good_text: str, cmr):
    """alice.yaml and alice.yml: neither counts, both are errors, and the run fails."""
    write(
        coded,
        "alice",
        set_answer(as_coder(good_text, "alice"), "civmil_forum", '"no"'),
        "alice.yml",
    )
    ran = cmr("agreement", "--format", "json")
    data = report(ran)
    codes = [f["code"] for f in data["findings"]]
    assert ran.code == 1 and codes.count("agreement-coded-twice") == 2, codes
    assert data["overall"]["units"] == 0 and data["country_years"] == 0


def test_stray_file_in_a_coders_folder(coded: Path, cmr):
    """A file below a coder's folder is outside the layout: reported, exit 1."""
    stray = coded / FOLDER / "alice" / "draft.yaml"
    stray.parent.mkdir()
    shutil.copy(coded / ALICE, stray)
    ran = cmr("agreement")
    assert ran.code == 1 and "path-unexpected" in ran.codes(), ran.text


def test_older_codebook_with_the_same_questions(coded: Path, cmr):
    """A coding under 1.0.0 compares with one under 1.1.0: the questions are the same."""
    path = coded / ALICE
    path.write_text(path.read_text().replace("codebook: 1.1.0", "codebook: 1.0.0"))
    ran = cmr("agreement", "--format", "json")
    assert ran.code == 0, ran.text
    assert report(ran)["findings"] == []
    assert report(ran)["overall"]["units"] == QUESTIONS - UNKNOWNS


def test_codebook_versions_that_ask_differently(coded: Path, cmr):
    """Under a version that renames a question, that question is left out, with a warning."""
    book = (coded / "codebook" / "1.1.0.yaml").read_text(encoding="utf-8")
    book = (
        book.replace("version: 1.1.0", "version: 1.1.9")
        .replace("status: released", "status: draft")
        .replace("variable: civmil_forum", "variable: civmil_council")
    )
    (coded / "codebook" / "1.1.9.yaml").write_text(book, encoding="utf-8")
    bob = coded / FOLDER / "bob.yaml"
    bob.write_text(
        bob.read_text()
        .replace("codebook: 1.1.0", "codebook: 1.1.9")
        .replace("  civmil_forum:", "  civmil_council:")
    )
    ran = cmr("agreement", "--format", "json")
    data = report(ran)
    assert ran.code == 0, ran.text
    assert [(f["code"], f["file"], f["line"]) for f in data["findings"]] == [
        ("agreement-codebook-differs", ALICE, 2)
    ]
    assert question(data, "civmil_council")["units"] == question(data, "civmil_forum")["units"] == 0
    assert data["overall"]["units"] == QUESTIONS - UNKNOWNS - 1


def test_error_in_the_adjudicated_file_is_not_agreements_business(coded: Path, cmr):
    """An error in observations/AZE/1993.yaml is `cmr check`'s finding, not agreement's."""
    adjudicated = coded / "observations" / "AZE" / "1993.yaml"
    adjudicated.write_text(set_answer(adjudicated.read_text(), "civmil_forum", "maybe"))
    ran = cmr("agreement")
    assert ran.code == 0 and ran.codes() == [], ran.text


def test_json_keeps_its_fields_and_adds_findings(coded: Path, cmr):
    """--format json keeps the documented fields and adds success and findings."""
    path = coded / ALICE
    path.write_text(path.read_text() + "extra: [unclosed\n")
    ran = cmr("agreement", "--format", "json")
    data = report(ran)
    assert ran.code == 1
    assert {"version", "coders", "country_years", "overall", "questions", "disagreements"} <= set(
        data
    )
    assert data["success"] is False
    assert set(data["findings"][0]) == {
        "file", "line", "column", "severity", "code", "message", "pointer", "related"
    }  # fmt: skip
    assert {"units", "codings", "percent", "alpha", "ac1", "note", "missing", "excluded"} <= set(
        data["overall"]
    )
