"""`cmr new`: templates with every question, country codes filled in, never overwriting."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support import cmr_run

from cmr.codebook import Codebooks


def test_template_holds_every_question(project: Path, run_cli):
    """The template lists each question's text as a comment above its answer."""
    result = run_cli("new", "Azerbaijan", "1994", "--coder", "jdoe", project=project)
    assert result.exit_code == 0, result.output
    text = (project / "observations" / "AZE" / "1994.yaml").read_text(encoding="utf-8")
    book = Codebooks(project / "codebook").latest
    assert text.startswith("# yaml-language-server: $schema=../../codebook/schema/observation-")
    assert "iso3c: AZE\ncown: 373\nyear: 1994\ncoder: jdoe\n" in text
    position = 0
    for q in book.questions:
        found = text.index(f"# {q.id} {q.text}\n", position)
        assert text.index(f"  {q.variable}:\n", found) > found
        position = found


def test_iso3_code_and_independent_layout(project: Path, run_cli):
    """An ISO3 code works as COUNTRY, and --independent writes <ISO3>/<year>/<coder>.yaml."""
    result = run_cli("new", "ARM", "1993", "--coder", "ana", "--independent", project=project)
    assert result.exit_code == 0, result.output
    assert (project / "observations" / "ARM" / "1993" / "ana.yaml").is_file()


def test_refuses_to_overwrite(project: Path, run_cli):
    """An existing file is left untouched and the command fails."""
    path = project / "observations" / "AZE" / "1994.yaml"
    path.parent.mkdir(parents=True)
    path.write_text("my work\n")
    result = run_cli("new", "AZE", "1994", "--coder", "jdoe", project=project)
    assert result.exit_code == 1
    assert "already exists" in result.output
    assert path.read_text() == "my work\n"
    assert sorted(p.name for p in path.parent.iterdir()) == ["1994.yaml"]


def test_unknown_country_is_a_usage_error(project: Path, run_cli):
    """A country that cannot be resolved is a usage error (exit 2) with a message."""
    result = run_cli("new", "Atlantis", "1994", "--coder", "jdoe", project=project)
    assert result.exit_code == 2
    assert "not recognised" in result.output


def test_mistyped_country_gets_a_suggestion(project: Path, run_cli):
    """A name close to a country's is answered with a did-you-mean."""
    result = run_cli("new", "Azerbajan", "1994", "--coder", "jdoe", project=project)
    assert result.exit_code == 2
    assert "did you mean 'Azerbaijan', AZE?" in result.output


def test_blank_template_is_a_draft_until_filled(project: Path, run_cli):
    """A fresh template is a draft: each unanswered question is one warning, the check
    passes; without the status line each is an error."""
    run_cli("new", "AZE", "1994", "--coder", "jdoe", project=project)
    result = run_cli("check", project=project)
    book = Codebooks(project / "codebook").latest
    assert result.exit_code == 0
    assert result.output.count("warning answer-missing") == len(book.questions)
    path = project / "observations" / "AZE" / "1994.yaml"
    lines = path.read_text().splitlines(keepends=True)
    path.write_text("".join(x for x in lines if not x.startswith("status:")))
    final = run_cli("check", project=project)
    assert final.exit_code == 1
    assert final.output.count("error answer-missing") == len(book.questions)
    assert final.output.count("error") == len(book.questions) + 1  # and the summary line


def test_codebook_show(project: Path, run_cli):
    """`cmr codebook show VAR` prints the question, its scale and guidance; bad names exit 2."""
    book = Codebooks(project / "codebook").latest
    q = book.questions[-1]
    shown = run_cli("codebook", "show", q.variable, project=project)
    assert shown.exit_code == 0
    assert q.text in " ".join(shown.output.split())
    assert all(code in shown.output for code in q.scale.codes)
    overview = run_cli("codebook", "show", project=project)
    assert all(x.variable in overview.output for x in book.questions)
    assert run_cli("codebook", "show", "nonsense", project=project).exit_code == 2


