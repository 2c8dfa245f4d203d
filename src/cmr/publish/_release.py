"""`release(project, version)`: a checked, citable, byte-reproducible release of the dataset.

`dist/cmr-dataset-VERSION/` holds the panel as `cmr export` writes it (with its
datapackage.json, which the release extends to describe every file it adds), the codebook
(every version's YAML, the latest rendered as Markdown, HTML and, with Chromium, PDF),
CITATION.cff with this version and date, CHANGELOG.md, the data licence when the dataset has
one, and SHA256SUMS; `dist/cmr-dataset-VERSION.zip` holds the folder (`cmr.publish._zip`).

It fails closed: any error finding stops it with nothing written. A release is never replaced:
a version whose folder or zip exists is refused, as is a dataset with drafts unless
`allow_drafts`, and whatever `cmr.publish._preflight` refuses. Everything is made in a staging
folder inside `out` and moved into place at the end (`cmr.publish._placing`); a folder the
release had to create for `out` is removed again when nothing was released.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from cmr.errors import EnvironmentProblem, one_line, os_errors_as_problems
from cmr.findings import Result
from cmr.project import Project
from cmr.publish._changelog import changelog_findings
from cmr.publish._citation import Citable, PublishError, citable
from cmr.publish._contents import write_contents
from cmr.publish._existing import refuse_existing, refuse_other_tag
from cmr.publish._package import describe_release
from cmr.publish._placing import created_folders, place, staging
from cmr.publish._preflight import (
    PREFIX,
    ReleaseRefused,
    checked_out,
    checked_version,
    release_moment,
)
from cmr.publish._zip import SUMS, files_of, write_sums, write_zip

__all__ = ["PREFIX", "ReleaseRefused", "ReleaseRun", "release"]


@dataclass
class ReleaseRun:
    """What a release found and wrote; `files` is empty when nothing was written."""

    version: str
    folder: Path
    zip: Path
    result: Result = field(default_factory=Result)
    files: tuple[str, ...] = ()


def release(
    project: Project,
    version: str,
    out: str | Path | None = None,
    *,
    allow_drafts: bool = False,
    pdf: bool = True,
) -> ReleaseRun:
    """Check, export and package the dataset as release `version` in `out` (default `dist`).

    >>> release(Project.find(), "1.2.0").zip        # doctest: +SKIP
    PosixPath('dist/cmr-dataset-1.2.0.zip')
    """
    bare = checked_version(version)
    base = checked_out(project, out)
    run = ReleaseRun(bare, base / f"{PREFIX}{bare}", base / f"{PREFIX}{bare}.zip")
    refuse_existing(project, bare, run.folder, run.zip)
    refuse_other_tag(project, bare)
    when = release_moment(project)  # a moment no zip can hold stops it before any work
    if pdf:
        _need_chromium()
    run.result.extend(changelog_findings(project, bare))
    cited = _cited(project, run)
    if cited is None or not run.result.success:
        return run
    with (
        os_errors_as_problems(one_line(project.display(base))),
        created_folders(base),
        staging(base, run.folder.name) as stage,
    ):
        _build(project, run, stage, cited, (when, allow_drafts, pdf))
    return run


def _need_chromium() -> None:
    from cmr.publish._pdf import chromium_path

    try:  # a missing Chromium stops the release before any work
        chromium_path()
    except EnvironmentProblem as exc:
        raise EnvironmentProblem(f"{exc}; or release without it: --no-pdf") from None


def _cited(project: Project, run: ReleaseRun) -> Citable | None:
    try:
        return citable(project, need_authors=True)
    except PublishError as exc:
        run.result.extend(exc.findings)
        return None


def _build(
    project: Project,
    run: ReleaseRun,
    stage: Path,
    cited: Citable,
    how: tuple[dt.datetime, bool, bool],
) -> None:
    from cmr.export import export

    when, drafts, pdf = how
    folder = stage / run.folder.name
    exported = export(folder, project=project, dataset_version=run.version)
    run.result.extend(exported.result.findings)
    if not exported.written:
        return
    if exported.drafts and not drafts:
        raise ReleaseRefused(
            f"{len(exported.drafts)} draft observation(s) would be left out of release "
            f"{run.version}; finish them, or pass --allow-drafts to release without them"
        )
    meta, origin = cited
    titles = write_contents(project, folder, (meta.at(run.version, meta.date), origin), when, pdf)
    describe_release(folder, [*files_of(folder), SUMS], SUMS, titles)
    write_sums(folder)
    write_zip(folder, stage / run.zip.name, when)
    try:
        place(stage, run.folder, run.zip)
    except FileExistsError:
        raise ReleaseRefused(f"release {run.version} appeared while it was being made") from None
    run.files = tuple(files_of(run.folder))
