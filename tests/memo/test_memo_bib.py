"""The importer and the bibliography: CSV keys must be entries; the memo's own entry is
appended, never written over."""

from __future__ import annotations

from pathlib import Path

from support import cmr_run

from cmr.bibliography import load_bibliography

CASES = Path(__file__).parent / "cases"
GOOD = CASES / "missing-codes" / "memo.txt"  # its missing-code answers have no footnote
BIB = "observations/references.bib"
OPTIONS = ("--coded-on", "2026-01-05", "--codebook", "1.1.0")


def _import(project: Path, *args: str):
    return cmr_run(project, "import-memo", str(GOOD), *OPTIONS, *args)


def test_unknown_csv_key_is_a_finding_at_its_line(project, tmp_path):
    """A CSV key the bibliography lacks is an error at its line and column; nothing is
    written."""
    csv = tmp_path / "notes.csv"
    csv.write_text("footnote,key,pages\n1,curtis1995,4\n2,curtis1959,5\n", encoding="utf-8")
    done = _import(project, "--footnotes", str(csv))
    assert done.returncode == 1
    assert done.stdout.splitlines()[0] == (
        "notes.csv:3:3: error memo-footnote-key-unknown footnote 2 maps to 'curtis1959', which "
        f"is not in {BIB} (did you mean 'curtis1995'?)"
    )
    assert not list((project / "observations").rglob("*.yaml"))


def test_memo_entry_appended_with_the_original_as_prefix(project):
    """The --cite-memo entry is appended once; the file's old bytes are an exact prefix and
    the new entry says only what the memo says."""
    bib = project / BIB
    original = bib.read_bytes()
    done = _import(project, "--cite-memo", "memo{memo}")
    assert f"added @misc{{memo7}} to {BIB}" in done.stderr
    after = bib.read_bytes()
    assert after.startswith(original)
    assert after[len(original) :].decode("utf-8") == (
        "\n@misc{memo7,\n"
        "  title = {Observation no. 7: Test Conflict},\n"
        "  howpublished = {Legacy coding memo},\n"
        "  note = {Imported by cmr import-memo from memo.txt},\n"
        "}\n"
    )
    entry = load_bibliography(bib).entries["memo7"]
    assert "author" not in entry.fields and "year" not in entry.fields
    again = _import(project, "--cite-memo", "memo{memo}", "--coder", "second")
    assert "added" not in again.stderr and bib.read_bytes() == after


def test_bibliography_without_final_newline(project):
    """A file that does not end with a newline gets one before the entry, and both parse."""
    bib = project / BIB
    original = bib.read_bytes().rstrip(b"\n")
    bib.write_bytes(original)
    _import(project, "--cite-memo", "memo{memo}")
    assert bib.read_bytes().startswith(original + b"\n\n@misc{memo7,")
    assert sorted(load_bibliography(bib).keys) == ["curtis1995", "memo7"]


def test_unreadable_bibliography_is_left_alone(project):
    """A bibliography with an entry that does not parse is not appended to: a warning, and
    the import is a draft citing an unknown key."""
    bib = project / BIB
    bib.write_text(bib.read_text("utf-8") + "@misc{broken, title = {no end}\n", encoding="utf-8")
    before = bib.read_bytes()
    done = _import(project, "--cite-memo", "memo{memo}")
    assert bib.read_bytes() == before
    assert "warning memo-entry-not-added 'memo7' not added to" in done.stdout
    assert "observations/AZE/1992.yaml (a draft)" in done.stderr


def test_memo_entry_needs_no_existing_file(project):
    """Without a bibliography the entry starts one (created, never replacing anything)."""
    (project / BIB).unlink()
    done = _import(project, "--cite-memo", "memo{memo}")
    assert (project / BIB).read_text("utf-8").startswith("@misc{memo7,\n")
    assert f"added @misc{{memo7}} to {BIB}" in done.stderr
