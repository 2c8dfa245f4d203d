"""The output folder of a site: where it may be, and whether cmr may replace what is in it."""

from __future__ import annotations

import os
from pathlib import Path

from cmr.errors import EnvironmentProblem, one_line
from cmr.export._manifest import stranger_findings
from cmr.findings import Finding
from cmr.project import Project
from cmr.site._owned import foreign


def refuse_bad_target(out: str | Path | None, project: Project, default: str) -> tuple[Path, str]:
    """(absolute target, as shown) for `--out`; `EnvironmentProblem` for an empty name, a
    file in the way, or a folder among the dataset's inputs."""
    if out is not None and not str(out).strip():
        raise EnvironmentProblem("--out is empty; give the output folder, e.g. --out site")
    target = Path(out) if out is not None else project.root / default
    shown = one_line(project.display(target))
    if target.is_symlink():  # write through the link: replace the folder it points to
        target = target.resolve()
    target = Path(os.path.abspath(target))
    if os.path.lexists(target) and not target.is_dir():
        raise EnvironmentProblem(f"--out {shown} is a file, not a folder; give a folder")
    above = _first_existing(target.parent)
    if not above.is_dir():
        raise EnvironmentProblem(
            f"--out {shown}: {one_line(project.display(above))} is a file, not a folder"
        )
    where = os.path.realpath(target)
    name = project.input_holding(target)
    if name is not None:
        raise EnvironmentProblem(
            f"--out {shown} is inside the {name} folder; write the site elsewhere"
        )
    root = os.path.realpath(project.root)
    if where == root:
        raise EnvironmentProblem(f"--out {shown} is the dataset folder; write the site elsewhere")
    if root.startswith(os.path.join(where, "")):
        raise EnvironmentProblem(
            f"--out {shown} holds the dataset folder; write the site into a folder of its own"
        )
    return target, shown


def _first_existing(path: Path) -> Path:
    """`path` or the nearest folder above it that exists (`/` at the latest)."""
    while not os.path.lexists(path) and path != path.parent:
        path = path.parent
    return path


def folder_findings(out: Path, shown: str) -> list[Finding]:
    """`site-folder-foreign` at the first thing in `out` that no cmr site build wrote."""
    return stranger_findings(out, shown, "site-folder-foreign", foreign)
