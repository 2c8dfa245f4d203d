"""Adversarial round two: hostile settings, odd `-C` targets, odd `cmr new` and `--out`
arguments, absurd but well-formed observation values, and layouts the first battery left out.

Every case runs `cmr` as a subprocess (`run_cmr`: no traceback, no signal) and additionally
refuses exit 70 ("this is a bug in cmr"), Python words in messages and changed files.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from pathlib import Path

import pytest
from adversarial_support import Ran, assert_unchanged, run_cmr, snapshot

TARGET = "observations/AZE/1993.yaml"
PYTHON_WORDS = re.compile(
    r"\b(None|True|False|dict|KeyError|TypeError|ValueError|AttributeError|codec|"
    r"Traceback|NoneType|str object|int object)\b"
)
FINDING = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): "
    r"(?P<severity>error|warning|info) (?P<code>[a-z0-9-]+) (?P<message>.*)$"
)


def snap(root: Path) -> dict[str, str]:
    """`snapshot` without cmr's own cache."""
    return {k: v for k, v in snapshot(root).items() if not k.startswith(".cmr_cache")}


def sane(ran: Ran) -> Ran:
    """No fault in cmr (exit 70) and no implementation words in what it printed."""
    assert ran.code != 70, f"cmr reported a bug in itself:\n{ran.text}"
    assert not PYTHON_WORDS.search(ran.text), f"Python words in output:\n{ran.text[:2000]}"
    return ran


def one_line_usage(ran: Ran) -> None:
    """Exit 2 with exactly one line on stderr and nothing on stdout."""
    assert ran.code == 2, f"expected a usage error (exit 2), got {ran.code}:\n{ran.text[:2000]}"
    lines = [ln for ln in ran.err.splitlines() if ln.strip()]
    assert len(lines) == 1, f"expected one line on stderr:\n{ran.err[:2000]}"


def write_settings(dataset: Path, text: str) -> None:
    (dataset / "cmr.toml").write_text(text, encoding="utf-8")


def sub(text: str, pattern: str, replacement: str) -> str:
    out, n = re.subn(pattern, lambda _m: replacement, text, count=1, flags=re.M)
    assert n == 1, pattern
    return out


def break_target(dataset: Path, good_text: str) -> None:
    """Give 1993 a located error (year/path mismatch) that a clean check must report."""
    (dataset / TARGET).write_text(sub(good_text, r"^year: 1993$", "year: 1994"), encoding="utf-8")


# --------------------------------------------------------------------------------------------
# 1. Settings with wrong types: a usage error (exit 2, one line), never used as they come


@pytest.mark.parametrize(
    "settings",
    [
        'severity = {evidence = "fatal"}',
        'severity = "off"',
        "min_evidence_chars = -5",
        "min_evidence_chars = 1e9",
        "select = 5",
        # below: accepted today
        "min_evidence_chars = true",
        "codebook = 5",
        'codebook = ["codebook"]',
        "observations = {}",
        "bibliography = 3",
    ],
)
def test_settings_of_the_wrong_type_are_a_usage_error(dataset: Path, settings: str) -> None:
    """A setting of the wrong type is one line and exit 2, not used as a path or a number."""
    write_settings(dataset, settings + "\n")
    before = snap(dataset)
    ran = sane(run_cmr("check", cwd=dataset, timeout=30))
    one_line_usage(ran)
    assert "[" not in ran.err.split(":", 1)[0]
    assert_unchanged(before, snap(dataset))


