"""Hostile codebook pairs for `cmr codebook diff`, the changelog check and `cmr migrate`.

Each pair is a copy of a released codebook (1.1.0, or the repository's 1.2.0) edited one way
and written as the next version; the tests run the `cmr` command as a user does and assert the
class of each change, that the changelog check reads mentions as whole words, and that a
migration keeps every answer, its evidence and its citations.
"""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from support import REPO, cmr_run, make_project, observation_data, write_observation

from cmr import _yaml
from cmr.codebook import Codebooks
from cmr.versions import diff

Data = dict[str, Any]
Edit = Callable[[Data], object]


def _project(tmp_path: Path, base: str) -> Path:
    """A project whose codebook folder ends at `base` (the pair's old version)."""
    return make_project(tmp_path, up_to=base)


def _next(base: str) -> str:
    major, minor, _ = (int(p) for p in base.split("."))
    return f"{major}.{minor + 1}.0"


def _write(project: Path, base: str, edit: Edit | None, details: list[str] | None = None) -> str:
    """Write version `_next(base)`: `base` edited by `edit`, with a changelog entry."""
    text = (project / "codebook" / f"{base}.yaml").read_text(encoding="utf-8")
    data: Data = copy.deepcopy(_yaml.loads(text))
    version = _next(base)
    data.update(version=version, status="draft")
    data.pop("released", None)
    if edit is not None:
        edit(data)
    entry: Data = {"version": version, "date": "2026-12-01", "summary": "A made-up version."}
    if details:
        entry["details"] = details
    data["changes"] = [entry, *data["changes"]]
    path = project / "codebook" / f"{version}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return version


def _q(data: Data, qid: str) -> Data:
    found: Data = next(q for q in data["questions"] if q["id"] == qid)
    return found


def _changes(project: Path, old: str, new: str) -> list[str]:
    done = cmr_run(project, "codebook", "diff", old, new)
    assert done.returncode == 0, done.stderr
    return [line.strip() for line in done.stdout.splitlines() if line.startswith("  ")]


# --- edits of 1.1.0 -------------------------------------------------------------------------


def _swap_ids(d: Data) -> None:
    a, b = _q(d, "Q1"), _q(d, "Q2")
    a["id"], b["id"] = "Q2", "Q1"
    d["questions"][0], d["questions"][1] = d["questions"][1], d["questions"][0]


def _hard_case_added(d: Data) -> None:
    _q(d, "Q1")["guidance"]["hard_cases"].append({"case": "A new case.", "rule": "Code no."})


def _hard_case_removed(d: Data) -> None:
    _q(d, "Q1")["guidance"]["hard_cases"].pop()


def _no_guidance(d: Data) -> None:
    _q(d, "Q6")["guidance"]["no"] = "No card was found."


def _numeric_value(d: Data) -> None:
    next(v for v in d["scales"]["yes_no"]["values"] if v["code"] == "yes")["value"] = 5


def _requires(d: Data) -> None:
    for m in d["scales"]["yes_no"]["missing"]:
        m["requires_citation"] = not m.get("requires_citation", False)
        m["requires_note"] = not m.get("requires_note", False)


def _other_window(d: Data) -> None:
    d["windows"]["last_10_years"] = dict(d["windows"]["last_5_years"], years=10)
    _q(d, "Q8")["window"] = "last_10_years"


def _same_years_window(d: Data) -> None:
    d["windows"]["five_years"] = dict(d["windows"]["last_5_years"])
    _q(d, "Q8")["window"] = "five_years"


def _rule_severity(d: Data) -> None:
    rule = d["rules"][0]
    rule["severity"] = "warning" if rule["severity"] == "error" else "error"


def _rule_removed(d: Data) -> None:
    d["rules"].pop()


def _reference_moment(d: Data) -> None:
    d["reference_moment"] = "The first day of the year."


# --- edits of 1.2.0 -------------------------------------------------------------------------


def _concept_definition(d: Data) -> None:
    d["concepts"]["coup"]["definition"] = "Any change of government by force."


