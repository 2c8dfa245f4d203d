"""`migrate(project, to, paths)`: move observation files to a codebook version.

Each file is planned on its own (`cmr.versions._file`) and written atomically only when its
whole migration succeeded; a file already at the target version is never rewritten, and a
file coded under a later version is refused (migration only moves forward).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cmr import _atomic
from cmr.codebook import Codebook, CodebookError, Codebooks
from cmr.discovery import discover
from cmr.errors import EnvironmentProblem, one_line
from cmr.project import Project
from cmr.versions._changelog import version_key
from cmr.versions._diff import diff
from cmr.versions._file import FilePlan, plan_file
from cmr.versions._model import Diff


@dataclass
class Migration:
    """The outcome of `migrate`: one plan per file, in path order."""

    target: str
    dry_run: bool
    files: list[FilePlan] = field(default_factory=list)

    def count(self, action: str) -> int:
        return sum(1 for f in self.files if f.action == action)

    @property
    def success(self) -> bool:
        return self.count("refused") == 0

    def summary(self) -> str:
        verb = "would migrate" if self.dry_run else "migrated"
        drafts = sum(1 for f in self.files if f.action == "migrated" and _draft(f))
        return (
            f"{verb} {self.count('migrated')} file(s) to codebook {self.target} "
            f"({drafts} now draft), skipped {self.count('skipped')}, "
            f"refused {self.count('refused')}"
        )


def _draft(plan: FilePlan) -> bool:
    return bool(plan.added) or any(a.review for a in plan.answers)


def migrate(
    project: Project, to: str, paths: list[Path] | None = None, *, dry_run: bool = False
) -> Migration:
    """Plan (and unless `dry_run`, write) the migration of observation files to `to`."""
    books = Codebooks(project.codebook_dir)
    target = _target(books, to)
    result = Migration(target.version, dry_run)
    diffs: dict[str, Diff] = {}
    for path in discover(paths or [project.observations_dir]).files:
        plan = _one(project, books, target, diffs, path)
        if plan.action == "migrated" and not dry_run:
            _atomic.write_text(Path(path), plan.text, overwrite=True)
        result.files.append(plan)
    return result


def _target(books: Codebooks, to: str) -> Codebook:
    try:
        book = books.get(to)
    except CodebookError as exc:
        raise EnvironmentProblem(
            f"codebook {one_line(to)} cannot be used: {exc.findings[0].message}"
        ) from None
    if book is None:
        known = ", ".join(books.versions) or "none"
        raise EnvironmentProblem(f"no codebook version {one_line(to)!r} (versions: {known})")
    return book


def _one(
    project: Project, books: Codebooks, target: Codebook, diffs: dict[str, Diff], path: str
) -> FilePlan:
    shown = project.display(Path(path))
    if not _inside(Path(path), project.observations_dir):
        folder = project.display(project.observations_dir)
        return FilePlan(shown, "refused", f"is not in the observations folder {folder}")
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            raw = fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or "not UTF-8 text"
        return FilePlan(shown, "refused", f"cannot be read ({reason})")
    bom = "\ufeff" if raw.startswith("\ufeff") else ""
    plan = _plan(project, books, target, diffs, path, raw[len(bom) :].replace("\r\n", "\n"))
    if plan.action == "migrated":  # written back as it was saved: line ends and byte-order mark
        if "\r\n" in raw:
            plan.text = plan.text.replace("\r\n", "\n").replace("\n", "\r\n")
        plan.text = bom + plan.text
    return plan


def _plan(
    project: Project,
    books: Codebooks,
    target: Codebook,
    diffs: dict[str, Diff],
    path: str,
    text: str,
) -> FilePlan:
    """The plan for one file's `text` (its line ends made `\\n`)."""
    shown = project.display(Path(path))
    version = _version_of(text)
    if version == target.version:
        return FilePlan(shown, "skipped", f"already at {target.version}", version)
    try:
        old = books.get(version) if version else None
    except CodebookError:
        old = None
    if old is None:
        return FilePlan(
            shown,
            "refused",
            f"names codebook {version or '(none)'!r}, which cannot be loaded",
            version,
        )
    if version_key(old.version) > version_key(target.version):
        return FilePlan(
            shown,
            "refused",
            f"is at {old.version}, later than {target.version}; migration only moves forward",
            version,
        )
    if old.version not in diffs:
        diffs[old.version] = diff(old, target)
    return plan_file(shown, text, old, target, diffs[old.version])


def _inside(path: Path, folder: Path) -> bool:
    """Whether `path` (links followed) lies in `folder`: only the dataset's files migrate."""
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):
        return False


def _version_of(text: str) -> str:
    """The `codebook:` version of a file, read without parsing all of it."""
    for line in text.splitlines():
        if line.startswith("codebook:"):
            return line.split(":", 1)[1].split("#", 1)[0].strip().strip("'\"")
    return ""


__all__ = ["Migration", "migrate"]