def test_written_file_has_ordinary_permissions(project: Path, run_cli):
    """A new observation gets the permissions a plain open() would give, not mkstemp's 0600."""
    import os

    mask = os.umask(0)
    os.umask(mask)
    run_cli("new", "AZE", "1995", "--coder", "jdoe", project=project)
    mode = (project / "observations" / "AZE" / "1995.yaml").stat().st_mode & 0o777
    assert mode == 0o666 & ~mask


def test_coder_must_be_a_plain_file_name(project: Path, run_cli):
    """A coder name with a path or a newline is refused; nothing is written anywhere."""
    for coder in ("../../../../tmp/pwn", "a/b", "", "a\nb: c"):
        result = run_cli("new", "AZE", "1990", "--coder", coder, "--independent", project=project)
        assert result.exit_code == 2, coder
        assert "coder" in result.output
    assert not (project / "observations" / "AZE").exists()


def test_year_outside_the_codebook_is_refused(project: Path, run_cli):
    """`cmr new` refuses a year that `cmr check` would reject."""
    result = run_cli("new", "AZE", "1700", "--coder", "jdoe", project=project)
    assert result.exit_code == 2
    assert "outside" in result.output


def _folders(project: Path) -> list[Path]:
    return sorted(p for p in project.rglob("*") if p.is_dir())


@pytest.mark.parametrize("independent", [True, False])
@pytest.mark.parametrize("coder", ["a" * 65, "a" * 300])
def test_long_coder_is_refused_before_anything_is_written(
    project: Path, coder: str, independent: bool
) -> None:
    """A coder name over 64 characters is one usage line (exit 2); no file or folder is
    made, and no temporary file is named."""
    before = _folders(project)
    args = ["new", "AZE", "1994", "--coder", coder] + (["--independent"] if independent else [])
    done = cmr_run(project, *args)
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    assert ".tmp" not in done.stderr and len(done.stderr) < 300, done.stderr
    assert _folders(project) == before
    assert not list((project / "observations").rglob("*.yaml"))


def test_coder_of_64_characters_is_fine(project: Path) -> None:
    """64 characters is the limit, not past it."""
    done = cmr_run(project, "new", "AZE", "1994", "--coder", "a" * 64, "--independent")
    assert done.returncode == 0, done.stderr
    assert (project / "observations" / "AZE" / "1994" / f"{'a' * 64}.yaml").is_file()


def test_long_country_is_echoed_shortened(project: Path) -> None:
    """A 20,000-character country is refused in one short line showing its first characters."""
    done = cmr_run(project, "new", "A" * 20_000, "1994", "--coder", "x")
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr[:500]
    assert "'" + "A" * 40 + "…'" in done.stderr and len(done.stderr) < 300


def test_no_codebook_is_one_usage_line(project: Path) -> None:
    """Without a codebook `cmr new` says so in one line (exit 2), not as a finding."""
    shutil.rmtree(project / "codebook")
    (project / "codebook").mkdir()
    done = cmr_run(project, "new", "AZE", "1994", "--coder", "x")
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    assert "no codebook found in" in done.stderr and " error " not in done.stderr
    assert not (project / "observations" / "AZE").exists()


@pytest.mark.parametrize("command", [("show",), ("schema",), ("schema", "--check")])
@pytest.mark.parametrize("version", ["", " "])
def test_codebook_empty_version_is_a_usage_error(
    project: Path, command: tuple[str, ...], version: str
) -> None:
    """`cmr codebook show|schema --version ''` names no version: one line, exit 2."""
    done = cmr_run(project, "codebook", *command, "--version", version)
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stdout + done.stderr
    assert done.stdout == "" and "no codebook version" in done.stderr


def test_codebook_show_lists_the_questions_concepts(tmp_path: Path, run_cli):
    """A question that uses concepts shows each with its definition and sources."""
    from support import make_project

    project = make_project(tmp_path / "all", up_to=None)
    book = Codebooks(project / "codebook").latest
    q = next(q for q in book.questions if q.concepts)
    shown = run_cli("codebook", "show", q.variable, project=project)
    assert shown.exit_code == 0 and "Concepts:" in shown.output
    for cid in q.concepts:
        concept = book.concepts[cid]
        assert f"{concept.label} ({cid}):" in shown.output
        assert all(key in shown.output for key in concept.sources)
