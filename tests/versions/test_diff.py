"""`cmr codebook diff OLD NEW` on made-up codebook pairs: each change found and classed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import cmr_run
from versions_support import Data, new_version, question

from cmr.codebook import Codebooks
from cmr.versions import diff


def _lines(project: Path, *args: str) -> list[str]:
    done = cmr_run(project, "codebook", "diff", "1.1.0", "1.2.0", *args)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def _only(project: Path) -> list[str]:
    """The change lines of the diff (no heading, group or summary lines)."""
    return [line.strip() for line in _lines(project) if line.startswith("  ")]


def test_released_versions_differ_compatibly(repo: Path) -> None:
    """1.0.0 -> 1.1.0 adds hard cases and rules: every change is compatible."""
    done = cmr_run(repo, "codebook", "diff", "1.0.0", "1.1.0")
    assert done.returncode == 0
    assert done.stdout.splitlines()[-1] == "17 changes: 0 breaking, 17 compatible"
    assert "compatible coup-history-reverts entry added" in done.stdout


def _rename(d: Data) -> None:
    question(d, "Q3")["variable"] = "leader_former_officer"


def _label(d: Data) -> None:
    question(d, "Q1")["label"] = "Regime seized power"


def _wording(d: Data) -> None:
    question(d, "Q5")["text"] = "Are there ideological requirements for senior officers?"


def _typo(d: Data) -> None:
    q = question(d, "Q4")
    q["text"] = q["text"].replace("sectarian, or", "sectarian or").upper()


def _window(d: Data) -> None:
    d["windows"]["last_5_years"]["years"] = 3


def _drop(d: Data) -> None:
    d["questions"] = [q for q in d["questions"] if q["id"] != "Q13"]


def _add(d: Data) -> None:
    d["questions"].append(dict(question(d, "Q1"), id="Q14", variable="new_q", text="New?"))


def _yes_test(d: Data) -> None:
    question(d, "Q6")["guidance"]["yes"] = "Any party card counts."


def _missing_code(d: Data) -> None:
    missing = d["scales"]["yes_no"]["missing"]
    missing.append({"code": "not_searched", "label": "Not searched", "description": "None."})


def _value_code(d: Data) -> None:
    d["scales"]["yes_no"]["values"].append(
        {"code": "partly", "value": 2, "label": "Partly", "description": "In part."}
    )


def _moved_id(d: Data) -> None:
    question(d, "Q13")["id"] = "Q20"


def _no_window(d: Data) -> None:
    question(d, "Q8")["window"] = None


def _description(d: Data) -> None:
    d["description"] = "A shorter description."


CASES = [
    (_description, "compatible description section changed"),
    (_rename, "compatible Q3 variable renamed (leader_ex_officer -> leader_former_officer)"),
    (_label, "compatible Q1 label changed"),
    (_wording, "breaking   Q5 text changed"),
    (_typo, "compatible Q4 text changed: only case, spacing or punctuation changed"),
    (_window, "breaking   last_5_years years changed (5 -> 3)"),
    (_drop, "breaking   Q13 question removed"),
    (_add, "compatible Q14 question added"),
    (_yes_test, "breaking   Q6 guidance.yes changed"),
    (_missing_code, "compatible yes_no missing code not_searched added"),
    (_value_code, "breaking   yes_no value code partly added"),
    (_moved_id, "compatible Q20 id changed (Q13 -> Q20)"),
    (_no_window, "breaking   Q8 window removed (last_5_years -> none)"),
]


@pytest.mark.parametrize(("edit", "expected"), CASES, ids=[c[0].__name__ for c in CASES])
def test_one_edit_one_change(project: Path, edit: object, expected: str) -> None:
    """Each single edit of 1.1.0 shows as exactly one change line, with its class."""
    new_version(project, edit)  # type: ignore[arg-type]
    lines = _only(project)
    assert len(lines) == 1, lines
    assert lines[0].startswith(expected), lines


def test_mapped_code_removal_is_compatible(project: Path) -> None:
    """A missing code removed is breaking, unless the changelog maps it to a new code."""

    def swap(d: Data) -> None:
        for m in d["scales"]["yes_no"]["missing"]:
            if m["code"] == "unknown":
                m["code"] = "not_found"

    new_version(project, swap)
    assert any(
        line.startswith("breaking   yes_no missing code unknown removed") for line in _only(project)
    )
    new_version(project, swap, changes=["map: unknown -> not_found"])
    removed = [line for line in _only(project) if "unknown removed" in line]
    assert removed == [
        "compatible yes_no missing code unknown removed (unknown -> not_found): answers unknown "
        "become not_found (mapped in the changelog)"
    ]


def test_json_equals_library(project: Path) -> None:
    """`--format json` prints the library's `to_dict()` of the same diff."""
    new_version(project, _rename)
    done = cmr_run(project, "codebook", "diff", "1.1.0", "1.2.0", "--format", "json")
    books = Codebooks(project / "codebook")
    expected = diff(books.get("1.1.0"), books.get("1.2.0")).to_dict()  # type: ignore[arg-type]
    assert json.loads(done.stdout) == expected
    assert expected["summary"] == {"changes": 1, "breaking": 0, "compatible": 1}
    assert expected["questions"][2]["new_variable"] == "leader_former_officer"