@pytest.mark.parametrize(
    "settings",
    ["min_evidence_char = 120", "severty = {evidence = 'off'}", "observation = 'obs'"],
    ids=["typo-min-evidence", "typo-severity", "typo-observations"],
)
def test_unknown_setting_is_not_silently_ignored(dataset: Path, settings: str) -> None:
    """A misspelt settings key is reported (a finding or a usage error), not ignored."""
    write_settings(dataset, settings + "\n")
    ran = sane(run_cmr("check", cwd=dataset, timeout=30))
    assert ran.code == 2 or "settings" in " ".join(ran.codes()), ran.text


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        (b"\xff\xfe[tool.cmr]\n", "pyproject.toml"),
        (b"[tool.cmr]\nx = \xe9\n", "pyproject.toml"),
        (b"select = [\n", "cmr.toml"),
        (b"\x00\x00", "cmr.toml"),
    ],
    ids=["utf16-bom", "latin1", "unclosed", "nul"],
)
def test_unreadable_settings_file_is_one_plain_line(dataset: Path, raw: bytes, name: str) -> None:
    """A settings file that cannot be read is one line, exit 2, in a coder's words."""
    (dataset / name).write_bytes(raw)
    ran = sane(run_cmr("check", cwd=dataset, timeout=30))
    one_line_usage(ran)


def test_tool_table_of_the_wrong_type(dataset: Path) -> None:
    """`tool = 5` in pyproject.toml does not crash the settings reader."""
    (dataset / "pyproject.toml").write_text('[project]\nname = "x"\n\ntool = 5\n')
    ran = sane(run_cmr("check", cwd=dataset, timeout=30))
    assert ran.code in (0, 2), ran.text


@pytest.mark.parametrize("selector", ['["zzz"]', '["*"]', '["-"]', '"evidense"'])
def test_selecting_nothing_does_not_hide_errors(
    dataset: Path, good_text: str, selector: str
) -> None:
    """A `select` in the settings that matches no code cannot turn a broken dataset green."""
    break_target(dataset, good_text)
    write_settings(dataset, f"select = {selector}\n")
    ran = sane(run_cmr("check", "--no-cache", cwd=dataset, timeout=30))
    assert ran.code != 0, f"a broken file passed under select = {selector}:\n{ran.text}"


@pytest.mark.parametrize("selector", ["zzz", "*", "-", "évidence"])
def test_selecting_nothing_on_the_command_line(
    dataset: Path, good_text: str, selector: str
) -> None:
    """`--select` with a selector that matches nothing is a usage error (exit 2)."""
    break_target(dataset, good_text)
    ran = sane(run_cmr("check", f"--select={selector}", cwd=dataset, timeout=30))
    one_line_usage(ran)


@pytest.mark.parametrize("option", ["--select=", "--select=,,", "--ignore=", "--ignore=,"])
def test_empty_selectors_change_nothing(dataset: Path, good_text: str, option: str) -> None:
    """An empty `--select`/`--ignore` neither crashes nor hides the errors."""
    break_target(dataset, good_text)
    ran = sane(run_cmr("check", option, cwd=dataset, timeout=30))
    assert ran.code == 1 and "path-mismatch" in ran.codes(), ran.text


@pytest.mark.parametrize("command", ["check", "export"])
@pytest.mark.parametrize("level", ["yaml", "yaml-syntax", "read"])
def test_unreadable_observation_cannot_be_switched_off(
    dataset: Path, tmp_path: Path, command: str, level: str
) -> None:
    """Turning a read error `off` in the settings does not let an unreadable file vanish."""
    with open(dataset / TARGET, "a", encoding="utf-8") as fh:
        fh.write(": [\n")
    write_settings(dataset, f'[severity]\n"{level}" = "off"\n')
    out = tmp_path / "dist"
    args = ("export", "--out", str(out)) if command == "export" else ("check", "--no-cache")
    ran = sane(run_cmr(*args, cwd=dataset, timeout=60))
    if ran.code == 2 and "settings" in ran.err:
        return  # refusing the setting is fine
    if command == "check":
        assert ran.code != 0, f"an unreadable observation passed:\n{ran.text}"
        return
    if ran.code == 0:
        meta = json.loads((out / "datapackage.json").read_text())["cmr"]
        assert meta.get("partial"), f"panel without AZE 1993 published as complete: {meta}"


