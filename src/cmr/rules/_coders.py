"""Inter-coder layout: adjudicated files and the independent codings they reconcile.

`observations/<ISO3>/<year>.yaml` is the adjudicated (or only) coding of a country-year;
`observations/<ISO3>/<year>/<coder>.yaml` are independent codings. An adjudicated file lists
the coders it reconciles in `reconciles: [...]`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from cmr.layout import SUFFIXES
from cmr.rules._base import Hit, Rule

if TYPE_CHECKING:
    from cmr.summary import Summary


def _coding_exists(adjudicated: str, year: int, coder: str) -> bool:
    folder = Path(adjudicated).parent / str(year)
    return any((folder / f"{coder}{suffix}").is_file() for suffix in SUFFIXES)


class _CodersRule(Rule):
    """Built-in coders-scope rules: code and message come from the catalogue."""

    scope: ClassVar[str] = "coders"

    def __init__(self) -> None:
        from cmr.catalogue import KINDS

        kind = KINDS[self.code]
        self.severity, self.title, self.template = kind.severity, kind.title, kind.template

    def check_all(self, summaries: Sequence[Summary]) -> Iterator[Hit]:
        raise NotImplementedError  # pragma: no cover - abstract


class ReconcilesMissing(_CodersRule):
    """Each coder an adjudicated file reconciles has a coding beside it."""

    code = "reconciles-missing-coding"

    def check_all(self, summaries: Sequence[Summary]) -> Iterator[Hit]:
        for s in summaries:
            for i, coder in enumerate(s.reconciles):
                if s.independent or _coding_exists(s.path, s.year, coder):
                    continue
                yield self.hit(
                    s.path,
                    ("reconciles", i),
                    coder=coder,
                    expected=str(Path(s.path).parent / str(s.year) / f"{coder}.yaml"),
                )


class ReconcilesUnlisted(_CodersRule):
    """An independent coding that the adjudicated file's `reconciles` list leaves out.

    An adjudicated file without `reconciles` makes no claim and is not checked.
    """

    code = "reconciles-unlisted-coding"

    def check_all(self, summaries: Sequence[Summary]) -> Iterator[Hit]:
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
                    final.path, ("reconciles",), related=(s.path,), coder=s.coder, coding=s.path
                )


BUILTIN: tuple[type[_CodersRule], ...] = (ReconcilesMissing, ReconcilesUnlisted)
