"""`cmr new`: templates with every question, country codes filled in, never overwriting."""

from __future__ import annotations

from pathlib import Path

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


def test_blank_template_fails_check_until_filled(project: Path, run_cli):
    """A fresh template is not yet a valid observation: every answer is reported."""
    run_cli("new", "AZE", "1994", "--coder", "jdoe", project=project)
    result = run_cli("check", project=project)
    book = Codebooks(project / "codebook").latest
    assert result.exit_code == 1
    assert result.output.count("answer-not-in-scale") == len(book.questions)


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