# --------------------------------------------------------------------------------------------
# 2. Settings paths: outside the repository, missing, devices, the whole file system


def test_missing_observations_folder_is_not_a_pass(dataset: Path) -> None:
    """`observations = "nonexistent"` fails (exit 1 or 2); it is not "0 errors"."""
    write_settings(dataset, 'observations = "nonexistent"\n')
    ran = sane(run_cmr("check", cwd=dataset, timeout=30))
    assert ran.code in (1, 2), f"no observations folder, yet exit 0:\n{ran.text}"


def test_observations_at_the_file_system_root(dataset: Path) -> None:
    """`observations = "/"` is refused at once, not a walk over the whole machine."""
    write_settings(dataset, 'observations = "/"\n')
    start = time.monotonic()
    ran = sane(run_cmr("check", "-j", "1", cwd=dataset, timeout=15))
    assert ran.code in (1, 2), ran.text[:2000]
    assert time.monotonic() - start < 15


@pytest.mark.parametrize("key", ["observations", "bibliography", "codebook"])
def test_settings_path_outside_the_repository_is_not_read(
    dataset: Path, tmp_path: Path, good_text: str, key: str
) -> None:
    """A settings path leading out of the repository is refused, not read."""
    outside = tmp_path / "outside"
    (outside / "obs" / "AZE").mkdir(parents=True)
    (outside / "obs" / "AZE" / "1993.yaml").write_text(good_text, encoding="utf-8")
    shutil.copy(dataset / "observations" / "references.bib", outside / "refs.bib")
    shutil.copytree(dataset / "codebook", outside / "codebook")
    target = {
        "observations": "../outside/obs",
        "bibliography": "../outside/refs.bib",
        "codebook": "../outside/codebook",
    }[key]
    write_settings(dataset, f'{key} = "{target}"\n')
    ran = sane(run_cmr("check", "--no-cache", cwd=dataset, timeout=30))
    assert ran.code == 2 or "file-outside-repository" in ran.codes(), (
        f"{key} outside the repository was read:\n{ran.text}"
    )


@pytest.mark.parametrize("value", ["/dev/zero", "observations", ""])
def test_bibliography_that_is_not_a_file(dataset: Path, value: str) -> None:
    """A bibliography setting naming a device or folder gives one true finding."""
    write_settings(dataset, f'bibliography = "{value}"\n')
    ran = sane(run_cmr("check", "--no-cache", cwd=dataset, timeout=30))
    assert ran.code in (1, 2)
    assert "not found" not in ran.text, f"an existing path reported as not found:\n{ran.text}"


@pytest.mark.parametrize("value", ["/dev/zero", "cmr.toml"])
def test_codebook_setting_naming_a_file(dataset: Path, value: str) -> None:
    """A codebook setting naming a file or device fails in plain words."""
    write_settings(dataset, f'codebook = "{value}"\n')
    ran = sane(run_cmr("check", cwd=dataset, timeout=30))
    assert ran.code in (1, 2)


def test_huge_min_evidence_chars(dataset: Path) -> None:
    """An absurd min_evidence_chars (beyond 64 bits) is refused, not printed back."""
    write_settings(dataset, "min_evidence_chars = 99999999999999999999\n")
    ran = sane(run_cmr("check", cwd=dataset, timeout=30))
    assert ran.code == 2, ran.text[:1000]


# --------------------------------------------------------------------------------------------
# 3. `-C` pointing at odd places


@pytest.mark.parametrize("where", ["missing", "/dev/null", "file"])
def test_project_option_not_a_dataset_folder(dataset: Path, tmp_path: Path, where: str) -> None:
    """`-C` naming a missing folder, a device or a file is a usage error (exit 2)."""
    path = {
        "missing": str(tmp_path / "nope"),
        "/dev/null": "/dev/null",
        "file": str(dataset / "pyproject.toml"),
    }[where]
    ran = sane(run_cmr("-C", path, "check", cwd=dataset, timeout=30))
    one_line_usage(ran)
    assert not (tmp_path / "nope").exists()


