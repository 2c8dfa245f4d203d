"""The dataset's CHANGELOG.md, which each release carries: it must say what the version changed.

A release VERSION needs a heading naming it, in any of the usual forms: `## 1.2.0`,
`## [1.2.0] - 2026-11-30`, `## v1.2.0 (2026-11-30)`. A heading inside a fenced code block
does not count. Without one, an `## Unreleased` section (Keep a Changelog's name for what the
next release will hold) is released as VERSION: the release's copy names it `## VERSION - DATE`,
and a warning asks the dataset to rename it too. A changelog that is missing, not a regular
file, not UTF-8 text or too large to be one is a finding of its own (`cmr.publish._textfile`).
"""

from __future__ import annotations

import re

from cmr.catalogue import finding
from cmr.findings import Finding
from cmr.project import Project
from cmr.publish._textfile import read_text

__all__ = ["CHANGELOG", "LIMIT", "changelog_findings", "released_changelog"]

CHANGELOG = "CHANGELOG.md"
LIMIT = 8 << 20  # bytes; a changelog is prose, a larger file is something else
_FENCE = re.compile(r"^[ \t]{0,3}(```|~~~)")
_UNRELEASED = re.compile(r"(#{1,6})[ \t]+\[?unreleased\]?[ \t]*$", re.IGNORECASE)


def changelog_findings(project: Project, version: str) -> list[Finding]:
    """A finding unless CHANGELOG.md is readable text with a heading for `version`."""
    path = project.root / CHANGELOG
    shown = project.display(path)
    read = read_text(path, LIMIT)
    if read.missing:
        problem = f"there is no such file; write one with a heading `## {version}`"
        return [finding("release-changelog-unreadable", shown, problem=problem)]
    if read.problem is not None:
        return [finding("release-changelog-unreadable", shown, read.line, problem=read.problem)]
    if _has_heading(read.text, version):
        return []
    line = _unreleased(read.text)
    if line is not None:
        return [finding("release-changelog-unreleased", shown, line + 1, version=version)]
    return [finding("release-changelog-missing", shown, version=version)]


def released_changelog(project: Project, version: str, day: str) -> str:
    """The changelog as the release carries it: an `Unreleased` heading, when no heading names
    `version`, becomes `VERSION - DAY`; otherwise the text as it is."""
    text = (project.root / CHANGELOG).read_text(encoding="utf-8")
    line = None if _has_heading(text, version) else _unreleased(text)
    if line is None:
        return text
    lines = text.splitlines(keepends=True)
    level = _UNRELEASED.match(lines[line].strip())
    hashes = level.group(1) if level else "##"
    ending = lines[line][len(lines[line].rstrip("\r\n")) :]
    lines[line] = f"{hashes} {version} - {day}{ending}"
    return "".join(lines)


def _unreleased(text: str) -> int | None:
    """The index of the first `Unreleased` heading outside fenced code, or None."""
    fenced = False
    for index, line in enumerate(text.splitlines()):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and _UNRELEASED.match(line.strip()):
            return index
    return None


def _has_heading(text: str, version: str) -> bool:
    heading = re.compile(rf"#{{1,6}}[ \t]+\[?v?{re.escape(version)}\]?(?:[ \t]|$)")
    fenced = False
    for line in text.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and heading.match(line):
            return True
    return False
