"""Country-year checks: every coding of one country-year, seen together.

`observations/<ISO3>/<year>.yaml` is the adjudicated (or only) coding of a country-year and the
one the panel takes; `observations/<ISO3>/<year>/<coder>.yaml` are independent codings. An
adjudicated file lists the coders it reconciles in `reconciles: [...]`. These checks run on the
summaries of all codings of the country-years concerned, so a one-file check reads the
country-year's other codings first (`cmr.checking`).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from cmr.layout import SUFFIXES
from cmr.registry import Check, register
from cmr.rules._base import Hit, Path_

if TYPE_CHECKING:
    from cmr.summary import Summary


class CountryYearCheck(ABC):
    """A built-in check over summaries; code, severity and message come from the catalogue."""

    check: ClassVar[Check]
    export_only: ClassVar[bool] = False
    """Run by `cmr export` only: it concerns what the panel takes, not the coding."""

    def hit(
        self,
        code: str,
        file: str,
        path: Path_ = (),
        *,
        related: tuple[str, ...] = (),
        **params: Any,
    ) -> Hit:
        from cmr.catalogue import KINDS

        kind = KINDS[code]
        return Hit(code, kind.severity, file, path, kind.message(**params), related)

    @abstractmethod
    def run(self, summaries: Sequence[Summary]) -> Iterator[Hit]:
        """The hits over the summaries of the country-years concerned."""


class Duplicates(CountryYearCheck):
    """A country-year coded twice by the same coder: one finding on each later file."""

    check = register("duplicates", "country-year", ("duplicate-observation",), __doc__ or "")

    def run(self, summaries: Sequence[Summary]) -> Iterator[Hit]:
        first: dict[tuple[str, int, str], str] = {}
        for s in summaries:
            key = (s.iso3c, s.year, s.coder)
            if key not in first:
                first[key] = s.path
                continue
            other = first[key]
            yield self.hit(
                "duplicate-observation",
                s.path,
                iso3c=s.iso3c,
                year=s.year,
                coder=s.coder,
                other=other,
                related=(other,),
            )


def _coding_exists(adjudicated: str, year: int, coder: str) -> bool:
    folder = Path(adjudicated).parent / str(year)
    try:
        return any((folder / f"{coder}{suffix}").is_file() for suffix in SUFFIXES)
    except (OSError, ValueError):  # a name no file can have (too long, a NUL): no coding
        return False


class ReconcilesMissing(CountryYearCheck):
    """Each coder an adjudicated file reconciles has an independent coding beside it."""

    check = register(
        "reconciles-missing", "country-year", ("reconciles-missing-coding",), __doc__ or ""
    )

    def run(self, summaries: Sequence[Summary]) -> Iterator[Hit]:
        for s in summaries:
            for i, coder in enumerate(s.reconciles):
                if s.independent or _coding_exists(s.path, s.year, coder):
                    continue
                expected = str(Path(s.path).parent / str(s.year) / f"{coder}.yaml")
                yield self.hit(
                    "reconciles-missing-coding",
                    s.path,
                    ("reconciles", i),
                    coder=coder,
                    expected=expected,
                )


class ReconcilesUnlisted(CountryYearCheck):
    """An independent coding that the adjudicated file's `reconciles` list leaves out.

    An adjudicated file without `reconciles` makes no claim and is not checked.
    """

    check = register(
        "reconciles-unlisted", "country-year", ("reconciles-unlisted-coding",), __doc__ or ""
    )

    def run(self, summaries: Sequence[Summary]) -> Iterator[Hit]:
        adjudicated = {(s.iso3c, s.year): s for s in summaries if not s.independent}
        for s in summaries:
            final = adjudicated.get((s.iso3c, s.year))
            if (
                s.independent
                and final is not None
                and final.reconciles
                and s.coder not in final.reconciles
            ):
                yield self.hit(
                    "reconciles-unlisted-coding",
                    final.path,
                    ("reconciles",),
                    related=(s.path,),
                    coder=s.coder,
                    coding=s.path,
                )


class PanelChoice(CountryYearCheck):
    """The panel takes one observation per country-year, the adjudicated file: two of them for
    one country-year is an error."""

    check = register(
        "panel-choice", "country-year", ("panel-duplicate-country-year",), __doc__ or ""
    )

    def run(self, summaries: Sequence[Summary]) -> Iterator[Hit]:
        chosen: dict[tuple[str, int], str] = {}
        for s in sorted(summaries, key=lambda s: s.path):
            key = (s.iso3c, s.year)
            if s.independent:
                continue
            if key in chosen:
                other = chosen[key]
                yield self.hit(
                    "panel-duplicate-country-year",
                    s.path,
                    iso3c=s.iso3c,
                    year=s.year,
                    other=other,
                    related=(other,),
                )
            else:
                chosen[key] = s.path


class PanelAdjudicated(CountryYearCheck):
    """A country-year with only independent codings is left out of the panel, with a warning,
    until an adjudicated file codes it (run by `cmr export`)."""

    check = register("panel-adjudicated", "country-year", ("panel-not-adjudicated",), __doc__ or "")
    export_only = True

    def run(self, summaries: Sequence[Summary]) -> Iterator[Hit]:
        adjudicated = {(s.iso3c, s.year) for s in summaries if not s.independent}
        independent: dict[tuple[str, int], list[Summary]] = defaultdict(list)
        for s in sorted(summaries, key=lambda s: s.path):
            if s.independent and (s.iso3c, s.year) not in adjudicated:
                independent[(s.iso3c, s.year)].append(s)
        for key, codings in sorted(independent.items()):
            coders = ", ".join(s.coder for s in codings)
            yield self.hit(
                "panel-not-adjudicated", codings[0].path, iso3c=key[0], year=key[1], coders=coders
            )


BUILTIN: tuple[type[CountryYearCheck], ...] = (
    Duplicates,
    ReconcilesMissing,
    ReconcilesUnlisted,
    PanelChoice,
    PanelAdjudicated,
)