def _unit_added(d: Data) -> None:
    d["units"]["mid_year"] = {
        "label": "Mid-year",
        "description": "30 June.",
        "reference_date": "06-30",
    }


def _unit_removed(d: Data) -> None:
    d["units"].pop("war_outbreak")


def _reference_date(d: Data) -> None:
    d["units"][d["default_unit"]]["reference_date"] = "06-30"


def _tier_added(d: Data) -> None:
    d["source_tiers"].append({"code": "blog", "label": "Blog", "description": "A blog post."})


def _tier_removed(d: Data) -> None:
    d["source_tiers"] = [t for t in d["source_tiers"] if t["code"] != "project_record"]


def _drop_reference_tier(d: Data) -> None:
    d["source_tiers"] = [t for t in d["source_tiers"] if t["code"] != "reference"]


def _event_type_added(d: Data) -> None:
    d["events"]["types"].append(
        {
            "code": "mutiny",
            "label": "Mutiny",
            "description": "A unit refuses orders.",
            "concept": "coup",
        }
    )


def _event_type_removed(d: Data) -> None:
    d["events"]["types"] = [t for t in d["events"]["types"] if t["code"] != "war_outbreak"]


CLASSED = [
    ("1.1.0", _hard_case_added, "compatible Q1 hard case"),
    ("1.1.0", _hard_case_removed, "breaking   Q1 hard case"),
    ("1.1.0", _no_guidance, "breaking   Q6 guidance.no changed"),
    ("1.1.0", _numeric_value, "breaking   yes_no value code yes value changed (1 -> 5)"),
    ("1.1.0", _other_window, "breaking   Q8 window changed (last_5_years -> last_10_years)"),
    ("1.1.0", _same_years_window, "compatible Q8 window changed (last_5_years -> five_years)"),
    ("1.1.0", _rule_severity, "compatible coup-regime-without-coup-history severity changed"),
    ("1.1.0", _rule_removed, "compatible evidence-opens-by-affirming entry removed"),
    ("1.1.0", _reference_moment, "breaking   reference_moment text changed"),
    ("1.2.0", _concept_definition, "breaking   coup definition changed"),
    ("1.2.0", _unit_added, "compatible mid_year unit added"),
    ("1.2.0", _unit_removed, "breaking   war_outbreak unit removed"),
    ("1.2.0", _reference_date, "breaking   country_year reference_date changed (12-31 -> 06-30)"),
    ("1.2.0", _tier_added, "compatible blog entry added"),
    ("1.2.0", _tier_removed, "compatible project_record entry removed"),
    ("1.2.0", _event_type_added, "compatible mutiny entry added"),
    ("1.2.0", _event_type_removed, "breaking   war_outbreak entry removed"),
]


@pytest.mark.parametrize(("base", "edit", "line"), CLASSED, ids=[c[1].__name__ for c in CLASSED])
def test_each_change_has_its_class(tmp_path: Path, base: str, edit: Edit, line: str) -> None:
    """One edit of a released codebook shows as one change line, classed as the docs say."""
    project = _project(tmp_path, base)
    new = _write(project, base, edit)
    changes = [c for c in _changes(project, base, new) if "window added" not in c]
    assert len(changes) == 1 and changes[0].startswith(line), changes


def test_missing_code_flags_are_compatible(tmp_path: Path) -> None:
    """requires_citation / requires_note flipped on every missing code: all compatible."""
    project = _project(tmp_path, "1.1.0")
    changes = _changes(project, "1.1.0", _write(project, "1.1.0", _requires))
    assert changes and all(c.startswith("compatible yes_no missing code") for c in changes)


def test_swapped_ids_follow_the_variables(tmp_path: Path) -> None:
    """Two questions that swap ids are two compatible id changes, not two reworded questions."""
    project = _project(tmp_path, "1.1.0")
    changes = _changes(project, "1.1.0", _write(project, "1.1.0", _swap_ids))
    assert sorted(changes) == [
        "compatible Q1 id changed (Q2 -> Q1): the same variable under a new id",
        "compatible Q2 id changed (Q1 -> Q2): the same variable under a new id",
    ]


