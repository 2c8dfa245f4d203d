"""`build_site()`: check the dataset, gather what the site shows, render it and publish it.

Nothing is written when a final observation (or the codebook, the bibliography, the settings)
has an error: drafts are shown, marked, whatever they hold. The output folder must be
missing, empty or a previous site holding only the files its manifest lists; the new site
replaces it in one atomic step. A problem of the machine raises `EnvironmentProblem`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from cmr.bibliography import load_bibliography
from cmr.checking import Progress, check
from cmr.errors import EnvironmentProblem, one_line, os_errors_as_problems
from cmr.export._lock import locked
from cmr.findings import Finding, Result
from cmr.project import Project
from cmr.site._changelog import read_changelog
from cmr.site._citations import citations
from cmr.site._content import Content, gather, release_version
from cmr.site._folder import folder_findings, refuse_bad_target
from cmr.site._pages import pages
from cmr.site._release import Download, read_release, sums_file
from cmr.site._settings import site_settings
from cmr.site._stage import clean_leftovers, staging, write_files
from cmr.site._universe import universe_view

DEFAULT_OUT = "site"
SHOWN = frozenset({"panel-duplicate-country-year"})
"""Errors of drafts that stop the site all the same: one page cannot show two drafts of a
country-year (`AZE/1993.yaml` and `AZE/01993.yaml`), and one would be lost."""


@dataclass
class SiteRun:
    """What a build found and wrote; `files` is empty when nothing was written."""

    result: Result
    out: Path
    files: tuple[str, ...] = ()
    country_years: int = 0
    drafts: int = 0

    @property
    def written(self) -> bool:
        return bool(self.files)


def build_site(
    out: str | Path | None = None,
    *,
    project: Project | None = None,
    release: str | Path | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> SiteRun:
    """Check every observation and, when no final one has an error, write the site to `out`
    (default: `site/` in the dataset), replacing a previous site as a whole.

    `release` is a release folder (`dist/cmr-dataset-VERSION/`, with `SHA256SUMS`) whose files
    the site offers for download.

    >>> build_site("site").written        # doctest: +SKIP
    True
    """
    project = project or Project.find()
    settings = site_settings(project.config)  # a bad setting stops before any work
    target, shown = refuse_bad_target(out, project, DEFAULT_OUT)
    run = SiteRun(Result(), target)
    with os_errors_as_problems(shown):
        target.parent.mkdir(parents=True, exist_ok=True)
        with locked(target, shown, "cmr site"):
            if _stopped(run, folder_findings(target, shown)):
                return run
            content = _content(project, run, release, jobs, progress)
            if content is None:
                return run
            content.settings = settings
            if _stopped(run, folder_findings(target, shown)):  # appeared meanwhile
                return run
            clean_leftovers(target)
            with staging(target) as folder:
                run.files = tuple(write_files(folder, pages(content)))
    return run


def _content(
    project: Project, run: SiteRun, release: str | Path | None, jobs: int | None,
    progress: Progress | None,
) -> Content | None:  # fmt: skip
    """What the site shows, or None when a finding that is an error stops the build."""
    downloads, name = _release(release, run)  # an unusable folder stops before the check
    sums = sums_file(Path(release)) if release is not None else None
    checked = check(project=project, keep=True, jobs=jobs, progress=progress)
    run.result.files = checked.result.files
    observations = checked.observations() if checked.books is not None else []
    drafts = {s.path for s in checked.summaries if s.draft}
    run.result.extend(f for f in checked.result.findings if f.file not in drafts or f.code in SHOWN)
    if not run.result.success or checked.books is None:
        return None
    changelog, unreadable = read_changelog(project)
    if _stopped(run, unreadable):
        return None
    bib = load_bibliography(project.bibliography)
    settings = site_settings(project.config)
    content = gather(checked.books, observations, bib, settings, changelog)
    content.downloads, content.release_name, content.sums = downloads, name, sums
    version = release_version(Path(name or "."))
    content.citations, content.uncitable = citations(project, run.result, version)
    content.universe, report = universe_view(project)
    if report is not None:
        run.result.extend(f for f in report.findings if f.file not in drafts)
    run.country_years, run.drafts = len(content.years), len(drafts)
    return None if not run.result.success else content


def _release(release: str | Path | None, run: SiteRun) -> tuple[list[Download], str]:
    """The verified files of the release folder, and its name; findings go to `run`."""
    if release is None:
        return [], ""
    folder = Path(release)
    if not folder.is_dir():
        raise EnvironmentProblem(f"--release {one_line(str(release))}: no such folder")
    downloads, findings = read_release(folder, one_line(str(release)))
    run.result.extend(findings)
    return downloads, os.path.basename(os.path.abspath(folder))


def _stopped(run: SiteRun, findings: list[Finding]) -> bool:
    run.result.extend(findings)
    return any(f.severity == "error" for f in findings)
