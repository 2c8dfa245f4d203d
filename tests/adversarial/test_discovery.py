"""Which files `cmr check PATHS` reads, and single-file checks seen in their context.

Discovery: odd paths (missing, outside the dataset, empty, nested, hidden, spaces, unicode,
newlines) give one located line each and never a traceback. Context ("one check pipeline"):
`cmr check FILE` reports the cross-file findings a whole-dataset check reports on FILE.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from adversarial_support import (
    SEED_FINDING,
    TARGET,
    Ran,
    assert_unchanged,
    findings,
    run_cmr,
    snap,
    snapshot,
)


def one_line(ran: Ran) -> None:
    """Exit 1 with exactly one finding, or exit 2 with exactly one line."""
    lines = [ln for ln in ran.text.splitlines() if ln.strip()]
    if ran.code == 2:
        assert len(lines) == 1, ran.text
        return
    assert ran.code == 1, ran.text
    assert len(findings(ran)) == 1, ran.text


def copy(dataset: Path, text: str, rel: str) -> Path:
    path = dataset / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# Discovery


@pytest.mark.parametrize(
    "path",
    ["nope.yaml", "observations/AZE/1994.yaml", "observations/NOPE", "observations/AZE/1993.yaml/"],
)
def test_path_that_does_not_exist(path: str, dataset: Path) -> None:
    """A path that does not exist is exactly one line (a finding or a usage error)."""
    before = snap(dataset)
    ran = run_cmr("check", path, cwd=dataset)
    assert_unchanged(before, snap(dataset))
    one_line(ran)


def test_missing_path_beside_a_real_one(dataset: Path) -> None:
    """A missing path does not hide the findings of the paths that exist."""
    ran = run_cmr("check", "observations/AZE/1992.yaml", "nope.yaml", cwd=dataset)
    assert ran.code in (1, 2), ran.text
    if ran.code == 1:
        assert SEED_FINDING in ran.out, ran.text
        assert any(f["path"] == "nope.yaml" for f in findings(ran)), ran.text


def test_path_outside_the_dataset(dataset: Path, tmp_path: Path, good_text: str) -> None:
    """A folder outside the dataset is refused or checked, and nothing is written there."""
    outside = tmp_path / "outside" / "AZE"
    outside.mkdir(parents=True)
    (outside / "1993.yaml").write_text(good_text.replace("year: 1993", "year: 1066"), "utf-8")
    before, before_out = snap(dataset), snapshot(tmp_path / "outside")
    ran = run_cmr("check", str(outside.parent), cwd=dataset)
    assert_unchanged(before, snap(dataset))
    assert_unchanged(before_out, snapshot(tmp_path / "outside"), allowed=())
    assert ran.code in (1, 2), ran.text
    if ran.code == 1:
        assert findings(ran), ran.text


def test_non_yaml_file_given_explicitly(dataset: Path) -> None:
    """`cmr check pyproject.toml` is a located error, not a clean run."""
    ran = run_cmr("check", "pyproject.toml", cwd=dataset)
    assert ran.code in (1, 2), ran.text
    if ran.code == 1:
        assert findings(ran), ran.text


@pytest.mark.parametrize("content", [None, "README.md"], ids=["empty", "only-a-readme"])
def test_folder_with_no_observations(content: str | None, dataset: Path) -> None:
    """A folder holding no observation gives a located no-observations finding."""
    folder = dataset / "observations" / "ZZZ"
    folder.mkdir()
    if content:
        (folder / content).write_text("notes\n", encoding="utf-8")
    ran = run_cmr("check", "observations/ZZZ", cwd=dataset)
    found = findings(ran)
    assert ran.code in (0, 1), ran.text
    assert [f["code"] for f in found] == ["no-observations"], ran.text


@pytest.mark.parametrize(
    "rel",
    [
        "observations/AZE/1993/sub/deep.yaml",
        "observations/old/AZE/1993.yaml",
        "observations/AZE/1993/alice/1993.yaml",
        "observations/AZE/AZE/1993.yaml",
    ],
)
def test_nested_garbage_folders(rel: str, dataset: Path, good_text: str) -> None:
    """A copy buried in extra folders is path-unexpected, not a second coding of AZE 1993."""
    copy(dataset, good_text.replace("coder: cmr-seed", "coder: other"), rel)
    before = snap(dataset)
    ran = run_cmr("check", cwd=dataset)
    assert_unchanged(before, snap(dataset))
    assert ran.code == 1, ran.text
    codes = {f["code"] for f in findings(ran) if f["path"] == rel}
    assert "path-unexpected" in codes, ran.text


@pytest.mark.parametrize(
    "rel",
    [
        "observations/AZE/١٩٩٣.yaml",
        "observations/AZE/１９９３.yaml",
        "observations/ＡＺＥ/1993.yaml",
    ],
    ids=["arabic-indic-digits", "fullwidth-digits", "fullwidth-iso3"],
)
def test_lookalike_characters_in_path(rel: str, dataset: Path, good_text: str) -> None:
    """Non-ASCII digits or letters that Python calls digits/upper do not make a valid path."""
    copy(dataset, good_text.replace("coder: cmr-seed", "coder: other"), rel)
    ran = run_cmr("check", cwd=dataset)
    assert ran.code == 1, ran.text
    codes = {f["code"] for f in findings(ran) if f["path"] == rel}
    assert codes & {"path-unexpected", "path-mismatch"}, ran.text


def test_hidden_folders_are_not_checked(dataset: Path, good_text: str) -> None:
    """YAML inside observations/.git or .cache is not read (and does not crash a check)."""
    copy(dataset, "- not an observation\n", "observations/.git/config.yaml")
    copy(dataset, good_text, "observations/AZE/.cache/1993.yaml")
    ran = run_cmr("check", cwd=dataset)
    assert ran.code == 0, ran.text
    assert all("/." not in f["path"] for f in findings(ran)), ran.text


def test_hidden_observation_file_is_reported(dataset: Path, good_text: str) -> None:
    """observations/AZE/.1994.yaml is a hidden copy: pointed out (a warning), not skipped."""
    copy(dataset, good_text.replace("year: 1993", "year: 1994"), "observations/AZE/.1994.yaml")
    ran = run_cmr("check", cwd=dataset)
    assert ran.code == 0, ran.text
    assert any(f["path"] == "observations/AZE/.1994.yaml" for f in findings(ran)), ran.text


def test_hidden_file_given_explicitly_is_checked(dataset: Path) -> None:
    """A hidden file named on the command line is checked, not dropped."""
    copy(dataset, "- a list\n", "observations/AZE/.1994.yaml")
    ran = run_cmr("check", "observations/AZE/.1994.yaml", cwd=dataset)
    assert ran.code == 1, ran.text
    assert any(f["code"] == "document-not-mapping" for f in findings(ran)), ran.text


ALLOWED_ODD = ("path-unexpected", "duplicate-observation", "panel-duplicate-country-year")


@pytest.mark.parametrize(
    "name",
    ["1993 copy.yaml", "19é3.yaml", "19\n93.yaml", "1993\t.yaml"],
    ids=["space", "unicode", "newline", "tab"],
)
def test_odd_file_names(name: str, dataset: Path, good_text: str) -> None:
    """Odd names give findings whose path fits on one line and names that file."""
    rel = f"observations/AZE/{name}"
    copy(dataset, good_text, rel)
    before = snap(dataset)
    ran = run_cmr("check", cwd=dataset)
    assert_unchanged(before, snap(dataset))
    assert ran.code == 1, ran.text
    found = findings(ran)
    odd = [
        f
        for f in found
        if f["path"] not in ("observations/AZE/1993.yaml", "observations/AZE/1992.yaml")
    ]
    assert odd and all(f["code"] in ALLOWED_ODD for f in odd), ran.text
    assert {f["path"] for f in odd} == {odd[0]["path"]}, ran.text


def test_odd_name_given_explicitly(dataset: Path, good_text: str) -> None:
    """A path with spaces and unicode given on the command line is checked and shown."""
    rel = "observations/AZE/1993 (copie é).yaml"
    copy(dataset, good_text, rel)
    ran = run_cmr("check", rel, cwd=dataset)
    assert ran.code == 1, ran.text
    assert any(f["path"] == rel and f["code"] == "path-unexpected" for f in findings(ran))


@pytest.mark.parametrize(
    "paths",
    [
        (TARGET, TARGET),
        (TARGET, "./" + TARGET),
        ("observations", "observations/AZE"),
        ("observations/AZE", "observations/AZE/../AZE/1993.yaml"),
    ],
    ids=["twice", "dot-slash", "folder-and-subfolder", "dot-dot"],
)
def test_same_file_named_twice_is_checked_once(paths: tuple[str, ...], dataset: Path) -> None:
    """A file reached by two paths is one file, not a duplicate-observation of itself."""
    ran = run_cmr("check", *paths, cwd=dataset)
    assert ran.code == 0, ran.text
    assert "duplicate-observation" not in [f["code"] for f in findings(ran)], ran.text


# Single-file checks in context


def _set_answer(text: str, variable: str, answer: str) -> str:
    start = text.index(f"\n  {variable}:\n") + 1
    head, tail = text[:start], text[start:]
    return head + re.sub(r'answer: "?[a-z_]+"?', f'answer: "{answer}"', tail, count=1)


def test_single_file_reports_series_rule(dataset: Path, good_text: str) -> None:
    """`cmr check 1993.yaml` reports coup-history-reverts against 1992, naming 1992."""
    (dataset / TARGET).write_text(_set_answer(good_text, "coup_history", "no"), "utf-8")
    whole = run_cmr("check", cwd=dataset)
    assert "coup-history-reverts" in whole.codes(), whole.text
    before = snap(dataset)
    ran = run_cmr("check", "--format", "json", TARGET, cwd=dataset)
    assert_unchanged(before, snap(dataset))
    assert ran.code == 1, ran.text
    hits = [f for f in json.loads(ran.out)["findings"] if f["code"] == "coup-history-reverts"]
    assert hits, ran.text
    assert hits[0]["file"] == TARGET
    assert "observations/AZE/1992.yaml" in hits[0]["related"], ran.text


def test_single_file_reports_slow_change_without_note(dataset: Path, good_text: str) -> None:
    """A slow-moving answer that flips from 1992 without change_note is seen from 1993 alone."""
    start = good_text.index("\n  officer_party_member:\n")
    end = good_text.index("\n  political_training:\n")
    block = good_text[start:end]
    cut = block[: block.index("    change_note:")].rstrip("\n")
    (dataset / TARGET).write_text(good_text[:start] + cut + good_text[end:], "utf-8")
    ran = run_cmr("check", TARGET, cwd=dataset)
    assert ran.code == 1, ran.text
    assert "slow-change-without-note" in ran.codes(), ran.text


def test_single_file_reports_duplicate_observation(dataset: Path, good_text: str) -> None:
    """A country-year coded twice by one coder is reported by a check of the flagged file."""
    copy(dataset, good_text, "observations/AZE/1993/cmr-seed.yaml")
    whole = run_cmr("check", cwd=dataset)
    flagged = [f["path"] for f in findings(whole) if f["code"] == "duplicate-observation"]
    assert flagged, whole.text
    for path in sorted(set(flagged)):
        ran = run_cmr("check", path, cwd=dataset)
        assert "duplicate-observation" in ran.codes(), f"{path}:\n{ran.text}"


def test_single_file_of_the_other_duplicate(dataset: Path, good_text: str) -> None:
    """Checking either file of a duplicated country-year reports the duplicate."""
    copy(dataset, good_text, "observations/AZE/1993/cmr-seed.yaml")
    for path in ("observations/AZE/1993.yaml", "observations/AZE/1993/cmr-seed.yaml"):
        ran = run_cmr("check", path, cwd=dataset)
        assert ran.code == 1, f"{path}:\n{ran.text}"
        assert "duplicate-observation" in ran.codes(), f"{path}:\n{ran.text}"


def test_single_file_reports_reconciles_missing_coding(dataset: Path, good_text: str) -> None:
    """An adjudicated file reconciling a coder with no coding is reported from a file check."""
    text = good_text.replace("context: Azeri", "reconciles: [alice]\ncontext: Azeri", 1)
    (dataset / TARGET).write_text(text, "utf-8")
    ran = run_cmr("check", TARGET, cwd=dataset)
    assert ran.code == 1, ran.text
    assert "reconciles-missing-coding" in ran.codes(), ran.text


def test_single_independent_coding_sees_missing_adjudication(dataset: Path, good_text: str) -> None:
    """An independent coding checked alone still gets the cross-file series checks."""
    text = _set_answer(good_text, "coup_history", "no").replace("cmr-seed", "alice")
    copy(dataset, text, "observations/AZE/1993/alice.yaml")
    whole = run_cmr("check", cwd=dataset)
    ran = run_cmr("check", "observations/AZE/1993/alice.yaml", cwd=dataset)
    on_file = sorted(
        (f["code"], f["line"]) for f in findings(whole) if f["path"].endswith("alice.yaml")
    )
    assert sorted((f["code"], f["line"]) for f in findings(ran)) == on_file, ran.text


def test_json_lists_rules_and_context(dataset: Path) -> None:
    """`--format json FILE` says which rules ran and which context files were read."""
    ran = run_cmr("check", "--format", "json", TARGET, cwd=dataset)
    data = json.loads(ran.out)
    extra = {k: v for k, v in data.items() if k not in ("findings", "summary")}
    dumped = json.dumps(extra)
    assert "observations/AZE/1992.yaml" in dumped, f"no context file listed: {sorted(data)}"
    assert "coup-history-reverts" in dumped, f"no rules listed: {sorted(data)}"


def test_single_file_matches_whole_dataset_on_that_file(dataset: Path, good_text: str) -> None:
    """The findings of `cmr check FILE` equal the whole check's findings on FILE."""
    text = _set_answer(good_text, "coup_history", "no")
    text = text.replace("context: Azeri", "reconciles: [alice]\ncontext: Azeri", 1)
    (dataset / TARGET).write_text(text, "utf-8")
    whole = run_cmr("check", cwd=dataset)
    one = run_cmr("check", TARGET, cwd=dataset)
    expected = sorted(
        (f["code"], f["line"], f["column"]) for f in findings(whole) if f["path"] == TARGET
    )
    got = sorted((f["code"], f["line"], f["column"]) for f in findings(one))
    assert got == expected, one.text