def test_declared_split_names_no_same_variable(tmp_path: Path) -> None:
    """A declared replacement is one 'replaced' change, not also an id moved with its variable."""
    project = _project(tmp_path, "1.1.0")

    def split(d: Data) -> None:
        extra = dict(_q(d, "Q10"), id="Q10a", variable="paramilitary_exists", text="Exists?")
        d["questions"].insert(10, extra)

    changes = _changes(project, "1.1.0", _write(project, "1.1.0", split, ["replace: Q10 -> Q10a"]))
    assert any(c.startswith("breaking   Q10a question replaced") for c in changes), changes
    assert not any("the same variable under a new id" in c for c in changes), changes


@pytest.mark.parametrize("base", ["1.1.0", "1.2.0"])
def test_identical_and_reversed_pairs(tmp_path: Path, base: str) -> None:
    """The same codebook under two version numbers has no change, in either order."""
    project = _project(tmp_path, base)
    new = _write(project, base, None)
    for pair in ((base, new), (new, base)):
        done = cmr_run(project, "codebook", "diff", *pair)
        assert done.returncode == 0 and done.stderr == ""
        assert done.stdout.splitlines()[-1] == "0 changes: 0 breaking, 0 compatible"


def test_json_equals_library_for_a_120_pair(tmp_path: Path) -> None:
    """--format json prints the library's to_dict, also for the sections of 1.2.0."""
    project = _project(tmp_path, "1.2.0")

    def both(d: Data) -> None:
        _reference_date(d)
        _tier_added(d)

    new = _write(project, "1.2.0", both)
    done = cmr_run(project, "codebook", "diff", "1.2.0", new, "--format", "json")
    assert done.returncode == 0, done.stderr
    books = Codebooks(project / "codebook")
    expected = diff(books.get("1.2.0"), books.get(new)).to_dict()  # type: ignore[arg-type]
    assert json.loads(done.stdout) == expected
    assert expected["summary"] == {"changes": 2, "breaking": 1, "compatible": 1}


@pytest.mark.parametrize(
    "content",
    ["version: [\n", "", "- 1\n", "codebook: x\n", b"\xff\xfe\x00b"],
    ids=["bad-yaml", "empty", "list", "incomplete", "utf16"],
)
def test_unusable_codebook_file_is_one_line(tmp_path: Path, content: str | bytes) -> None:
    """A file that is not a loadable codebook: exit 2, one line on stderr, nothing on stdout."""
    project = _project(tmp_path, "1.1.0")
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(content if isinstance(content, bytes) else content.encode())
    for pair in (("1.1.0", str(bad)), (str(bad), "1.1.0")):
        done = cmr_run(project, "codebook", "diff", *pair)
        assert done.returncode == 2 and done.stdout == ""
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr


# --- the changelog check --------------------------------------------------------------------


def _reword(d: Data) -> None:
    _q(d, "Q5")["text"] = "Are there ideological requirements for senior officers?"


@pytest.mark.parametrize(
    ("details", "listed"),
    [
        (None, False),
        (["Q50 reworded."], False),
        (["Q5a reworded."], False),
        (["q5 reworded."], True),
        (["(Q5) reworded."], True),
        (["officer_ideology_test reworded."], True),
    ],
)
def test_changelog_mention_is_a_whole_word(
    tmp_path: Path, details: list[str] | None, listed: bool
) -> None:
    """A breaking change counts as listed only when its id or variable is named as a word."""
    project = _project(tmp_path, "1.1.0")
    _write(project, "1.1.0", _reword, details)
    done = cmr_run(project, "check")
    found = [ln for ln in done.stdout.splitlines() if "codebook-change-unlisted" in ln]
    if listed:
        assert found == []
    else:
        assert len(found) == 1 and found[0].startswith("codebook/1.2.0.yaml:")
        assert "Q5 text changed" in found[0]
        line = int(found[0].split(":")[1])
        text = (project / "codebook" / "1.2.0.yaml").read_text(encoding="utf-8")
        assert text.splitlines()[line - 1] == "changes:"


