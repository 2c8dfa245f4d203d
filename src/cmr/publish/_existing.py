"""What is there already: a release of the version (under this name or another spelling of
the same PEP 440 version), or a release tag on HEAD naming another version. Either refuses the
release (`ReleaseRefused`, one line, exit 2); a release is never replaced and never made from
a commit tagged as something else.
"""

from __future__ import annotations

import os
from pathlib import Path

from cmr.errors import one_line
from cmr.project import Project
from cmr.publish._preflight import PREFIX, ReleaseRefused
from cmr.versioning import TAG_PREFIX, head_release, release_version, version_key

__all__ = ["refuse_existing", "refuse_other_tag"]


def refuse_existing(project: Project, version: str, folder_path: Path, zip_path: Path) -> None:
    """`ReleaseRefused` when release `version` exists: its folder or its zip (even a link to
    nothing), or its folder alone (an incomplete release, for a person to check)."""
    folder, archive = (os.path.lexists(p) for p in (folder_path, zip_path))
    if folder and not archive:
        shown = _shown(project, folder_path)
        raise ReleaseRefused(
            f"release {version} is incomplete: {shown} exists without its zip (an "
            "interrupted release?); check it, remove it and release again"
        )
    if folder or archive:
        shown = _shown(project, folder_path if folder else zip_path)
        raise ReleaseRefused(
            f"release {version} exists ({shown}); a release is never replaced: choose a new version"
        )
    alias = _alias(folder_path.parent, version)
    if alias is not None:
        shown = _shown(project, folder_path.parent / alias)
        raise ReleaseRefused(
            f"release {version} exists as {shown}: PEP 440 reads both names as one version; "
            "a release is never replaced: choose a new version"
        )


def _alias(base: Path, version: str) -> str | None:
    """The name of a release in `base` of the same version spelled otherwise (`1.0.0-rc.1`
    for `1.0.0rc1`, `1.0` for `1.0.0`), if any."""
    try:
        names = sorted(os.listdir(base))
    except OSError:  # no folder yet, or none to read: nothing released there
        return None
    wanted = version_key(version)
    for name in names:
        other = name.removeprefix(PREFIX).removesuffix(".zip")
        named = name.startswith(PREFIX) and other != version and release_version(other) == other
        if named and version_key(other) == wanted:
            return name
    return None


def _shown(project: Project, path: Path) -> str:
    """`path` as the user named it (its parent shown, the name itself never followed)."""
    return one_line(os.path.join(project.display(path.parent), path.name))


def refuse_other_tag(project: Project, bare: str) -> None:
    """`ReleaseRefused` when HEAD carries the tag of another release than `bare`."""
    tagged = head_release(project.root)
    if tagged is not None and tagged != bare:
        raise ReleaseRefused(
            f"HEAD is tagged as release {tagged}, not {bare}; release {tagged}, or check out "
            f"the commit to release as {bare} (tag it {TAG_PREFIX}{bare})"
        )
