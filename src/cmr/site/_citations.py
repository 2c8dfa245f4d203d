"""The citation the site shows, from `cmr.publish.citation` in every format it offers.

A dataset whose citation cannot be made (CITATION.cff or the codebook's origin unusable) is
not published: `cmr.publish` says where, and those findings stop the build.
"""

from __future__ import annotations

from cmr.findings import Result
from cmr.project import Project
from cmr.publish import FORMATS, PublishError, citation


def citations(project: Project, result: Result, version: str | None = None) -> dict[str, str]:
    """`{format: text}` for every citation format; {} with the findings added to `result`
    when the citation cannot be made. `version` names the release the site offers."""
    try:
        return {fmt: citation(project, fmt, version=version) for fmt in sorted(FORMATS)}
    except PublishError as exc:
        result.extend(exc.findings)
        return {}