# --- migration ------------------------------------------------------------------------------


def _observation(project: Path, crlf: bool = False) -> tuple[Path, Data]:
    """A 1.1.0 observation whose answers, evidence and pages all differ from each other."""
    data = observation_data(project)
    for i, (variable, answer) in enumerate(data["answers"].items()):
        answer["answer"] = ("yes", "no", "unknown")[i % 3]
        answer["evidence"] = f"Evidence number {i} for {variable}: the sources say so (1990-1993)."
        answer["citations"] = [{"key": "curtis1995", "pages": str(100 + i)}]
        if answer["answer"] == "unknown":
            answer["note"] = f"Searched the country study for {variable}."
    path = write_observation(project, data)
    if crlf:
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    return path, data


def _split(d: Data) -> None:
    extra = dict(_q(d, "Q10"), id="Q10a", variable="paramilitary_exists", text="Exists?")
    d["questions"].insert(10, extra)


def _drop_q13(d: Data) -> None:
    d["questions"] = [q for q in d["questions"] if q["id"] != "Q13"]


def _unknown_removed(d: Data) -> None:
    missing = d["scales"]["yes_no"]["missing"]
    d["scales"]["yes_no"]["missing"] = [m for m in missing if m["code"] != "unknown"]
    d["rules"] = [r for r in d["rules"] if "unknown" not in str(r)]


PAIRS = [
    (_swap_ids, None),
    (lambda d: _q(d, "Q3").update(variable="leader_former_officer"), None),
    (lambda d: _q(d, "Q13").update(id="Q20"), None),
    (_reword, ["Q5"]),
    (_no_guidance, ["Q6"]),
    (_hard_case_removed, ["Q1"]),
    (_numeric_value, ["yes_no"]),
    (_unknown_removed, ["yes_no"]),
    (lambda d: d["windows"]["last_5_years"].update(years=3), ["last_5_years"]),
    (_other_window, ["Q8"]),
    (_drop_q13, ["Q13"]),
    (_split, None),
    (_split, ["replace: Q10 -> Q10a"]),
    (_reference_moment, ["reference_moment"]),
]


@pytest.mark.parametrize(("edit", "details"), PAIRS)
def test_migration_loses_no_answer(tmp_path: Path, edit: Edit, details: list[str] | None) -> None:
    """Every old answer's code, confidence, evidence and citations survive the migration."""
    project = _project(tmp_path, "1.1.0")
    path, before = _observation(project)
    _write(project, "1.1.0", edit, details)
    done = cmr_run(project, "migrate", "--to", "1.2.0")
    assert done.returncode == 0, done.stdout + done.stderr
    text = path.read_text(encoding="utf-8")
    after = _yaml.loads(text)
    assert after["codebook"] == "1.2.0"
    kept = {a["evidence"]: a for a in after["answers"].values() if isinstance(a, dict)}
    for variable, old in before["answers"].items():
        if old["evidence"] not in kept:  # a removed question: written into notes, in words
            assert variable in after["notes"] and old["evidence"] in " ".join(text.split())
            continue
        new = kept[old["evidence"]]
        assert old["answer"] in (new.get("answer"), (new.get("previous") or {}).get("answer"))
        assert new["citations"] == old["citations"] and new["confidence"] == old["confidence"]


def test_swapped_ids_keep_each_answer_on_its_variable(tmp_path: Path) -> None:
    """After a swap of ids, each variable holds its own answer and nothing is marked for review."""
    project = _project(tmp_path, "1.1.0")
    path, before = _observation(project)
    _write(project, "1.1.0", _swap_ids)
    assert cmr_run(project, "migrate", "--to", "1.2.0").returncode == 0
    after = _yaml.loads(path.read_text(encoding="utf-8"))
    assert after["answers"] == before["answers"] and "status" not in after


