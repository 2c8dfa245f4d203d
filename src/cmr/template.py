"""`cmr new`: a blank observation file holding every question of the codebook."""

from __future__ import annotations

import datetime as dt
import os
import re
from contextlib import suppress
from pathlib import Path
from typing import Any

from cmr import _atomic, countries
from cmr.codebook import Codebook, Codebooks
from cmr.errors import one_line
from cmr.project import Project
from cmr.schema import CODER_MAX, CODER_PATTERN, schema_path

CODER_MAX_CHARS = CODER_MAX  # the observation schema's `coder` maxLength
ECHO_CHARS = 40  # how much of a refused argument a message repeats


class TemplateError(Exception):
    """A request `cmr new` cannot satisfy (unknown country, file exists).

    `param` names the command-line argument at fault (`country`, `year`, `coder`) when the
    request itself is wrong, a usage error (`codebook` when there is no codebook to write
    from); it is None when the dataset is the obstacle.
    """

    def __init__(self, message: str, param: str | None = None):
        super().__init__(message)
        self.param = param


def _comment(text: str, indent: str) -> list[str]:
    return [f"{indent}# {line}".rstrip() for line in text.splitlines()]


def render(
    book: Codebook,
    country: countries.Country,
    year: int,
    coder: str,
    schema_ref: str,
    today: dt.date,
    example_key: str = "author2020",
) -> str:
    """The template's text: header fields filled in, how to fill in an answer (with one
    citation as an example), then one empty answer per question with its allowed values."""
    in_force = _cown(country, year)
    cown = "null" if in_force is None else str(in_force)
    lines = [
        f"# yaml-language-server: $schema={schema_ref}",
        f"codebook: {book.version}",
        f"country: {country.name}",
        f"iso3c: {country.iso3c}",
        f"cown: {cown}",
        f"year: {year}",
        f"coder: {coder}",
        f"coded_on: {today.isoformat()}",
        f"# as_of: {year}-12-31    # optional: the moment described, when not the year's end",
        "# memo: 0               # optional: legacy memo number",
        "# context: ''           # optional: e.g. the conflict",
        "status: draft           # work in progress: delete this line when every answer is done",
        *_how_to_answer(book, example_key),
        "answers:",
    ]
    for q in book.questions:
        lines += _comment(f"{q.id} {q.text}", "  ")
        lines += _comment(f"answer: {' | '.join(q.scale.codes)}", "  ")
        if q.window is not None:
            lines += _comment(f"window: {q.window.label}", "  ")
        lines += [
            f"  {q.variable}:",
            "    answer:",
            "    confidence:",
            "    evidence: ''",
            "    citations: []",
        ]
    return "\n".join(lines) + "\n"


def _how_to_answer(book: Codebook, key: str) -> list[str]:
    """A comment showing one filled-in answer: the fields, their allowed values, a citation."""
    q = book.questions[0]
    return _comment(
        "Fill in each answer like this (every question must be answered before the file\n"
        "is final; a blank answer is reported once, as answer-missing):\n"
        f"  {q.variable}:\n"
        f"    answer: {q.scale.codes[0]}            # one of the codes listed above the question\n"
        f"    confidence: {list(book.confidence)[-1]}    # {' | '.join(book.confidence)}\n"
        "    evidence: >-\n"
        "      What the sources say, in your own words, with names and dates.\n"
        "    citations:\n"
        f"      - key: {key}      # a key of the bibliography (references.bib)\n"
        '        pages: "45-47"      # pages, or the section cited',
        "",
    )


def new_observation(
    project: Project,
    country_name: str,
    year: int,
    coder: str,
    *,
    independent: bool = False,
    from_previous: bool = False,
    today: dt.date | None = None,
) -> Path:
    """Write a template for COUNTRY-YEAR and return its path; never overwrites a file.

    With `independent`, the file is `observations/<ISO3>/<year>/<coder>.yaml`, one coder's
    independent coding for inter-coder agreement. A refused request writes nothing, not even
    a folder.
    """
    _check_coder(coder)
    if independent and from_previous:
        raise TemplateError(
            "an independent coding starts blank: carrying the adjudicated answers forward "
            "would make coders agree by construction; leave out --from-previous",
            "from_previous",
        )
    country = _country(country_name)
    books = Codebooks(project.codebook_dir)
    if not books.versions:
        raise TemplateError(
            f"no codebook found in {shown(project.display(project.codebook_dir))}; "
            "add one (<version>.yaml) or run cmr new in the dataset folder",
            "codebook",
        )
    book = books.latest
    high = book.max_year or (today or dt.date.today()).year
    if not book.min_year <= year <= high:
        raise TemplateError(
            f"year {year} is outside {book.min_year}..{high}, the years codebook "
            f"{book.version} covers",
            "year",
        )
    folder = project.observations_dir / country.iso3c
    target = folder / str(year) / f"{coder}.yaml" if independent else folder / f"{year}.yaml"
    if target.exists():
        raise TemplateError(f"{project.display(target)} already exists; not overwriting it")
    schema = schema_path(project.codebook_dir, book.version)
    ref = Path(os.path.relpath(schema, target.parent)).as_posix()
    day = today or dt.date.today()
    if from_previous:
        text = _carried(project, books, book, country, year, coder, ref, day)
    else:
        text = render(book, country, year, coder, ref, day, _example_key(project))
    _write(project, target, text)
    return target


