"""Write an imported observation so that what is written passes `cmr check`, or says it
does not.

The file is first written as a draft (`status: draft`), never over an existing file, and
checked where it stands, in its dataset (`cmr.checking.check` on the one file, which reads
its country's other years and codings, and the bibliography). Only when that check finds no
error is it rewritten without `status` and checked again; a final file the check would fail is
put back as the draft. An interrupt at any moment leaves either no file, a draft, or a final
file that passed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cmr import _atomic, _yaml
from cmr.checking import check
from cmr.codebook import Codebook
from cmr.findings import Finding
from cmr.memo._render import render_observation
from cmr.project import Project
from cmr.schema import schema_path, validator


@dataclass(frozen=True)
class Written:
    """What the check of the written file found, and whether the file is a draft."""

    draft: bool
    findings: list[Finding]

    @property
    def errors(self) -> int:
        return sum(1 for f in set(self.findings) if f.severity == "error")


def schema_ref(target: Path, codebook_dir: Path, version: str) -> str:
    """The `$schema` path as the written file's folder reaches the version's schema."""
    schema = os.path.realpath(schema_path(codebook_dir, version))
    return Path(os.path.relpath(schema, os.path.realpath(target.parent))).as_posix()


def write_checked(target: Path, data: dict[str, Any], project: Project, book: Codebook) -> Written:
    """Write `data` at `target` (which must not exist) as checked above; raises OSError
    (FileExistsError when someone else wrote `target` first)."""
    ref = schema_ref(target, project.codebook_dir, book.version)
    draft = _as_draft(data)
    _atomic.write_text(target, _render(draft, book, ref), overwrite=False)
    found = _check(target, project)
    if _errors(found):
        return Written(True, found)
    _atomic.write_text(target, _render(data, book, ref), overwrite=True)
    final = _check(target, project)
    if not _errors(final):
        return Written(False, final)
    _atomic.write_text(target, _render(draft, book, ref), overwrite=True)
    return Written(True, _check(target, project))


def _as_draft(data: dict[str, Any]) -> dict[str, Any]:
    """`data` with `status: draft` after the header fields `cmr new` writes first."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key in ("memo", "context", "notes", "answers") and "status" not in out:
            out["status"] = "draft"
        out[key] = value
    return out


def _check(target: Path, project: Project) -> list[Finding]:
    return check([target], project=project, cache=False).result.findings


def _errors(findings: list[Finding]) -> bool:
    return any(f.severity == "error" for f in findings)


def _render(data: dict[str, Any], book: Codebook, ref: str) -> str:
    """The file's text, which must read back as `data` and match the schema (a fault
    otherwise)."""
    text = render_observation(data, book, ref)
    back = _yaml.loads(text)
    if back != data:
        raise RuntimeError("rendered observation does not read back as written")
    errors = [e.message for e in validator(book).iter_errors(back)]
    if errors:
        raise RuntimeError(f"imported observation breaks the schema: {errors}")
    return text