@pytest.mark.parametrize("edit", [_reword, _drop_q13, _split])
def test_crlf_file_keeps_its_line_ends(tmp_path: Path, edit: Edit) -> None:
    """A file saved with CRLF line ends is migrated with CRLF line ends throughout."""
    project = _project(tmp_path, "1.1.0")
    path, _ = _observation(project, crlf=True)
    _write(project, "1.1.0", edit, ["Q5 Q13"])
    assert cmr_run(project, "migrate", "--to", "1.2.0").returncode == 0
    raw = path.read_bytes()
    assert b"codebook: 1.2.0\r\n" in raw
    assert raw.count(b"\n") == raw.count(b"\r\n")


def test_crlf_file_at_target_is_untouched(tmp_path: Path) -> None:
    """A CRLF file already at the target is skipped, byte for byte."""
    project = _project(tmp_path, "1.1.0")
    path, _ = _observation(project, crlf=True)
    raw = path.read_bytes().replace(b"codebook: 1.1.0", b"codebook: 1.2.0")
    path.write_bytes(raw)
    _write(project, "1.1.0", None)
    done = cmr_run(project, "migrate", "--to", "1.2.0")
    assert done.returncode == 0 and "skipped 1" in done.stdout
    assert path.read_bytes() == raw


@pytest.mark.parametrize(
    ("mangle", "reason"),
    [
        (lambda t: t.replace("answers:", "answers: [", 1), "refused"),
        (lambda t: t.replace("codebook: 1.1.0", "codebook: 9.9.9"), "refused"),
        (lambda t: t.replace("codebook: 1.1.0", "codebook: banana"), "refused"),
    ],
    ids=["unparsable", "unknown-later-version", "not-a-version"],
)
def test_bad_file_is_refused_and_left(
    tmp_path: Path, mangle: Callable[[str], str], reason: str
) -> None:
    """A file that cannot be migrated is refused (exit 1), left byte for byte; others migrate."""
    project = _project(tmp_path, "1.1.0")
    path, _ = _observation(project)
    good = write_observation(project, observation_data(project, year=1994))
    path.write_text(mangle(path.read_text(encoding="utf-8")), encoding="utf-8")
    raw = path.read_bytes()
    _write(project, "1.1.0", _reword, ["Q5"])
    done = cmr_run(project, "migrate", "--to", "1.2.0")
    assert done.returncode == 1
    assert f"{reason} observations/AZE/1993.yaml" in done.stdout
    assert path.read_bytes() == raw
    assert "codebook: 1.2.0" in good.read_text(encoding="utf-8")


def test_dry_run_writes_nothing_anywhere(tmp_path: Path) -> None:
    """--dry-run leaves every file of the project as it was."""
    project = _project(tmp_path, "1.1.0")
    _observation(project)
    _write(project, "1.1.0", _split, ["replace: Q10 -> Q10a"])
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    done = cmr_run(project, "migrate", "--to", "1.2.0", "--dry-run")
    assert done.returncode == 0 and "would migrate" in done.stdout
    assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file()} == before


@pytest.mark.parametrize("target", ["1.9.0", "latest", "../1.1.0"])
def test_unknown_target_is_one_line(tmp_path: Path, target: str) -> None:
    """A target version that does not exist: exit 2, one line on stderr, nothing written."""
    project = _project(tmp_path, "1.1.0")
    path, _ = _observation(project)
    raw = path.read_bytes()
    done = cmr_run(project, "migrate", "--to", target)
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1
    assert path.read_bytes() == raw


def test_path_outside_the_dataset_is_not_migrated(tmp_path: Path) -> None:
    """A PATH outside the observations folder is not rewritten."""
    project = _project(tmp_path / "p", "1.1.0")
    outside = tmp_path / "elsewhere" / "1993.yaml"
    outside.parent.mkdir()
    path, _ = _observation(project)
    outside.write_bytes(path.read_bytes())
    _write(project, "1.1.0", _reword, ["Q5"])
    raw = outside.read_bytes()
    done = cmr_run(project, "migrate", "--to", "1.2.0", str(outside))
    assert done.returncode == 1 and "is not in the observations folder" in done.stdout
    assert outside.read_bytes() == raw


