"""The changelog check in `cmr check`: a breaking change the `changes` list does not mention."""

from __future__ import annotations

from pathlib import Path

from support import cmr_run, observation_data, write_observation
from versions_support import Data, new_version, question


def _wording(d: Data) -> None:
    question(d, "Q5")["text"] = "Are there ideological requirements for senior officers?"


def _unlisted(project: Path) -> list[str]:
    write_observation(project, observation_data(project, codebook="1.1.0"))
    done = cmr_run(project, "check")
    return [line for line in done.stdout.splitlines() if "codebook-change-unlisted" in line]


def test_unmentioned_breaking_change_is_an_error(project: Path) -> None:
    """A reworded question missing from the changelog is an error at the `changes:` line."""
    path = new_version(project, _wording)
    found = _unlisted(project)
    assert len(found) == 1
    line = path.read_text(encoding="utf-8").splitlines().index("changes:") + 1
    assert found[0].startswith(f"codebook/1.2.0.yaml:{line}:1: error codebook-change-unlisted")
    assert "Q5 text changed" in found[0]
    assert cmr_run(project, "check").returncode == 1


def test_entry_naming_the_id_or_variable_mentions_it(project: Path) -> None:
    """A details line naming the id, or the variable in another case, lists the change."""
    new_version(project, _wording, changes=["Q5 asks about ideological requirements only."])
    assert _unlisted(project) == []
    new_version(project, _wording, changes=["OFFICER_IDEOLOGY_TEST reworded."])
    assert _unlisted(project) == []


def test_mention_is_a_whole_word(project: Path) -> None:
    """Q50 or Q5a does not mention Q5."""
    new_version(project, _wording, changes=["Q50 and Q5a are new."])
    assert len(_unlisted(project)) == 1


def test_compatible_changes_need_no_mention(project: Path) -> None:
    """A label change, a new missing code and a new question pass without a changelog line."""

    def edit(d: Data) -> None:
        question(d, "Q1")["label"] = "Regime seized power"
        d["questions"].append(dict(question(d, "Q1"), id="Q14", variable="new_q", text="New?"))

    new_version(project, edit)
    assert _unlisted(project) == []


def test_entry_of_another_version_does_not_count(project: Path) -> None:
    """Only entries for the new version (or versions between) mention its changes."""

    def edit(d: Data) -> None:
        _wording(d)
        d["changes"][0]["details"] = ["Q5 wording as in the legacy memo."]  # the 1.1.0 entry

    new_version(project, edit)
    assert len(_unlisted(project)) == 1


def test_each_unmentioned_change_is_one_finding(project: Path) -> None:
    """Two unmentioned breaking changes, two findings; the mentioned one is not reported."""

    def edit(d: Data) -> None:
        _wording(d)
        d["windows"]["last_5_years"]["years"] = 3
        question(d, "Q6")["guidance"]["no"] = "Changed."

    new_version(project, edit, changes=["The window last_5_years is now three years."])
    found = _unlisted(project)
    assert len(found) == 2
    assert any("Q5 text" in f for f in found) and any("Q6 guidance.no" in f for f in found)


def test_repository_codebooks_pass(repo: Path) -> None:
    """The released codebooks' changelogs list every breaking change (there are none)."""
    from cmr.codebook import Codebooks
    from cmr.versions import changelog_findings

    found = changelog_findings(Codebooks(repo / "codebook"))
    assert [f for f in found if f.file.endswith(("1.0.0.yaml", "1.1.0.yaml"))] == []