def _carried(
    project: Project,
    books: Codebooks,
    book: Codebook,
    country: countries.Country,
    year: int,
    coder: str,
    ref: str,
    today: dt.date,
) -> str:
    """A draft holding the previous year's answers, each marked as carried forward."""
    from cmr import carry
    from cmr.memo import render_observation

    folder = project.observations_dir / country.iso3c
    found = carry.previous_year(folder, year)
    if found is None:
        raise TemplateError(
            f"no earlier year of {country.name} to carry forward from in "
            f"{project.display(folder)}; start from a blank template (without --from-previous)",
            "from_previous",
        )
    previous = carry.read_previous(found, books, project.display(found))
    data: dict[str, Any] = {
        **_header(book, country, year, coder, today),
        "status": "draft",
        **carry.carried_header(previous),
        "answers": carry.carried_answers(book, previous, year),
    }
    return render_observation(data, book, ref)


def _header(
    book: Codebook, country: countries.Country, year: int, coder: str, today: dt.date
) -> dict[str, Any]:
    return {
        "codebook": book.version,
        "country": country.name,
        "iso3c": country.iso3c,
        "cown": _cown(country, year),
        "year": year,
        "coder": coder,
        "coded_on": today.isoformat(),
    }


def _cown(country: countries.Country, year: int) -> int | None:
    """The COW code in force at the end of `year` (West Germany's 260 in 1980)."""
    return countries.codes(country.iso3c, dt.date(year, 12, 31)).cown


def _example_key(project: Project) -> str:
    """A key of the project's bibliography for the template's example citation."""
    from cmr.bibliography import load_bibliography

    keys = sorted(load_bibliography(project.bibliography).keys)
    return keys[0] if keys else "author2020"


def shown(text: str, limit: int = ECHO_CHARS) -> str:
    """`text` as a message may echo it: quoted, on one line, cut to `limit` characters."""
    cut = text if len(text) <= limit else text[:limit] + "…"
    return f"'{one_line(cut)}'"


def _check_coder(coder: str) -> None:
    """A coder name names a file: a short name of letters, digits, `_`, `.` and `-`."""
    if len(coder) > CODER_MAX_CHARS or not re.fullmatch(CODER_PATTERN, coder):
        raise TemplateError(
            f"coder {shown(coder)} must be at most {CODER_MAX_CHARS} letters, digits, '_', '.' "
            "and '-', starting with a letter or digit (it names a file)",
            "coder",
        )


def _country(name: str) -> countries.Country:
    country = countries.resolve(name) if len(name) <= countries.MAX_NAME_CHARS else None
    if country is None:
        close = countries.suggest(name) if len(name) <= countries.MAX_NAME_CHARS else None
        hint = f" (did you mean {shown(close.name)}, {close.iso3c}?)" if close else ""
        raise TemplateError(
            f"{shown(name)} is not recognised as a country: give an English name or an ISO3 "
            f"code{hint}",
            "country",
        )
    return country


def _write(project: Project, target: Path, text: str) -> None:
    """Write `text` to `target`, never over a file; on failure remove the folders made for it
    and name `target`, not the temporary file beside it."""
    made = [p for p in (target.parent, target.parent.parent) if not os.path.lexists(p)]
    try:
        _atomic.write_text(target, text)
    except FileExistsError:
        _remove_empty(made)
        if not target.is_file():  # a file where a folder should be: the entry point says so
            raise
        raise TemplateError(
            f"{project.display(target)} already exists; not overwriting it"
        ) from None
    except OSError as exc:
        _remove_empty(made)
        raise OSError(exc.errno, exc.strerror, str(target)) from None


def _remove_empty(folders: list[Path]) -> None:
    """Remove each of `folders` (innermost first) that is still empty."""
    for folder in folders:
        with suppress(OSError):
            folder.rmdir()