def test_link_leading_outside_is_not_followed(tmp_path: Path) -> None:
    """An observation that is a symbolic link to a file outside the dataset is refused."""
    project = _project(tmp_path / "p", "1.1.0")
    path, _ = _observation(project)
    outside = tmp_path / "1993.yaml"
    outside.write_bytes(path.read_bytes())
    path.unlink()
    path.symlink_to(outside)
    raw = outside.read_bytes()
    _write(project, "1.1.0", _reword, ["Q5"])
    done = cmr_run(project, "migrate", "--to", "1.2.0")
    assert done.returncode == 1 and "refused" in done.stdout
    assert outside.read_bytes() == raw and path.is_symlink()


def _dataset(tmp_path: Path) -> Path:
    """A copy of the repository's dataset: every codebook and the 1.2.0 observations."""
    root = tmp_path / "ds"
    root.mkdir()
    shutil.copytree(REPO / "codebook", root / "codebook")
    shutil.copytree(REPO / "observations", root / "observations")
    shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
    return root


def test_removed_source_tier_marks_the_answers_citing_it(tmp_path: Path) -> None:
    """A source tier removed (compatible) leaves citations with a tier the new version lacks:
    the migration marks each answer citing it for review and says which tier went."""
    project = _dataset(tmp_path)
    before = {
        p.name: _yaml.loads(p.read_text(encoding="utf-8"))
        for p in (project / "observations" / "AZE").glob("*.yaml")
    }
    new = _write(project, "1.2.0", _drop_reference_tier)
    done = cmr_run(project, "migrate", "--to", new)
    assert done.returncode == 0, done.stdout + done.stderr
    for name, old in before.items():
        after = _yaml.loads((project / "observations" / "AZE" / name).read_text(encoding="utf-8"))
        for variable, entry in old["answers"].items():
            tiers = {c.get("tier") for c in entry.get("citations") or []}
            review = after["answers"][variable].get("needs_review", "")
            assert ("tier reference removed" in review) is ("reference" in tiers), variable
            assert after["answers"][variable]["citations"] == entry.get("citations")


def test_byte_order_mark_and_comments_survive(tmp_path: Path) -> None:
    """A file saved with a byte-order mark (which `cmr check` accepts) migrates, keeping the
    mark and every comment, above, beside and between the answers."""
    project = _project(tmp_path, "1.1.0")
    path = write_observation(project, observation_data(project))
    text = "# top comment\n" + path.read_text(encoding="utf-8").replace(
        "  coup_history:\n", "  # about coups\n  coup_history:  # inline\n"
    )
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    assert cmr_run(project, "check").returncode == 0
    _write(project, "1.1.0", lambda d: (_reword(d), _drop_q13(d)), ["Q5 Q13"])
    done = cmr_run(project, "migrate", "--to", "1.2.0")
    assert done.returncode == 0 and "refused 0" in done.stdout, done.stdout
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf# top comment\n")
    assert b"  # about coups\n  coup_history:  # inline\n" in raw
    assert b"codebook: 1.2.0" in raw


def test_concept_definition_reviews_only_its_questions(tmp_path: Path) -> None:
    """A concept's definition changed: exactly the answers of questions using it are marked
    for review, in every unit's files, and each keeps its code."""
    project = _dataset(tmp_path)
    before = {
        p.name: _yaml.loads(p.read_text(encoding="utf-8"))
        for p in (project / "observations" / "AZE").glob("*.yaml")
    }
    new = _write(project, "1.2.0", lambda d: d["concepts"]["purge"].update(definition="Any."))
    book = Codebooks(project / "codebook").get(new)
    assert book is not None
    users = {q.variable for q in book.questions if "purge" in q.concepts}
    assert users
    assert cmr_run(project, "migrate", "--to", new).returncode == 0
    for name, old in before.items():
        after = _yaml.loads((project / "observations" / "AZE" / name).read_text(encoding="utf-8"))
        marked = {v for v, a in after["answers"].items() if "needs_review" in a}
        assert marked == users - {v for v, a in old["answers"].items() if "needs_review" in a}
        for variable in users:
            previous = after["answers"][variable]["previous"]
            assert previous["answer"] == old["answers"][variable]["answer"]
