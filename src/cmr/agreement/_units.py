"""Independent codings grouped into country-years, and which of their answers may be compared.

A country-year counts for agreement when at least two coders coded it, each once. A coder with
two codings of one country-year (`alice.yaml` and `alice.yml`) is left out of it: which one is
the coder's answer cannot be told. A question is compared between the codings whose codebook
versions ask it on the same scale as the newest version among them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from cmr import _yaml
from cmr.catalogue import finding
from cmr.codebook import Codebook, Question
from cmr.findings import Finding
from cmr.observation import Observation


def version_key(book: Codebook) -> tuple[int, ...]:
    return tuple(int(p) for p in book.version.split("."))


def _values(question: Question) -> tuple[str, ...]:
    return tuple(v.code for v in question.scale.values)


@dataclass(frozen=True)
class Unit:
    """A country-year coded independently by two coders or more, one coding each."""

    iso3c: str
    year: int
    codings: tuple[Observation, ...]

    @cached_property
    def _newest_first(self) -> list[Codebook]:
        books = {o.codebook.version: o.codebook for o in self.codings}
        return sorted(books.values(), key=version_key, reverse=True)

    def reference(self, variable: str) -> Question | None:
        """The question as the newest version among the codings asks it."""
        return next(
            (b.by_variable[variable] for b in self._newest_first if variable in b.by_variable),
            None,
        )

    def comparable(self, obs: Observation, variable: str) -> Question | None:
        """`obs`'s own question for `variable` when it is asked like the reference."""
        own = obs.codebook.by_variable.get(variable)
        ref = self.reference(variable)
        return own if own is not None and ref is not None and _values(own) == _values(ref) else None


def _asked_differently(book: Codebook, newest: Codebook) -> list[str]:
    """Variables one version asks and the other does not, or asks on another scale."""
    variables = dict.fromkeys([*newest.variables, *book.variables])
    return [
        v
        for v in variables
        if v not in book.by_variable
        or v not in newest.by_variable
        or _values(book.by_variable[v]) != _values(newest.by_variable[v])
    ]


def group(observations: Iterable[Observation]) -> tuple[list[Unit], list[Finding]]:
    """The country-years coded by two coders or more, and findings on the codings left out."""
    by_year: dict[tuple[str, int], dict[str, list[Observation]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for obs in sorted(observations, key=lambda o: o.path):
        by_year[(obs.iso3c, obs.year)][obs.coder].append(obs)
    units, findings = [], []
    for (iso3c, year), coders in sorted(by_year.items()):
        kept = [files[0] for _, files in sorted(coders.items()) if len(files) == 1]
        for coder, files in coders.items():
            findings += _twice(coder, iso3c, year, files) if len(files) > 1 else []
        if len(coders) == 1 and kept:
            findings.append(
                finding(
                    "agreement-single-coding",
                    kept[0].path,
                    coder=kept[0].coder,
                    iso3c=iso3c,
                    year=year,
                )
            )
        if len(kept) >= 2:
            unit = Unit(iso3c, year, tuple(kept))
            units.append(unit)
            findings += _differs(unit)
    return units, findings


def _twice(coder: str, iso3c: str, year: int, files: Sequence[Observation]) -> list[Finding]:
    out = []
    for obs in files:
        others = tuple(o.path for o in files if o is not obs)
        out.append(
            finding(
                "agreement-coded-twice",
                obs.path,
                coder=coder,
                iso3c=iso3c,
                year=year,
                other=", ".join(others),
                related=others,
            )
        )
    return out


def _differs(unit: Unit) -> list[Finding]:
    out = []
    top = max((o.codebook for o in unit.codings), key=version_key)
    for obs in unit.codings:
        variables = _asked_differently(obs.codebook, top)
        if obs.codebook.version == top.version or not variables:
            continue
        line, column = _where(obs.path, "codebook")
        out.append(
            finding(
                "agreement-codebook-differs",
                obs.path,
                line,
                column,
                pointer="codebook",
                version=obs.codebook.version,
                newest=top.version,
                iso3c=unit.iso3c,
                year=unit.year,
                variables=", ".join(variables),
            )
        )
    return out


def _where(path: str, key: str) -> tuple[int, int]:
    """The line and column of a top-level key, read again from the file (rare findings only)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return 1, 1
    locator = _yaml.Locator.try_compose(text)
    if locator is None:
        return 1, 1
    pos = locator.position((key,), key=True)
    return pos.line, pos.column
