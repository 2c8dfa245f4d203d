"""`import_memos`: read, parse, build and write, one observation file per memo.

A memo with an error finding is refused and nothing is written for it; the others still
import. An existing observation is never replaced (`cmr.memo._target`); what is written is
checked in its dataset and written as a draft when the check fails (`cmr.memo._write`). The
`--footnotes` CSV's keys must be bibliography entries, and the `--cite-memo` entry is appended
to the bibliography when it is missing (`cmr.memo._bibentry`).
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from cmr.bibliography import Bibliography, load_bibliography
from cmr.catalogue import finding
from cmr.codebook import Codebook, CodebookError, Codebooks
from cmr.errors import one_line
from cmr.findings import Finding, Result
from cmr.memo._bibentry import append_entry, memo_entry, valid_key
from cmr.memo._build import Options
from cmr.memo._footnotes import FootnoteMap, read_footnotes
from cmr.memo._parse import Memo, parse_memo
from cmr.memo._read import read_memo
from cmr.memo._target import choose_target
from cmr.memo._version import build_under
from cmr.memo._write import write_checked
from cmr.project import Project


class OptionError(ValueError):
    """An option the codebook cannot honour; `option` names it as the command line spells it."""

    def __init__(self, option: str, message: str):
        super().__init__(message)
        self.option = option


@dataclass
class ImportRun:
    """Findings for every memo (`result.files` memos read), the files written (`drafts`:
    those written as drafts) and the keys appended to the bibliography."""

    result: Result = field(default_factory=Result)
    written: list[Path] = field(default_factory=list)
    drafts: list[Path] = field(default_factory=list)
    added: list[str] = field(default_factory=list)


@dataclass
class _Call:
    """What every memo of one call shares."""

    project: Project
    books: list[Codebook]
    folder: Path
    options: Options
    bib: Bibliography
    run: ImportRun
    seen: dict[tuple[str, int], str] = field(default_factory=dict)


def import_memos(
    paths: Iterable[str | Path],
    *,
    project: Project | None = None,
    out: str | Path | None = None,
    options: Options | None = None,
    footnotes: str | Path | None = None,
    codebook: str | None = None,
) -> ImportRun:
    """Import each memo into `out` (default: the project's observations/) as
    `<ISO3>/<year>.yaml`, or `<ISO3>/<year>/<coder>.yaml` when the country-year is coded
    already, under the project's latest codebook (see `cmr.memo._version`) or the version
    `codebook` names.

    Raises `OptionError` when `codebook` names no version, when `options` name a confidence
    level the codebook does not have, a `--cite-memo` key BibTeX cannot read, or an
    impossible coding date.
    """
    project = project or Project.find()
    options = options or Options()
    run = ImportRun()
    try:
        books = _books(Codebooks(project.codebook_dir), codebook)
    except CodebookError as exc:
        run.result.extend(exc.findings)
        return run
    _check_options(options, books[0])
    folder = Path(out) if out is not None else project.observations_dir
    _check_out(folder, project)
    bib = load_bibliography(project.bibliography, root=project.root)
    if footnotes is not None:
        table, found = read_footnotes(Path(footnotes), project.display(Path(footnotes)))
        found += _unknown_keys(table, bib, project) if table is not None else []
        run.result.extend(found)
        if table is None or any(f.severity == "error" for f in found):
            return run
        options = replace(options, footnotes=table)
    call = _Call(project, books, folder, options, bib, run)
    for path in map(Path, paths):
        run.result.files += 1
        _import_one(path, call)
    return run


def _books(books: Codebooks, version: str | None) -> list[Codebook]:
    """The codebook named, or every version that loads, newest first."""
    if version is not None:
        book = books.get(version) if version in books.versions else None
        if book is None:
            known = ", ".join(books.versions) or "none"
            raise OptionError("--codebook", f"no codebook version {version!r} (found: {known})")
        return [book]
    found = [books.latest]
    for older in reversed(books.versions):
        try:
            book = books.get(older)
        except CodebookError:
            continue
        if book is not None and book.version != found[0].version:
            found.append(book)
    return found


def _check_options(options: Options, book: Codebook) -> None:
    if options.confidence is not None and options.confidence not in book.confidence:
        raise OptionError(
            "--confidence",
            f"confidence {options.confidence!r} is not one of {', '.join(book.confidence)}",
        )
    if options.cite_memo is not None and not valid_key(options.cite_memo.replace("{memo}", "1")):
        raise OptionError(
            "--cite-memo",
            f"{one_line(options.cite_memo)!r} is not a BibTeX key: use letters, digits and "
            "_:.+/- (and {memo} for the memo number)",
        )
    _check_coded_on(options.coded_on, book.min_year)


def _unknown_keys(table: FootnoteMap, bib: Bibliography, project: Project) -> list[Finding]:
    """`memo-footnote-key-unknown` for each CSV row whose key is not a bibliography entry."""
    shown = project.display(project.bibliography)
    keys = sorted(bib.keys)
    out = []
    for (_memo, number), ref in table.rows.items():
        if ref.key not in bib.keys:
            close = difflib.get_close_matches(ref.key, keys, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            params = {"footnote": number, "key": ref.key, "bibliography": shown, "hint": hint}
            out.append(
                finding("memo-footnote-key-unknown", table.shown, ref.line, ref.column, **params)
            )
    return out


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


def _import_one(path: Path, call: _Call) -> None:
    project, run = call.project, call.run
    shown = project.display(path)
    text, found = read_memo(path, shown)
    run.result.extend(found)
    if text is None:
        return
    memo = parse_memo(text, shown)
    book, data, found = build_under(memo, call.books, shown, call.options)
    run.result.extend(found)
    if data is None:
        return
    coded_on = call.options.coded_on
    if coded_on is not None and coded_on < dt.date(data["year"], 12, 31):
        raise OptionError(
            "--coded-on",
            f"{coded_on.isoformat()} is before the end of {data['year']}, the year {shown} codes",
        )

    def refuse(code: str, **params: Any) -> None:
        run.result.extend([finding(code, shown, memo.header_line, **params)])

    iso3c, year, coder = data["iso3c"], data["year"], data["coder"]
    if (iso3c, year) in call.seen:
        refuse("memo-country-year-twice", iso3c=iso3c, year=year, other=call.seen[(iso3c, year)])
        return
    call.seen[(iso3c, year)] = shown
    target = choose_target(call.folder, iso3c, year, coder)
    if target.taken is not None:
        where = project.display(target.taken)
        refuse("memo-output-exists", target=where, coder=coder, iso3c=iso3c, year=year)
        return
    _add_memo_entry(memo, data, shown, call)
    try:
        written = write_checked(target.path, data, project, book)
    except OSError as exc:
        reason = "it exists" if isinstance(exc, FileExistsError) else exc.strerror or str(exc)
        refuse("memo-output-unwritable", target=project.display(target.path), reason=reason)
        return
    run.written.append(target.path)
    run.result.extend(written.findings)
    if written.draft:
        run.drafts.append(target.path)
        refuse("memo-written-as-draft", target=project.display(target.path), errors=written.errors)


def _add_memo_entry(memo: Memo, data: dict[str, Any], shown: str, call: _Call) -> None:
    """Append the `--cite-memo` entry when the observation cites it and the bibliography
    lacks it; a bibliography that does not parse is left alone (a warning says so)."""
    if call.options.cite_memo is None:
        return
    key = call.options.cite_memo.replace("{memo}", str(memo.number or ""))
    cited = any(
        c.get("key") == key for e in data["answers"].values() for c in e.get("citations", [])
    )
    if not cited or key in call.bib.keys or key in call.run.added:
        return
    bib_shown = call.project.display(call.project.bibliography)
    if any(f.severity == "error" for f in call.bib.findings):
        reason = "it has entries that cannot be read; fix them first (`cmr refs`)"
        call.run.result.extend(
            [finding("memo-entry-not-added", shown, key=key, bibliography=bib_shown, reason=reason)]
        )
        return
    name = shown.replace("\\", "/").rsplit("/", 1)[-1]
    try:
        append_entry(call.project.bibliography, memo_entry(key, memo.number, memo.context, name))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        call.run.result.extend(
            [finding("memo-entry-not-added", shown, key=key, bibliography=bib_shown, reason=reason)]
        )
        return
    call.run.added.append(key)
