"""The citation the site shows, from `cmr.publish.citation` in every format it offers.

The plain-text citation is required: a dataset whose citation cannot be made (CITATION.cff or
the codebook's origin unusable) is not published, and `cmr.publish`'s findings say where. A
further format that the dataset cannot give (CITATION.cff needs authors) is left out, and the
page says why in the words of the finding.
"""

from __future__ import annotations

from cmr.findings import Result
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
            missing[fmt] = "; ".join(f.message for f in exc.findings)
    return made, missing
