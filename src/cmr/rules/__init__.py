"""Consistency rules: registered objects that check answers against each other.

Each rule declares a code, a severity and a scope and yields findings:

* file: one observation (`implication`, `evidence`, `window`, `contradiction`, `event`), run
  in the worker process that reads the file;
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

import re
import string
from typing import TYPE_CHECKING, Any

from cmr.catalogue import finding
from cmr.layout import Layout, is_independent, layout
from cmr.rule_refs import problems
from cmr.rules import (
    _contradiction,
    _events,
    _evidence,
    _facts,
    _implication,
    _series,
    _window,
)
from cmr.rules._base import REGISTRY, Hit, Rule, register
from cmr.rules._country_year import BUILTIN, CountryYearCheck
from cmr.rules._engine import RuleSet, RuleSets, build, check_collection, check_observation
from cmr.rules._events import summary_events as dated_events
from cmr.rules._sources import source_findings

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
    "dated_events",
    "is_independent",
    "layout",
    "meta_schema_defs",
    "problems",
    "register",
    "source_findings",
    "template_findings",
]

if TYPE_CHECKING:
    from cmr.codebook import Codebook
    from cmr.findings import Finding

_KINDS = (
    _contradiction,
    _events,
    _evidence,
    _implication,
    _series,
    _window,
)  # registered on import
_CHECKS = (_facts,)  # file checks of units and events: registered on import


def meta_schema_defs() -> dict[str, Any]:
    """The `$defs` of the codebook meta-schema that describe `rules`: one per registered kind
    (its own `params_schema`) and `rule`, which dispatches on `kind`."""
    kinds = sorted(REGISTRY)
    defs: dict[str, Any] = {f"rule_{k}": REGISTRY[k].params_schema() for k in kinds}
    defs["rule"] = {
        "type": "object",
        "required": ["code", "kind", "severity"],
        "properties": {"kind": {"enum": kinds}},
        "allOf": [
            {
                "if": {"properties": {"kind": {"const": k}}, "required": ["kind"]},
                "then": {"$ref": f"#/$defs/rule_{k}"},
            }
            for k in kinds
        ],
    }
    return defs


def template_findings(book: Codebook) -> list[Finding]:
    """Rule messages naming a placeholder their kind never fills (`{bogus}`), located."""
    out = []
    for i, spec in enumerate(book.rules):
        kind = REGISTRY.get(str(spec.get("kind")))
        if kind is None:
            continue
        allowed = set(re.findall(r"\{(\w+)\}", kind.placeholders))
        try:
            message = str(spec.get("message", ""))  # a kind with a default message fills it
            names = {n for _, n, _, _ in string.Formatter().parse(message) if n}
        except ValueError:
            continue  # reported by the codebook's own checks
        for name in sorted(names - allowed):
            problem = (
                f"rule {spec['code']}: message placeholder {{{name}}} is not one a "
                f"{kind.kind} rule fills ({kind.placeholders})"
            )
            out.append(
                finding(
                    "codebook-invalid",
                    str(book.path or book.version),
                    pointer=f"rules.{i}.message",
                    problem=problem,
                )
            )
    return out


def codebook_codes(rules: list[dict[str, Any]]) -> list[str]:
    """The finding codes a codebook's `rules` section defines."""
    return [str(r.get("code")) for r in rules]