@pytest.mark.parametrize(
    "command",
    [("check",), ("codebook", "show"), ("agreement",), ("new", "AZE", "1994", "--coder", "x")],
)
def test_project_option_folder_without_dataset(tmp_path: Path, command: tuple[str, ...]) -> None:
    """`-C` at an empty folder fails plainly and writes nothing there."""
    empty = tmp_path / "empty"
    empty.mkdir()
    ran = sane(run_cmr("-C", str(empty), *command, cwd=tmp_path, timeout=30))
    assert ran.code in (1, 2), ran.text
    assert list(empty.iterdir()) == [], list(empty.iterdir())


@pytest.mark.parametrize("sub_folder", ["observations", "observations/AZE", "codebook/schema"])
def test_commands_from_a_subfolder(dataset: Path, sub_folder: str) -> None:
    """Run from a subfolder, cmr finds the dataset and checks all of it."""
    ran = sane(run_cmr("check", cwd=dataset / sub_folder, timeout=30))
    assert ran.code == 0 and "2 file(s) checked" in ran.out, ran.text


# --------------------------------------------------------------------------------------------
# 4. `cmr new` with odd arguments


@pytest.mark.parametrize(
    "country",
    ["AZE/../BEL", "Azerbaïjan", "", "\n", "A" * 20_000],
    ids=["traversal", "unicode", "empty", "newline", "long"],
)
def test_new_with_odd_country(dataset: Path, country: str) -> None:
    """An unusable country is one short line, exit 2, and writes nothing."""
    before = snap(dataset)
    ran = sane(run_cmr("new", country, "1994", "--coder", "x", cwd=dataset, timeout=30))
    one_line_usage(ran)
    assert len(ran.err) < 2_000, f"message echoes {len(ran.err)} characters"
    assert_unchanged(before, snap(dataset))


@pytest.mark.parametrize(
    ("coder", "independent"),
    [
        ("a" * 300, True),
        ("a" * 300, False),
        ("a/b", True),
        ("..", True),
        ("jdöe", True),
    ],
    ids=["long-independent", "long", "slash", "dotdot", "unicode"],
)
def test_new_with_odd_coder(dataset: Path, coder: str, independent: bool) -> None:
    """A coder that cannot name a file is refused in one line (exit 2) with nothing left over."""
    before = snap(dataset)
    folders = sorted(p for p in (dataset / "observations").rglob("*") if p.is_dir())
    args = ["new", "AZE", "1994", f"--coder={coder}"] + (["--independent"] if independent else [])
    ran = sane(run_cmr(*args, cwd=dataset, timeout=30))
    one_line_usage(ran)
    assert ".tmp" not in ran.err, f"the message names a temporary file:\n{ran.err[:500]}"
    assert_unchanged(before, snap(dataset))
    after = sorted(p for p in (dataset / "observations").rglob("*") if p.is_dir())
    assert after == folders, f"folders left behind: {set(after) - set(folders)}"


@pytest.mark.parametrize("year", ["0", "99999", "1e3", ""])
def test_new_with_odd_year(dataset: Path, year: str) -> None:
    """An impossible year is one line, exit 2."""
    before = snap(dataset)
    ran = sane(run_cmr("new", "AZE", "--coder", "x", "--", year, cwd=dataset, timeout=30))
    one_line_usage(ran)
    assert_unchanged(before, snap(dataset))


def test_new_independent_twice_is_one_flag(dataset: Path) -> None:
    """`--independent --independent` writes one independent coding."""
    ran = sane(
        run_cmr(
            "new",
            "AZE",
            "1994",
            "--coder",
            "x",
            "--independent",
            "--independent",
            cwd=dataset,
            timeout=30,
        )
    )
    assert ran.code == 0 and (dataset / "observations/AZE/1994/x.yaml").is_file()


