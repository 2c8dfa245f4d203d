"""`import_memos`: read, parse, build, render and write, one observation file per memo.

A memo with an error finding is refused and nothing is written for it; the others still
import. Files are written through a temporary file and a rename, so an existing observation
(replaced only with `force`) is never left half-written.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from cmr import _atomic, _yaml
from cmr.catalogue import finding
from cmr.codebook import Codebook, CodebookError, Codebooks
from cmr.errors import one_line
from cmr.findings import Result
from cmr.memo._build import Options, build_observation
from cmr.memo._footnotes import read_footnotes
from cmr.memo._parse import parse_memo
from cmr.memo._read import read_memo
from cmr.memo._render import render_observation
from cmr.project import Project
from cmr.schema import schema_path, validator


class OptionError(ValueError):
    """An option the codebook cannot honour; `option` names it as the command line spells it."""

    def __init__(self, option: str, message: str):
        super().__init__(message)
        self.option = option


@dataclass
class ImportRun:
    """Findings for every memo (`result.files` memos read) and the files written."""

    result: Result = field(default_factory=Result)
    written: list[Path] = field(default_factory=list)


def import_memos(
    paths: Iterable[str | Path],
    *,
    project: Project | None = None,
    out: str | Path | None = None,
    options: Options | None = None,
    footnotes: str | Path | None = None,
    force: bool = False,
) -> ImportRun:
    """Import each memo into `out` (default: the project's observations/) as
    `<ISO3>/<year>.yaml`, under the project's latest codebook.

    Raises `OptionError` when `options` name a confidence level the codebook does not have.
    """
    project = project or Project.find()
    options = options or Options()
    run = ImportRun()
    try:
        book = Codebooks(project.codebook_dir).latest
    except CodebookError as exc:
        run.result.extend(exc.findings)
        return run
    if options.confidence is not None and options.confidence not in book.confidence:
        raise OptionError(
            "--confidence",
            f"confidence {options.confidence!r} is not one of {', '.join(book.confidence)}",
        )
    _check_coded_on(options.coded_on, book.min_year)
    folder = Path(out) if out is not None else project.observations_dir
    _check_out(folder, project)
    if footnotes is not None:
        table, found = read_footnotes(Path(footnotes), project.display(Path(footnotes)))
        run.result.extend(found)
        if table is None:
            return run
        options = replace(options, footnotes=table)
    targets: dict[Path, str] = {}
    for path in map(Path, paths):
        run.result.files += 1
        target = _import_one(path, project, book, folder, options, force, targets, run)
        if target is not None:
            run.written.append(target)
    return run


def _check_coded_on(coded_on: dt.date | None, first_year: int) -> None:
    """`--coded-on` in the future, or before the end of the codebook's first year (so before
    any year a memo can code), would write a file `cmr check` refuses: a usage error."""
    if coded_on is None:
        return
    if coded_on > dt.date.today():
        raise OptionError("--coded-on", f"{coded_on.isoformat()} is in the future")
    if coded_on < dt.date(first_year, 12, 31):
        raise OptionError(
            "--coded-on",
            f"{coded_on.isoformat()} is before the end of {first_year}, the codebook's first "
            "year: a memo is coded after the year it describes",
        )


def _check_out(folder: Path, project: Project) -> None:
    """`--out` must be a folder (or not exist yet), and not the codebook folder or inside it."""
    shown = one_line(project.display(folder))
    if os.path.lexists(folder) and not folder.is_dir():
        raise OptionError("--out", f"{shown} is not a folder; give a folder to write into")
    codebooks = project.codebook_dir.resolve()
    where = folder.resolve()
    if where == codebooks or codebooks in where.parents:
        raise OptionError(
            "--out",
            f"{shown}: the codebook folder holds codebooks, not observations; "
            "write into observations/ or a folder of its own",
        )


def _import_one(
    path: Path,
    project: Project,
    book: Codebook,
    folder: Path,
    options: Options,
    force: bool,
    targets: dict[Path, str],
    run: ImportRun,
) -> Path | None:
    shown = project.display(path)
    text, found = read_memo(path, shown)
    run.result.extend(found)
    if text is None:
        return None
    memo = parse_memo(text, shown)
    data, found = build_observation(memo, book, shown, options)
    run.result.extend(found)
    if data is None:
        return None
    coded_on = options.coded_on
    if coded_on is not None and coded_on < dt.date(data["year"], 12, 31):
        raise OptionError(
            "--coded-on",
            f"{coded_on.isoformat()} is before the end of {data['year']}, the year {shown} codes",
        )
    target: Path = folder / data["iso3c"] / f"{data['year']}.yaml"

    def refuse(code: str, **params: Any) -> None:
        run.result.extend([finding(code, shown, memo.header_line, **params)])

    if target in targets:
        refuse(
            "memo-country-year-twice", iso3c=data["iso3c"], year=data["year"], other=targets[target]
        )
        return None
    targets[target] = shown
    if target.exists() and not force:
        refuse("memo-output-exists", target=project.display(target))
        return None
    problem = _write(target, data, project, book, force)
    if problem is not None:
        refuse(problem[0], target=project.display(target), reason=problem[1])
        return None
    return target


def _write(
    target: Path, data: dict[str, Any], project: Project, book: Codebook, force: bool
) -> tuple[str, str] | None:
    """Render and write atomically; the finding code and reason when it cannot be done."""
    schema = schema_path(project.codebook_dir, book.version)
    ref = Path(os.path.relpath(schema.resolve(), target.parent.resolve())).as_posix()
    rendered = render_observation(data, book, ref)
    _verify(rendered, data, book)
    try:
        _atomic.write_text(target, rendered, overwrite=force)
    except FileExistsError:
        return "memo-output-exists", "it exists"
    except OSError as exc:
        return "memo-output-unwritable", exc.strerror or str(exc)
    return None


def _verify(text: str, data: dict[str, Any], book: Codebook) -> None:
    """The rendered file must read back as `data` and match the schema: a fault otherwise."""
    back = _yaml.loads(text)
    if back != data:
        raise RuntimeError("rendered observation does not read back as written")
    errors = [e.message for e in validator(book).iter_errors(back)]
    if errors:
        raise RuntimeError(f"imported observation breaks the schema: {errors}")
