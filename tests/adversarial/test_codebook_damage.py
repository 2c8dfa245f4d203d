"""A damaged codebook folder: located findings (exit 1) or one usage line (exit 2), never a
traceback or a hang; a broken draft does not stop the observations of other versions from
being checked; a released codebook whose checksum no longer matches is an error."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from adversarial_support import (
    SEED_FINDING,
    Ran,
    assert_unchanged,
    findings,
    run_cmr,
    snap,
)

# The seed dataset's one finding: it must still appear when only a draft codebook is broken.


def fails_closed(ran: Ran, names: str) -> list[dict[str, str]]:
    """Exit 1 with an error located in a file whose path contains `names`, or exit 2 with one
    line naming it."""
    if ran.code == 2:
        lines = [ln for ln in ran.text.splitlines() if ln.strip()]
        assert len(lines) == 1, ran.text
        assert names in lines[0], ran.text
        return []
    assert ran.code == 1, ran.text
    found = findings(ran)
    mine = [f for f in found if f["severity"] == "error" and names in f["path"]]
    assert mine, f"no error located in {names}:\n{ran.text}"
    assert all(int(f["line"]) > 0 and int(f["column"]) > 0 for f in mine), ran.text
    return mine


def draft_of(dataset: Path, version: str = "1.1.9") -> str:
    """A valid draft codebook text made from the released 1.1.0."""
    text = (dataset / "codebook" / "1.1.0.yaml").read_text(encoding="utf-8")
    return (
        text.replace("version: 1.1.0", f"version: {version}", 1)
        .replace("status: released", "status: draft", 1)
        .replace('released: "2026-11-22"\n', "", 1)
    )


def sub(old: str, new: str) -> Callable[[str], str]:
    def mutate(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)

    return mutate


@pytest.mark.parametrize("kind", ["fifo", "directory", "dangling-symlink", "symlink-to-dir"])
def test_non_regular_codebook_file(kind: str, dataset: Path) -> None:
    """A FIFO, folder or dangling link named 9.9.9.yaml in codebook/ is reported, no hang."""
    path = dataset / "codebook" / "9.9.9.yaml"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "directory":
        path.mkdir()
    elif kind == "dangling-symlink":
        path.symlink_to(dataset / "codebook" / "missing.yaml")
    else:
        path.symlink_to(dataset / "observations")
    before = snap(dataset)
    ran = run_cmr("check", cwd=dataset, timeout=5)
    assert_unchanged(before, snap(dataset))
    fails_closed(ran, "9.9.9.yaml")


DRAFT_DAMAGE = [
    ("yaml-syntax", lambda t: t.replace("questions:", "questions: [", 1), None),
    ("missing-title", lambda t: re.sub(r"(?m)^title: .*\n", "", t, count=1), None),
    ("missing-questions", lambda t: t.replace("\nquestions:", "\nquestionz:", 1), None),
    ("duplicate-question-id", sub("  - id: Q2\n", "  - id: Q1\n"), ("  - id: Q1", 2)),
    (
        "duplicate-variable",
        sub("    variable: coup_history\n", "    variable: regime_from_coup\n"),
        None,
    ),
    ("unknown-scale", sub("    scale: yes_no\n", "    scale: yes_no_maybe\n"), "yes_no_maybe"),
    ("rule-unknown-kind", sub("    kind: implication\n", "    kind: bogus\n"), "kind: bogus"),
    (
        "rule-unknown-variable",
        sub('then: {coup_history: ["yes"]}', 'then: {coup_histori: ["yes"]}'),
        "coup_histori",
    ),
    (
        "rule-bad-answer-code",
        sub('then: {coup_history: ["yes"]}', 'then: {coup_history: ["maybe"]}'),
        '["maybe"]',
    ),
    (
        "rule-bad-placeholder",
        sub("{id} {variable} is {answer} in {year}", "{id} {bogus} is {answer} in {year}"),
        "{bogus}",
    ),
    (
        "rule-bad-conversion",
        sub("{id} {variable} is {answer} in {year}", "{id!x} is {answer}"),
        "{id!x}",
    ),
    ("rule-monotone-bad-value", sub('    value: "yes"\n', '    value: "always"\n'), '"always"'),
    (
        "rule-duplicate-code",
        sub(
            "  - code: party-member-without-ideology-test",
            "  - code: coup-regime-without-coup-history",
        ),
        None,
    ),
    (
        "rule-phrases-not-list",
        sub("      - no smoking gun\n", "      - {no: smoking gun}\n"),
        "smoking gun",
    ),
    ("version-mismatch", sub("version: 1.1.9", "version: 1.1.8"), None),
]


@pytest.mark.parametrize(
    ("mutate", "at"), [(m, a) for _, m, a in DRAFT_DAMAGE], ids=[i for i, _, _ in DRAFT_DAMAGE]
)
def test_broken_draft_codebook(
    mutate: Callable[[str], str], at: str | tuple[str, int] | None, dataset: Path
) -> None:
    """A broken draft 1.1.9 is a located error and the 1.1.0 observations are still checked."""
    text = mutate(draft_of(dataset))
    (dataset / "codebook" / "1.1.9.yaml").write_text(text, encoding="utf-8")
    before = snap(dataset)
    ran = run_cmr("check", cwd=dataset)
    assert_unchanged(before, snap(dataset))
    mine = fails_closed(ran, "1.1.9.yaml")
    assert ran.code == 1, "a broken draft is data, not a usage error"
    assert any(f["code"] == "codebook-invalid" for f in mine), ran.text
    if at is not None:
        needle, nth = at if isinstance(at, tuple) else (at, 1)
        line = [i + 1 for i, ln in enumerate(text.splitlines()) if needle in ln][nth - 1]
        # a folded `message: >-` is located at its key's line, the content starts below it
        near = (line, line - 1) if needle.startswith("{") else (line,)
        assert any(int(f["line"]) in near for f in mine), f"nothing on line {line}:\n{ran.text}"
    assert SEED_FINDING in ran.out, f"1.1.0 observations were not checked:\n{ran.text}"
    assert "2 file(s) checked" in ran.out, ran.text


def test_draft_phrase_with_regex_characters(dataset: Path) -> None:
    """A lint phrase full of regex metacharacters is matched literally, not a crash."""
    text = sub("      - no smoking gun\n", '      - "no (smoking [gun\\\\"\n')(draft_of(dataset))
    (dataset / "codebook" / "1.1.9.yaml").write_text(text, encoding="utf-8")
    ran = run_cmr("check", cwd=dataset)
    assert ran.code in (0, 1), ran.text
    findings(ran)
    assert SEED_FINDING in ran.out, ran.text


def test_observation_under_broken_draft(dataset: Path) -> None:
    """An observation naming a broken draft gets a finding; the other files are still checked."""
    text = sub('then: {coup_history: ["yes"]}', 'then: {coup_histori: ["yes"]}')(draft_of(dataset))
    (dataset / "codebook" / "1.1.9.yaml").write_text(text, encoding="utf-8")
    obs = dataset / "observations" / "AZE" / "1993.yaml"
    obs.write_text(obs.read_text(encoding="utf-8").replace("codebook: 1.1.0", "codebook: 1.1.9"))
    before = snap(dataset)
    ran = run_cmr("check", cwd=dataset)
    assert_unchanged(before, snap(dataset))
    found = findings(ran)
    assert ran.code == 1, ran.text
    assert any(f["path"] == "observations/AZE/1993.yaml" for f in found), ran.text
    assert SEED_FINDING in ran.out, ran.text


def test_valid_draft_is_accepted(dataset: Path) -> None:
    """Control: a well-formed draft 1.1.9 beside the released ones changes nothing."""
    (dataset / "codebook" / "1.1.9.yaml").write_text(draft_of(dataset), encoding="utf-8")
    ran = run_cmr("check", cwd=dataset)
    findings(ran)
    assert ran.code == 0, ran.text
    assert SEED_FINDING in ran.out


@pytest.mark.parametrize("version", ["1.0.0", "1.1.0"])
def test_released_codebook_edited_by_one_byte(version: str, dataset: Path) -> None:
    """A released codebook whose sha256 no longer matches released.sha256 is an error."""
    path = dataset / "codebook" / f"{version}.yaml"
    data = bytearray(path.read_bytes())
    index = data.index(b"codebook ")  # in the opening comment: the codebook still loads
    data[index] = ord("C")
    path.write_bytes(bytes(data))
    before = snap(dataset)
    ran = run_cmr("check", cwd=dataset)
    assert_unchanged(before, snap(dataset))
    assert ran.code == 1, ran.text
    found = findings(ran)
    assert any(
        f["severity"] == "error" and (f"{version}.yaml" in f["path"] + f["message"]) for f in found
    ), ran.text


def test_released_codebook_edited_single_file_check(dataset: Path) -> None:
    """A single-file check also reports the released codebook that file is validated against."""
    path = dataset / "codebook" / "1.1.0.yaml"
    path.write_bytes(path.read_bytes().replace(b"thirteen yes/no", b"thirteen yes/No", 1))
    ran = run_cmr("check", "observations/AZE/1993.yaml", cwd=dataset)
    assert ran.code == 1, ran.text
    assert any("1.1.0.yaml" in f["path"] + f["message"] for f in findings(ran)), ran.text


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("this is not a checksum line", "released.sha256"),
        ("0" * 64 + "  2.0.0.yaml", "2.0.0.yaml"),
        ("zz" * 32 + "  1.1.0.yaml", "released.sha256"),
        ("0" * 64 + "  ../pyproject.toml", "released.sha256"),
    ],
    ids=["malformed", "names-missing-file", "not-hex", "path-escape"],
)
def test_released_sha256_damage(line: str, names: str, dataset: Path) -> None:
    """A bad line in released.sha256 is reported (located at that line), not ignored."""
    sums = dataset / "codebook" / "released.sha256"
    sums.write_text(sums.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")
    number = len(sums.read_text(encoding="utf-8").splitlines())
    before = snap(dataset)
    ran = run_cmr("check", cwd=dataset)
    assert_unchanged(before, snap(dataset))
    if ran.code == 2:
        fails_closed(ran, names)
        return
    assert ran.code == 1, ran.text
    found = [f for f in findings(ran) if f["severity"] == "error"]
    assert any(names in f["path"] + f["message"] for f in found), ran.text
    assert any(f["path"].endswith("released.sha256") and int(f["line"]) == number for f in found), (
        f"no finding on released.sha256 line {number}:\n{ran.text}"
    )


def test_released_sha256_missing(dataset: Path) -> None:
    """Without released.sha256 the released codebooks cannot be verified: reported."""
    (dataset / "codebook" / "released.sha256").unlink()
    ran = run_cmr("check", cwd=dataset)
    if ran.code == 2:
        fails_closed(ran, "released.sha256")
        return
    assert any("released.sha256" in f["path"] + f["message"] for f in findings(ran)), ran.text


def test_empty_codebook_folder(dataset: Path) -> None:
    """An empty codebook/ is one located error or one usage line, not a traceback."""
    for path in (dataset / "codebook").iterdir():
        if path.is_dir():
            for inner in path.iterdir():
                inner.unlink()
            path.rmdir()
        else:
            path.unlink()
    before = snap(dataset)
    ran = run_cmr("check", cwd=dataset)
    assert_unchanged(before, snap(dataset))
    fails_closed(ran, "codebook")


def test_codebook_folder_is_a_file(dataset: Path) -> None:
    """codebook/ replaced by a file: one located error or one usage line."""
    for path in sorted((dataset / "codebook").rglob("*"), reverse=True):
        path.rmdir() if path.is_dir() else path.unlink()
    (dataset / "codebook").rmdir()
    (dataset / "codebook").write_text("not a folder\n", encoding="utf-8")
    ran = run_cmr("check", cwd=dataset)
    fails_closed(ran, "codebook")
