"""The `release` table of the settings: what a citation needs beyond the codebook.

    [tool.cmr.release]                   # or [release] in cmr.toml
    title = "..."                        # default: the codebook's title
    authors = ["Family, Given", "An Organisation"]
    repository = "https://example.org/your/dataset"
    url = "https://example.org/dataset"  # a landing page
    doi = "10.5281/zenodo.0000000"
    abstract = "..."                     # default: the codebook's description

A CITATION.cff at the dataset's root takes precedence over each of these. A table that cmr
cannot use is a `ProjectError` (one line, exit 2).
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from cmr.project import Project, ProjectError

__all__ = ["KEYS", "release_settings"]

KEYS = ("title", "authors", "repository", "url", "doi", "abstract")
# the forms CFF 1.2.0 requires of these values (its `url` and `doi` definitions)
FORMS = {
    "repository": (r"(https|http|ftp|sftp)://\S+", "an address such as https://example.org/data"),
    "url": (r"(https|http|ftp|sftp)://\S+", "an address such as https://example.org/data"),
    "doi": (
        r"10\.\d{4,9}(\.\d+)?/[A-Za-z0-9:/_;\-.()\[\]\\]+",
        "a DOI such as 10.5281/zenodo.1234",
    ),
}


def release_settings(project: Project) -> dict[str, Any]:
    """The validated `release` table of `project` (empty when absent)."""
    table = project.config.get("release", {})
    if not isinstance(table, dict):
        raise ProjectError("settings: release must be a table ([tool.cmr.release])")
    for key, value in table.items():
        if key not in KEYS:
            close = difflib.get_close_matches(str(key), KEYS, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ProjectError(
                f"settings: unknown key release.{key}{hint}; known: {', '.join(KEYS)}"
            )
        if key == "authors":
            _authors(value)
        elif not _text(value):
            raise ProjectError(f"settings: release.{key} must be text on one line")
        elif key in FORMS and not re.fullmatch(FORMS[key][0], value):
            raise ProjectError(f"settings: release.{key} = {value!r} must be {FORMS[key][1]}")
    return dict(table)


def _authors(value: Any) -> None:
    if not isinstance(value, list) or not value or not all(_named(v) for v in value):
        raise ProjectError(
            "settings: release.authors must be a list of names "
            '(["Family, Given", "An Organisation"])'
        )


def _named(value: Any) -> bool:
    """Text naming someone: an organisation, or a person's family name before a comma."""
    return _text(value) and bool(value.split(",", 1)[0].strip())


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip()) and value.isprintable()
