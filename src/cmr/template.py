"""`cmr new`: a blank observation file holding every question of the codebook."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from cmr import _atomic, countries
from cmr.codebook import Codebook
from cmr.project import Project
from cmr.schema import CODER_PATTERN, schema_path


class TemplateError(Exception):
    """A request `cmr new` cannot satisfy (unknown country, file exists).

    `param` names the command-line argument at fault (`country`, `year`, `coder`) when the
    request itself is wrong, a usage error; it is None when the dataset is the obstacle.
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
) -> str:
    """The template's text: header fields filled in, one empty answer per question."""
    cown = "null" if country.cown is None else str(country.cown)
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


def new_observation(
    project: Project,
    country_name: str,
    year: int,
    coder: str,
    *,
    independent: bool = False,
    today: dt.date | None = None,
) -> Path:
    """Write a template for COUNTRY-YEAR and return its path; never overwrites a file.

    With `independent`, the file is `observations/<ISO3>/<year>/<coder>.yaml`, one coder's
    independent coding for inter-coder agreement.
    """
    if not re.fullmatch(CODER_PATTERN, coder):
        raise TemplateError(
            f"coder {coder!r} must be letters, digits, '_', '.' and '-', "
            "starting with a letter or digit (it names a file)",
            "coder",
        )
    country = countries.resolve(country_name)
    if country is None:
        close = countries.suggest(country_name)
        hint = f" (did you mean {close.name!r}, {close.iso3c}?)" if close else ""
        raise TemplateError(
            f"{country_name!r} is not recognised as a country: give an English name or an ISO3 "
            f"code{hint}",
            "country",
        )
    from cmr.codebook import Codebooks

    book = Codebooks(project.codebook_dir).latest
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
    text = render(book, country, year, coder, ref, today or dt.date.today())
    try:
        _atomic.write_text(target, text)
    except FileExistsError:
        if not target.is_file():  # a file where a folder should be: the entry point says so
            raise
        raise TemplateError(
            f"{project.display(target)} already exists; not overwriting it"
        ) from None
    return target