@pytest.mark.parametrize("obstacle", ["folder-at-file", "file-at-country", "file-at-year"])
def test_new_with_something_in_the_way(dataset: Path, obstacle: str) -> None:
    """A folder or file where `cmr new` would write is a plain refusal; nothing is replaced."""
    obs = dataset / "observations"
    if obstacle == "folder-at-file":
        (obs / "AZE" / "1994.yaml").mkdir()
        args = ("new", "AZE", "1994", "--coder", "x")
    elif obstacle == "file-at-country":
        (obs / "BEL").write_text("x")
        args = ("new", "BEL", "1994", "--coder", "x")
    else:
        (obs / "AZE" / "1994").write_text("x")
        args = ("new", "AZE", "1994", "--coder", "x", "--independent")
    before = snap(dataset)
    ran = sane(run_cmr(*args, cwd=dataset, timeout=30))
    assert ran.code in (1, 2) and len(ran.err.strip().splitlines()) == 1, ran.text
    assert_unchanged(before, snap(dataset))


# --------------------------------------------------------------------------------------------
# 5. Observation files that are valid YAML but absurd


ABSURD = {
    "year-0": ((r"^year: 1993$", "year: 0"), "value-invalid"),
    "year-negative": ((r"^year: 1993$", "year: -5"), "value-invalid"),
    "year-99999": ((r"^year: 1993$", "year: 99999"), "value-invalid"),
    "coded-on-0001": ((r"^coded_on: .*$", "coded_on: 0001-01-01"), "coded-on-before-year"),
    "as-of-9999": (
        (r"^coded_on: .*$", "coded_on: 2024-01-01\nas_of: 9999-12-31"),
        "as-of-outside-year",
    ),
    "as-of-0000": ((r"^coded_on: .*$", "coded_on: 2024-01-01\nas_of: 0000-01-01"), "date-invalid"),
    "cown-negative": ((r"^cown: 373$", "cown: -1"), "country-code-mismatch"),
    "cown-bool": ((r"^cown: 373$", "cown: true"), "field-type"),
    "cown-nan": ((r"^cown: 373$", "cown: .nan"), "field-type"),
    "year-inf": ((r"^year: 1993$", "year: .inf"), "field-type"),
    "country-two": ((r"^country: .*$", "country: Azerbaijan and Germany"), "country-unknown"),
    "country-negated": ((r"^country: .*$", "country: Not Azerbaijan"), "country-unknown"),
    "country-newline": ((r"^country: .*$", 'country: "Azerbaijan\\nGermany"'), "country-unknown"),
    "country-nul": ((r"^country: .*$", 'country: "Azerbaijan\\0"'), "country-unknown"),
    "country-repeated": (
        (r"^country: .*$", "country: " + "Azerbaijan " * 20_000),
        "country-unknown",
    ),
    "coder-300-chars": ((r"^coder: .*$", "coder: " + "a" * 300), "value-invalid"),
    "reconciles-traversal": (
        (r"^context: ", 'reconciles: ["../1992"]\ncontext: '),
        "value-invalid",
    ),
    "reconciles-absolute": (
        (r"^context: ", 'reconciles: ["/etc/passwd"]\ncontext: '),
        "value-invalid",
    ),
}