def test_output_is_deterministic(project: Path) -> None:
    """Two runs print the same bytes; questions come in the codebook's order."""
    new_version(project, lambda d: (_wording(d), _label(d), _drop(d)))
    first, second = _lines(project), _lines(project)
    assert first == second
    subjects = [line.split()[1] for line in first if line.startswith("  ")]
    assert subjects == ["Q1", "Q5", "Q13"]


def test_fail_on_breaking(project: Path) -> None:
    """`--fail-on-breaking` exits 1 for a breaking change and 0 for compatible ones."""
    new_version(project, _label)
    assert (
        cmr_run(project, "codebook", "diff", "1.1.0", "1.2.0", "--fail-on-breaking").returncode == 0
    )
    new_version(project, _wording)
    assert (
        cmr_run(project, "codebook", "diff", "1.1.0", "1.2.0", "--fail-on-breaking").returncode == 1
    )


def test_paths_work_as_versions(project: Path, tmp_path: Path) -> None:
    """OLD and NEW may be codebook files outside the codebook folder."""
    path = new_version(project, _rename)
    moved = tmp_path / "next.yaml"
    path.rename(moved)
    done = cmr_run(project, "codebook", "diff", "codebook/1.1.0.yaml", str(moved))
    assert done.returncode == 0
    assert "Q3 variable renamed" in done.stdout


@pytest.mark.parametrize("name", ["9.9.9", "missing.yaml", "codebook"])
def test_unknown_version_is_usage_error(project: Path, name: str) -> None:
    """An unknown version or a path that is no codebook: one line on stderr, exit 2."""
    done = cmr_run(project, "codebook", "diff", "1.1.0", name)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1
    assert done.stdout == ""


def test_unreadable_codebook_file_is_usage_error(project: Path, tmp_path: Path) -> None:
    """A codebook file that does not validate is named in one line, exit 2."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("codebook: x\nversion: 9\n", encoding="utf-8")
    done = cmr_run(project, "codebook", "diff", "1.1.0", str(bad))
    assert done.returncode == 2
    assert "bad.yaml: cannot use this codebook" in done.stderr


def test_question_moved_to_another_scale(project: Path) -> None:
    """Another scale with the same codes is compatible; one with a new value is breaking."""

    def same(d: Data) -> None:
        d["scales"]["binary"] = d["scales"]["yes_no"]
        question(d, "Q4")["scale"] = "binary"

    new_version(project, same)
    assert "compatible Q4 scale changed (yes_no -> binary)" in "\n".join(_only(project))

    def wider(d: Data) -> None:
        same(d)
        d["scales"]["binary"] = dict(
            d["scales"]["yes_no"],
            values=[
                *d["scales"]["yes_no"]["values"],
                {"code": "partly", "value": 2, "label": "Partly", "description": "In part."},
            ],
        )

    new_version(project, wider)
    lines = _only(project)
    assert any(x.startswith("breaking   Q4 scale changed (yes_no -> binary)") for x in lines)
    assert any(x.startswith("breaking   Q4 scale value code partly added") for x in lines)
