"""A changelog whose next release is still `## Unreleased` is released as the version asked
for, with a warning at the heading; a changelog naming neither is refused."""

from __future__ import annotations

from pathlib import Path

from .conftest import release

UNRELEASED = "# Changelog\n\n## [Unreleased]\n\n- First release.\n\n## 0.1.0\n\n- Older.\n"


def test_unreleased_section_is_released_as_the_version(ready: Path) -> None:
    """`cmr release 2.1.0` with only `## [Unreleased]` succeeds, warns at that line, and the
    release's CHANGELOG.md names 2.1.0 with the release day; the dataset's file is unchanged."""
    (ready / "CHANGELOG.md").write_text(UNRELEASED, encoding="utf-8")
    done = release(ready, "2.1.0", "--no-pdf")
    assert done.returncode == 0, done.stdout + done.stderr
    said = done.stdout + done.stderr
    assert "CHANGELOG.md:3:1: warning release-changelog-unreleased" in said
    copy = (ready / "dist" / "cmr-dataset-2.1.0" / "CHANGELOG.md").read_text(encoding="utf-8")
    assert copy == UNRELEASED.replace("## [Unreleased]", "## 2.1.0 - 2023-11-14")
    assert (ready / "CHANGELOG.md").read_text(encoding="utf-8") == UNRELEASED


def test_a_named_version_wins_over_unreleased(ready: Path) -> None:
    """With a heading for the version, an Unreleased section stays as it is, with no warning."""
    text = "# Changelog\n\n## Unreleased\n\n- Next.\n\n## 2.1.0\n\n- This one.\n"
    (ready / "CHANGELOG.md").write_text(text, encoding="utf-8")
    done = release(ready, "2.1.0", "--no-pdf")
    assert done.returncode == 0 and "release-changelog" not in done.stdout + done.stderr
    copy = (ready / "dist" / "cmr-dataset-2.1.0" / "CHANGELOG.md").read_text(encoding="utf-8")
    assert copy == text


def test_neither_heading_is_refused(ready: Path) -> None:
    """Without a heading for the version or an Unreleased section the release stops (exit 1)."""
    (ready / "CHANGELOG.md").write_text("# Changelog\n\n## 0.1.0\n\n- Older.\n", encoding="utf-8")
    done = release(ready, "2.1.0", "--no-pdf")
    assert done.returncode == 1 and "release-changelog-missing" in done.stdout
    assert not (ready / "dist").exists()
