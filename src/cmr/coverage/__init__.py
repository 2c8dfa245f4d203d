"""The case universe and `cmr coverage`: which country-years a dataset means to code, and
which of them are coded.

The universe is declared in the dataset's settings (`[universe]`: a state system, its
membership file, years, filters; `Universe`, `declared`); `coverage_report` reads the
membership file (`cmr.external`), places every observation in it (`Placer`: a state that was
not a member in its year is an error, a partial year a warning) and counts each case as
final, draft, independent, unreadable or missing, per country and overall.

>>> report = coverage_report()                   # doctest: +SKIP
>>> report.totals()                              # doctest: +SKIP
{'cases': 2, 'final': 2, 'draft': 0, 'independent': 0, 'unreadable': 0, 'missing': 0, ...}
"""

from __future__ import annotations

from cmr.coverage._build import coverage_report
from cmr.coverage._declared import declared
from cmr.coverage._matrix import matrix
from cmr.coverage._place import Placer
from cmr.coverage._render import RENDERERS
from cmr.coverage._report import Case, CoverageReport, Outside
from cmr.coverage._universe import Universe
from cmr.coverage._verdicts import Placement

__all__ = [
    "RENDERERS",
    "Case",
    "CoverageReport",
    "Outside",
    "Placement",
    "Placer",
    "Universe",
    "coverage_report",
    "declared",
    "matrix",
]
