"""Consistency rules: registered objects that check answers against each other.

Each rule declares a code, a severity and a scope and yields findings:

* file: one observation (`implication`, `evidence`, `window`, `contradiction`), run in the
  worker process that reads the file;
* country: one country's adjudicated observations in year order (`series`);
* country-year: every coding of one country-year (built in: duplicates, reconciled codings,
  the panel's choice), see `cmr.registry`.

Rule kinds are classes registered by name; a codebook's `rules` section instantiates them with
codes, severities, messages and data (answers, phrases), so that a rule a codebook can express
lives in the codebook, not in code.

>>> from cmr.codebook import Codebooks               # doctest: +SKIP
>>> from cmr.settings import Settings                # doctest: +SKIP
>>> build(Codebooks("codebook").latest, Settings()).observation[0]  # doctest: +SKIP
<Implication coup-regime-without-coup-history (observation, error)>
"""

from __future__ import annotations

from typing import Any

from cmr.layout import Layout, is_independent, layout
from cmr.rules import _contradiction, _evidence, _implication, _series, _window
from cmr.rules._base import REGISTRY, Hit, Rule, register
from cmr.rules._country_year import BUILTIN, CountryYearCheck
from cmr.rules._engine import RuleSet, RuleSets, build, check_collection, check_observation
from cmr.rules._validate import problems

__all__ = [
    "BUILTIN",
    "REGISTRY",
    "CountryYearCheck",
    "Hit",
    "Layout",
    "Rule",
    "RuleSet",
    "RuleSets",
    "build",
    "check_collection",
    "check_observation",
    "codebook_codes",
    "is_independent",
    "layout",
    "problems",
    "register",
]

_KINDS = (_contradiction, _evidence, _implication, _series, _window)  # registered on import


def codebook_codes(rules: list[dict[str, Any]]) -> list[str]:
    """The finding codes a codebook's `rules` section defines."""
    return [str(r.get("code")) for r in rules]
