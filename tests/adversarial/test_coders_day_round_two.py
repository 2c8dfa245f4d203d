"""The coder's day, attacked again: drafts, carrying forward and the status board in the
cases a first attack found wrong (each pins what a user should see)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from adversarial_support import FINDING, Ran, findings, run_cmr
from support import make_project, observation_data, write_observation

from cmr._yaml import loads

PREVIOUS = "observations/AZE/1992.yaml"
DRAFT = "observations/AZE/1993.yaml"
FIRST_ENTRY_END = "      pages: 120-121\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A dataset with one clean final observation, AZE 1992."""
    root = make_project(tmp_path / "ds")
    write_observation(root, observation_data(root, year=1992))
    return root


def draft_with(project: Path, lines: str, status: str = "draft") -> None:
    """Write AZE 1993 as a clean `status` file with `lines` added to its first answer."""
    text = yaml.safe_dump(
        observation_data(project, year=1993, status=status), allow_unicode=True, sort_keys=False
    )
    (project / DRAFT).write_text(text.replace(FIRST_ENTRY_END, FIRST_ENTRY_END + lines, 1))


@pytest.mark.parametrize("control", ["\\a", "\\0", "\\b", "\\x7f"])
def test_needs_review_reason_is_echoed_without_control_characters(
    project: Path, control: str
) -> None:
    """A needs_review reason holding control characters is echoed escaped, never raw."""
    draft_with(project, f'    needs_review: "bell{control}here"\n')
    ran = run_cmr("check", DRAFT, cwd=project)
    [line] = [ln for ln in ran.out.splitlines() if "answer-needs-review" in ln]
    assert line.isprintable(), repr(line)


@pytest.mark.parametrize("year", ["1993", "1994", "2030", "0", "-5"])
def test_carried_from_a_year_not_before_the_observation_is_a_finding(
    project: Path, year: str
) -> None:
    """carried_from must name an earlier year: the observation's own year, a later year, a
    future year or year 0 is a data error, not the ordinary 'carried' warning."""
    draft_with(project, f"    carried_from: {year}\n")
    ran = run_cmr("check", DRAFT, cwd=project)
    assert ran.code == 1, ran.text


def test_blank_needs_review_is_an_error_like_an_empty_one(project: Path) -> None:
    """needs_review of blanks gives no reason, like '' (which is an error): it is refused too."""
    draft_with(project, "    needs_review: '   '\n")
    ran = run_cmr("check", DRAFT, cwd=project)
    assert ran.code == 1, ran.text
    assert "needs review: ;" not in ran.text


@pytest.mark.parametrize("value", ["'1992'", "[1992]", "true"])
def test_mistyped_carried_from_is_one_finding(project: Path, value: str) -> None:
    """One mistake, one finding: a mistyped carried_from is one error, not a warning that
    echoes the bad value ('carried forward from a list') plus an error."""
    draft_with(project, f"    carried_from: {value}\n")
    ran = run_cmr("check", DRAFT, cwd=project)
    assert len(findings(ran)) == 1, ran.text


@pytest.mark.parametrize("value", ["[a, b]", "true"])
def test_mistyped_needs_review_speaks_yaml_not_python(project: Path, value: str) -> None:
    """A mistyped needs_review is not echoed as a Python value (`['a', 'b']`, `True`)."""
    draft_with(project, f"    needs_review: {value}\n")
    ran = run_cmr("check", DRAFT, cwd=project)
    assert "['a', 'b']" not in ran.text and "True" not in ran.text, ran.text


def test_previous_naming_an_unknown_codebook_version_is_a_finding(project: Path) -> None:
    """Provenance naming a codebook version that does not exist is not accepted silently."""
    draft_with(project, "    previous: {codebook: '9.9.9', answer: maybe}\n")
    ran = run_cmr("check", DRAFT, cwd=project)
    assert findings(ran), ran.text


def test_from_previous_keeps_the_review_reasons_of_a_draft(tmp_path: Path) -> None:
    """Carrying from a draft whose answers still need review (coded under an older codebook)
    keeps that reason: the unconfirmed answer is not laundered into a plain carry."""
    root = make_project(tmp_path / "ds")
    write_observation(root, observation_data(root, year=1990, codebook="1.0.0"))
    args = ("AZE", "--coder", "jdoe", "--from-previous")
    assert run_cmr("new", args[0], "1992", *args[1:], cwd=root).code == 0
    assert run_cmr("new", args[0], "1993", *args[1:], cwd=root).code == 0
    data = loads((root / DRAFT).read_text(encoding="utf-8"))
    reasons = [e.get("needs_review", "") for e in data["answers"].values()]
    assert all("1.0.0" in r for r in reasons), reasons


