"""The citation the site shows, from `cmr.publish.citation` in every format it offers.

The plain-text citation is required: a dataset whose citation cannot be made (CITATION.cff or
the codebook's origin unusable) is not published, and `cmr.publish`'s findings say where. A
further format that the dataset cannot give (CITATION.cff needs authors) is left out, and the
page says why in the words of the finding.
"""

from __future__ import annotations

import os
from pathlib import Path

from cmr.findings import Finding, Result
from cmr.project import Project
from cmr.publish import FORMATS, PublishError, citation

REQUIRED = "text"


def citations(
    project: Project, result: Result, version: str | None = None
) -> tuple[dict[str, str], dict[str, str]]:
    """({format: citation}, {format: why it is missing}); {} and the findings added to
    `result` when even the plain-text citation cannot be made. `version` names the release."""
    made: dict[str, str] = {}
    missing: dict[str, str] = {}
    for fmt in sorted(FORMATS, key=lambda f: (f != REQUIRED, f)):
        try:
            made[fmt] = citation(project, fmt, version=version)
        except PublishError as exc:
            if fmt == REQUIRED:
                result.extend(exc.findings)
                return {}, {}
            missing[fmt] = "; ".join(_in_dataset(project, f) for f in exc.findings)
    return made, missing


def _in_dataset(project: Project, found: Finding) -> str:
    """The finding's message with its file named from the dataset folder (`CITATION.cff`),
    not from wherever cmr was run: the page must not depend on the working directory."""
    if not found.file:
        return found.message
    path = os.path.abspath(found.file)
    root = os.path.abspath(project.root)
    if os.path.commonpath([path, root]) != root:
        return found.message
    return found.message.replace(found.file, Path(os.path.relpath(path, root)).as_posix())
