"""What stops a release before any work: a version that cannot name one, a place it cannot go,
a moment a zip cannot record. Each is a `ReleaseRefused` (one line, exit 2); nothing is made.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from cmr.errors import EnvironmentProblem, one_line
from cmr.project import Project
from cmr.versioning import commit_time, release_version

__all__ = [
    "LONGEST",
    "PREFIX",
    "ReleaseRefused",
    "checked_out",
    "checked_version",
    "release_moment",
]

PREFIX = "cmr-dataset-"  # a release's folder and zip are PREFIX + VERSION (+ ".zip")
LONGEST = 64  # characters of a version: it names a folder, a zip and a git tag
ZIP_LAST = dt.datetime(2107, 12, 31, 23, 59, 58, tzinfo=dt.UTC)  # the last moment a zip records


class ReleaseRefused(Exception):
    """A release that must not be made (exit 2): a bad or taken version, drafts."""


def checked_version(text: str) -> str:
    """`text` as a release version (a leading `v` dropped), or `ReleaseRefused` saying why."""
    bare = release_version(text)
    if bare is None:
        raise ReleaseRefused(
            f"{one_line(text[: LONGEST * 2])!r} is not a release version; use a PEP 440 or "
            "semantic version such as 1.2.0, 2026.1 or 1.3.0rc1"
        )
    if len(bare) > LONGEST:
        raise ReleaseRefused(
            f"version {bare[:20]}… is {len(bare)} characters long; a release version names "
            f"files and a git tag: use at most {LONGEST}"
        )
    public = bare.split("+")[0]
    if re.search(r"(?:^|[^0-9])0[0-9]", public):
        plain = re.sub(r"(?<![0-9])0+(?=[0-9])", "", public) + bare[len(public) :]
        raise ReleaseRefused(
            f"version {bare} has a number with a leading zero, which PEP 440 drops and "
            f"semantic versioning forbids; write it {plain}, so that a release has one name"
        )
    return bare


def checked_out(project: Project, out: str | Path | None) -> Path:
    """The folder a release goes in: `out`, default `dist` of the dataset; refused when it is
    empty, not a folder, or among the observations or the codebook the release is made from."""
    if out is not None and not str(out).strip():
        raise ReleaseRefused("--out is empty; give the folder to put the release in, e.g. dist")
    base = Path(out) if out is not None else project.root / "dist"
    shown = one_line(project.display(base))
    if os.path.lexists(base) and not base.is_dir():
        raise ReleaseRefused(f"--out {shown} is a file, not a folder; give a folder")
    where = os.path.realpath(base)
    _refuse_inside_release(Path(where), shown)
    what = project.input_holding(base)
    if what is not None:
        raise ReleaseRefused(f"--out {shown} is inside the {what} folder; release elsewhere")
    return base


def _refuse_inside_release(where: Path, shown: str) -> None:
    """A published release is never added to: no `--out` inside a release folder (a
    `cmr-dataset-*` folder beside its zip)."""
    for folder in (where, *where.parents):
        if (
            folder.name.startswith("cmr-dataset-")
            and folder.with_name(f"{folder.name}.zip").exists()
        ):
            raise ReleaseRefused(
                f"--out {shown} is inside release folder {folder.name}; a release is never "
                "changed: release elsewhere"
            )


def release_moment(project: Project) -> dt.datetime:
    """The release moment: `SOURCE_DATE_EPOCH`, else HEAD's commit time, else 1980-01-01; a
    moment after 2107 (the last year a zip can record) is an `EnvironmentProblem`."""
    from cmr.export._epoch import ENV, moment

    when = moment()
    if when is None:
        seconds = commit_time(project.root)
        when = dt.datetime.fromtimestamp(seconds or 315532800, dt.UTC)
    if when > ZIP_LAST:
        source = ENV if os.environ.get(ENV) else "the commit time of HEAD"
        raise EnvironmentProblem(
            f"the release moment {when:%Y-%m-%d} ({source}) is after 2107, the last year a zip "
            f"can record; set {ENV} to an earlier moment"
        )
    return when