def test_unreadable_previous_year_is_reported_as_a_finding_line(tmp_path: Path) -> None:
    """An unreadable earlier year (exit 1, the data is at fault) is printed as the finding
    `path:line:column: severity code message`, which editors jump to; not wrapped in prose."""
    root = make_project(tmp_path / "ds")
    (root / "observations" / "AZE").mkdir()
    (root / PREVIOUS).write_text("codebook: [\n", encoding="utf-8")
    ran = run_cmr("new", "AZE", "1993", "--coder", "jdoe", "--from-previous", cwd=root)
    assert ran.code == 1
    lines = ran.text.splitlines()
    assert any(FINDING.match(ln) and ln.startswith(PREVIOUS) for ln in lines), ran.text


def status_rows(project: Path) -> list[tuple[str, int, str]]:
    import json

    ran = run_cmr("status", "--format", "json", cwd=project)
    return [(r["iso3c"], r["year"], r["status"]) for r in json.loads(ran.out)["rows"]]


def test_status_shows_a_misplaced_file_once(project: Path) -> None:
    """A file whose year disagrees with its name is one row (where it lies), not an
    'unreadable' row plus a contribution to another country-year's row."""
    wrong = observation_data(project, year=1992, coder="other")
    write_observation(project, wrong, "AZE/1989.yaml")
    rows = status_rows(project)
    assert [r for r in rows if r[1] == 1992] == [("AZE", 1992, "final")]
    assert ("AZE", 1989, "unreadable") not in rows, rows
    import json

    board = json.loads(run_cmr("status", "--format", "json", cwd=project).out)
    [row] = [r for r in board["rows"] if r["year"] == 1992]
    assert row["coders"] == ["tester"], row


def test_status_counts_a_file_of_another_country_once(project: Path) -> None:
    """A file in the wrong country folder is not an 'unreadable' row (it was read) and does
    not add its coder to the country-year its content names."""
    stray = observation_data(project, year=1992, coder="other")
    write_observation(project, stray, "ARM/1992.yaml")
    import json

    board = json.loads(run_cmr("status", "--format", "json", cwd=project).out)
    shown = {(r["iso3c"], r["status"]): r["coders"] for r in board["rows"]}
    assert ("ARM", "unreadable") not in shown, shown
    assert shown.get(("AZE", "final")) == ["tester"], shown


@pytest.fixture
def long_history(tmp_path: Path) -> Path:
    """A dataset spanning 1816-2025 over 40 countries."""
    from cmr import countries

    root = make_project(tmp_path / "ds")
    table = [c for c in countries.table() if c.cown is not None][:40]
    for i, c in enumerate(table):
        for year in (1816, 2025) if i % 2 == 0 else (1900 + i,):
            data = observation_data(root, iso3c=c.iso3c, year=year, country=c.name, cown=c.cown)
            write_observation(root, data)
    return root


def test_matrix_of_two_centuries_fits_the_terminal(long_history: Path) -> None:
    """--matrix over 1816-2025 stays within the terminal's width (COLUMNS=100): it wraps the
    years into blocks instead of printing 216-character lines."""
    ran = run_cmr("status", "--matrix", cwd=long_history, env={"COLUMNS": "100"})
    assert ran.code == 0
    widest = max(len(line) for line in ran.out.splitlines())
    assert widest <= 100, f"{widest} characters wide"


def test_matrix_year_labels_do_not_run_together(long_history: Path) -> None:
    """The first year's label and the next decade's are apart ('1816 1820', not '18161820')."""
    ran = run_cmr("status", "--matrix", cwd=long_history)
    assert not re.search(r"\d{8}", ran.out), ran.out.splitlines()[1]


def test_agreement_of_draft_codings_does_not_say_there_are_none(tmp_path: Path) -> None:
    """With two draft independent codings, agreement does not claim that no country-year has
    two independent codings and advise adding them."""
    root = make_project(tmp_path / "ds")
    for coder in ("alice", "bob"):
        data = observation_data(root, year=1994, coder=coder, status="draft")
        write_observation(root, data, f"AZE/1994/{coder}.yaml")
    ran: Ran = run_cmr("agreement", cwd=root)
    assert "no country-year has two independent codings" not in ran.text, ran.text