@pytest.mark.parametrize("case", list(ABSURD), ids=list(ABSURD))
def test_absurd_values_are_findings(dataset: Path, good_text: str, case: str) -> None:
    """Each absurd but well-formed value is a located error with a plain message."""
    (pattern, replacement), _code = ABSURD[case]
    (dataset / TARGET).write_text(sub(good_text, pattern, replacement), encoding="utf-8")
    if case.startswith("reconciles"):  # a country-year folder that the traversal can leave
        coders = dataset / "observations/AZE/1993"
        coders.mkdir()
    before = snap(dataset)
    ran = sane(run_cmr("check", "--no-cache", TARGET, cwd=dataset, timeout=30))
    assert ran.code == 1, f"{case} passed:\n{ran.text[:2000]}"
    mine = [ln for ln in ran.out.splitlines() if ln.startswith(TARGET + ":")]
    assert mine and all(FINDING.match(ln) for ln in mine), ran.text[:2000]
    messages = " ".join(FINDING.match(ln)["message"] for ln in mine)
    assert len(set(mine)) == len(mine)
    assert not re.search(r"\b(inf|nan)\b", messages), messages
    assert not ("decimal point" in messages and "nothing" in messages), (
        f"contradictory descriptions of one value: {messages}"
    )
    assert_unchanged(before, snap(dataset))


def test_megabyte_of_evidence(dataset: Path, good_text: str) -> None:
    """One 1 MB evidence text is checked (or refused by size) in bounded time."""
    text = sub(
        good_text, r"^    evidence: >-$", "    evidence: " + "word " * 200_000 + "\n    x: >-"
    )
    (dataset / TARGET).write_text(text, encoding="utf-8")
    start = time.monotonic()
    ran = sane(run_cmr("check", "--no-cache", TARGET, cwd=dataset, timeout=30))
    assert ran.code == 1 and time.monotonic() - start < 20


def test_ten_thousand_citations(dataset: Path, good_text: str) -> None:
    """An answer with 10,000 citations is checked in bounded time; its bad keys are findings."""
    cites = "".join(f"      - key: nokey{i}\n        pages: '1'\n" for i in range(10_000))
    text = sub(good_text, r"^    citations:\n", "    citations:\n" + cites)
    (dataset / TARGET).write_text(text, encoding="utf-8")
    start = time.monotonic()
    ran = sane(run_cmr("check", "--no-cache", TARGET, cwd=dataset, timeout=45))
    assert ran.code == 1 and "citation-unknown-key" in ran.codes()
    assert time.monotonic() - start < 30


# --------------------------------------------------------------------------------------------
# 6. `cmr export --out` at odd places


@pytest.mark.parametrize("out", ["observations", "observations/AZE", "codebook", ".", ""])
def test_export_into_the_dataset_changes_nothing(dataset: Path, out: str) -> None:
    """Exporting over the dataset's own folders is refused and changes nothing."""
    before = snap(dataset)
    ran = sane(run_cmr("export", "--out", out, cwd=dataset, timeout=60))
    assert ran.code in (1, 2), ran.text
    assert_unchanged(before, snap(dataset))
    assert ".cmr-lock" not in ran.text, f"cmr blames its own lock file:\n{ran.text}"


@pytest.mark.parametrize("out", ["pyproject.toml", "/dev/null"])
def test_export_out_is_a_file(dataset: Path, out: str) -> None:
    """`--out` naming a file is a usage error in one line (exit 2), and the file is kept."""
    before = snap(dataset)
    ran = sane(run_cmr("export", "--out", out, cwd=dataset, timeout=60))
    one_line_usage(ran)
    assert_unchanged(before, snap(dataset))


def test_export_out_with_a_newline(dataset: Path, tmp_path: Path) -> None:
    """A folder name holding a newline does not break the one-line report."""
    out = tmp_path / "di\nst"
    ran = sane(run_cmr("export", "--out", str(out), cwd=dataset, timeout=60))
    assert ran.code in (0, 2)
    for line in ran.text.splitlines():
        assert FINDING.match(line) or line.startswith(("wrote ", "cmr: ", "Error: ")), (
            f"stray line {line!r} in:\n{ran.text}"
        )


# --------------------------------------------------------------------------------------------
# 7. `cmr import-memo` with odd --out and memos

MEMO = (Path(__file__).resolve().parents[1] / "memo/cases/footnote-csv/memo.txt").read_text(
    encoding="utf-8"
)


