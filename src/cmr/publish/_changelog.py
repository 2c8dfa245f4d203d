"""The dataset's CHANGELOG.md, which each release carries: it must say what the version changed.

A release VERSION needs a heading naming it, in any of the usual forms: `## 1.2.0`,
`## [1.2.0] - 2026-11-30`, `## v1.2.0 (2026-11-30)`.
"""

from __future__ import annotations

import re
from pathlib import Path

from cmr.catalogue import finding
from cmr.findings import Finding
from cmr.project import Project

__all__ = ["CHANGELOG", "changelog_findings"]

CHANGELOG = "CHANGELOG.md"


def changelog_findings(project: Project, version: str) -> list[Finding]:
    """A `release-changelog-missing` finding unless CHANGELOG.md has a heading for `version`."""
    path = project.root / CHANGELOG
    if _has_heading(path, version):
        return []
    return [finding("release-changelog-missing", project.display(path), version=version)]


def _has_heading(path: Path, version: str) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    heading = rf"(?m)^#{{1,6}}[ \t]+\[?v?{re.escape(version)}\]?(?:[ \t]|$)"
    return re.search(heading, text) is not None