def test_a_draft_of_an_earlier_year_puts_no_error_on_a_final_file(project: Path) -> None:
    """A draft (work in progress, out of the panel) of 1991 answering 'yes' does not turn the
    reviewed final 1992 file red through the cross-year rules: check passes on 1992 and the
    export still publishes it."""
    write_observation(project, observation_data(project, year=1991, status="draft", answer="yes"))
    ran = run_cmr("check", cwd=project)
    on_final = [f for f in findings(ran) if f["path"].endswith("1992.yaml")]
    assert on_final == [], ran.text
    assert run_cmr("export", "--out", "out", cwd=project).code == 0


def test_a_draft_with_a_mistake_does_not_block_the_export(project: Path) -> None:
    """A draft is left out of the panel anyway: its unfinished answer ('mayb') does not stop
    the final files from being exported (issue 11: one unfinished file blocks the export)."""
    data = observation_data(project, year=1993, status="draft")
    data["answers"]["regime_from_coup"]["answer"] = "mayb"
    write_observation(project, data)
    ran = run_cmr("export", "--out", "out", cwd=project)
    assert ran.code == 0, ran.text


def test_from_previous_reads_an_earlier_year_written_as_yml(tmp_path: Path) -> None:
    """`AZE/1992.yml` is the panel's 1992 for check, status and export: --from-previous
    carries from it, not silently from the older 1990."""
    root = make_project(tmp_path / "ds")
    write_observation(root, observation_data(root, year=1990, answer="yes"))
    write_observation(root, observation_data(root, year=1992), "AZE/1992.yml")
    ran = run_cmr("new", "AZE", "1993", "--coder", "jdoe", "--from-previous", cwd=root)
    assert ran.code == 0, ran.text
    data = loads((root / DRAFT).read_text(encoding="utf-8"))
    assert {e.get("carried_from") for e in data["answers"].values()} == {1992}


def test_from_previous_does_not_carry_from_a_misplaced_file(tmp_path: Path) -> None:
    """AZE/1991.yaml holding year 1985 (a path-mismatch error) is not carried as
    `carried_from: 1985`: the draft is refused or names the year the file is at."""
    root = make_project(tmp_path / "ds")
    write_observation(root, observation_data(root, year=1985), "AZE/1991.yaml")
    ran = run_cmr("new", "AZE", "1993", "--coder", "jdoe", "--from-previous", cwd=root)
    if ran.code == 0:
        data = loads((root / DRAFT).read_text(encoding="utf-8"))
        assert {e.get("carried_from") for e in data["answers"].values()} == {1991}


def test_a_fresh_template_does_not_block_the_export(project: Path) -> None:
    """A fresh `cmr new` (no --from-previous) is work in progress: it is 13 answer-missing
    warnings and the export of the final files goes on (the first complaint of issue 11), not
    13 errors and exit 1."""
    assert run_cmr("new", "AZE", "1994", "--coder", "jdoe", cwd=project).code == 0
    ran = run_cmr("export", "--out", "out", cwd=project)
    assert ran.code == 0, ran.text[-2000:]


def test_status_json_says_there_are_findings_outside_the_observations(project: Path) -> None:
    """With a broken codebook every row is 'unreadable'; the JSON board, like the text one,
    says there are findings outside the observations (scripts otherwise see no reason)."""
    import json

    book = project / "codebook" / "1.1.0.yaml"
    book.write_text(book.read_text(encoding="utf-8") + "garbage: [\n", encoding="utf-8")
    ran = run_cmr("status", "--format", "json", cwd=project)
    assert ran.code == 0
    assert "finding" in json.dumps(json.loads(ran.out)), ran.out


def test_status_agreement_leaves_draft_codings_out_as_cmr_agreement_does(tmp_path: Path) -> None:
    """Two draft independent codings: `cmr agreement` leaves them out, so the board does not
    show an agreement computed from them (it showed 100%)."""
    import json

    root = make_project(tmp_path / "ds")
    for coder in ("alice", "bob"):
        data = observation_data(root, year=1994, coder=coder, status="draft")
        write_observation(root, data, f"AZE/1994/{coder}.yaml")
    board = json.loads(run_cmr("status", "--format", "json", cwd=root).out)
    [row] = board["rows"]
    assert row["agreement"] is None, row