def test_import_memo_into_the_codebook_folder(dataset: Path) -> None:
    """`--out codebook` does not drop observations among the codebooks unnoticed."""
    (dataset / "memo.txt").write_text(MEMO, encoding="utf-8")
    ran = sane(run_cmr("import-memo", "memo.txt", "--out", "codebook", cwd=dataset, timeout=60))
    wrote = list((dataset / "codebook").rglob("AZE"))
    assert ran.code != 0 or not wrote, f"wrote {wrote} into the codebook folder:\n{ran.text}"


@pytest.mark.parametrize("kind", ["fifo", "device", "file"])
def test_import_memo_out_not_a_folder(dataset: Path, kind: str) -> None:
    """`--out` at a FIFO, a device or a file is a usage error (exit 2) and writes nothing."""
    (dataset / "memo.txt").write_text(MEMO, encoding="utf-8")
    out = {"fifo": "fifo", "device": "/dev/null", "file": "pyproject.toml"}[kind]
    if kind == "fifo":
        os.mkfifo(dataset / "fifo")
    before = snap(dataset)
    ran = sane(run_cmr("import-memo", "memo.txt", "--out", out, cwd=dataset, timeout=30))
    one_line_usage(ran)
    assert_unchanged(before, snap(dataset))


@pytest.mark.parametrize(
    ("memo", "code"),
    [
        (MEMO.replace("Azerbaijan 1992", "Narnia 1992"), "country-unknown"),
        (MEMO.replace("Azerbaijan 1992", "Azerbaijan 0"), None),
        (MEMO.replace("Azerbaijan 1992", "Azerbaijan 99999"), None),
        (MEMO.replace("Azerbaijan 1992", "../../etc 1992"), None),
    ],
    ids=["unknown-country", "year-0", "year-99999", "traversal"],
)
def test_import_memo_with_odd_country_year(
    dataset: Path, tmp_path: Path, memo: str, code: str | None
) -> None:
    """A memo naming an unknown country or impossible year is refused and writes nothing."""
    (dataset / "memo.txt").write_text(memo, encoding="utf-8")
    out = tmp_path / "review"
    ran = sane(run_cmr("import-memo", "memo.txt", "--out", str(out), cwd=dataset, timeout=30))
    assert ran.code == 1, ran.text
    assert code is None or code in ran.codes()
    assert not out.exists() or not any(p.is_file() for p in out.rglob("*"))


def test_two_memos_for_one_country_year(dataset: Path, tmp_path: Path) -> None:
    """Two memos for one country-year: the second is refused with a located finding."""
    (dataset / "a.txt").write_text(MEMO, encoding="utf-8")
    (dataset / "b.txt").write_text(MEMO.replace("Observation no: 7", "Observation no: 8"))
    out = tmp_path / "review"
    ran = sane(run_cmr("import-memo", "a.txt", "b.txt", "--out", str(out), cwd=dataset, timeout=60))
    assert ran.code == 1 and "memo-country-year-twice" in ran.codes(), ran.text


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16-be"])
def test_memo_in_odd_encodings(dataset: Path, tmp_path: Path, encoding: str) -> None:
    """A memo in a legacy encoding is imported or refused with a located finding."""
    try:
        raw = MEMO.encode(encoding)
    except UnicodeEncodeError:
        raw = MEMO.encode(encoding, "replace")
    (dataset / "memo.txt").write_bytes(raw)
    ran = sane(
        run_cmr("import-memo", "memo.txt", "--out", str(tmp_path / "o"), cwd=dataset, timeout=30)
    )
    assert ran.code in (0, 1)
    assert ran.code == 0 or ran.codes(), ran.text


# --------------------------------------------------------------------------------------------
# 8. `cmr codebook show` with odd variables and versions


@pytest.mark.parametrize(
    "args",
    [
        ("",),
        ("__class__",),
        ("Q99",),
        ("--version", "../codebook/1.1.0"),
        ("--version", "schema"),
        ("--version", ""),
    ],
    ids=[
        "empty",
        "dunder",
        "q99",
        "traversal",
        "schema-folder",
        "empty-version",
    ],
)
def test_codebook_show_odd(dataset: Path, args: tuple[str, ...]) -> None:
    """An unknown question or version is a one-line usage error (exit 2)."""
    ran = sane(run_cmr("codebook", "show", *args, cwd=dataset, timeout=30))
    one_line_usage(ran)


def test_codebook_schema_empty_version(dataset: Path) -> None:
    """`cmr codebook schema --version ''` is a usage error, not every version."""
    ran = sane(run_cmr("codebook", "schema", "--version", "", cwd=dataset, timeout=30))
    one_line_usage(ran)


# --------------------------------------------------------------------------------------------
# 9. `check --format github` with hostile file names


@pytest.mark.parametrize("name", ["a,b.yaml", "a%0Ab.yaml", "a\nb::c.yaml"])
def test_github_format_escapes_file_names(dataset: Path, good_text: str, name: str) -> None:
    """Each annotation is one line and its file property is escaped (`,` `:` `%` newline)."""
    (dataset / "observations/AZE" / name).write_text(good_text, encoding="utf-8")
    ran = sane(run_cmr("check", "--format", "github", cwd=dataset, timeout=30))
    assert ran.code == 1
    for line in ran.out.splitlines():
        if not line.startswith("::"):
            continue
        props = line.split("::")[1]
        kind, _, rest = props.partition(" ")
        assert kind in ("error", "warning", "notice"), line
        fields = dict(part.split("=", 1) for part in rest.split(","))
        assert set(fields) <= {"file", "line", "col", "title", "endLine", "endColumn"}, line


# --------------------------------------------------------------------------------------------
# 10. Odd layouts: agreement and discovery


def _coded(dataset: Path, good_text: str) -> Path:
    folder = dataset / "observations/AZE/1993"
    folder.mkdir()
    for coder in ("alice", "bob"):
        (folder / f"{coder}.yaml").write_text(
            sub(good_text, r"^coder: .*$", f"coder: {coder}"), encoding="utf-8"
        )
    return folder


@pytest.mark.parametrize("command", ["check", "agreement"])
def test_folder_named_like_a_coding_is_reported(
    dataset: Path, good_text: str, command: str
) -> None:
    """A folder `carol.yaml` among the codings is pointed out, not skipped silently."""
    folder = _coded(dataset, good_text)
    (folder / "carol.yaml").mkdir()
    ran = sane(
        run_cmr(
            command,
            "--no-cache" if command == "check" else "--format=text",
            cwd=dataset,
            timeout=60,
        )
    )
    assert "carol" in ran.out + ran.err, f"{command} skipped the folder silently:\n{ran.text}"


@pytest.mark.parametrize("path", ["/etc", "codebook", "pyproject.toml"])
def test_agreement_on_paths_that_hold_no_codings(dataset: Path, path: str) -> None:
    """`cmr agreement` on a folder or file outside observations/ reads nothing outside."""
    ran = sane(run_cmr("agreement", path, cwd=dataset, timeout=60))
    assert ran.code in (1, 2)
    assert "codebook-unknown-version" not in ran.codes(), "codebooks read as codings"
    assert not any(f.startswith("/etc/") for f in ran.out.splitlines()), "files outside read"


def test_thousands_of_files_in_one_folder(dataset: Path) -> None:
    """3,000 stray files in one country folder are each pointed out, in bounded time."""
    folder = dataset / "observations/AZE"
    for i in range(3_000):
        (folder / f"note{i}.txt").write_text("x")
    start = time.monotonic()
    ran = sane(run_cmr("check", "--no-cache", cwd=dataset, timeout=60))
    took = time.monotonic() - start
    assert ran.codes().count("file-stray") == 3_000, ran.text[-500:]
    assert took < 30
