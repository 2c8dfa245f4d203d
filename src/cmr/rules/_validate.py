"""Checks on a codebook's `rules` beyond the meta-schema: names and codes must exist."""

from __future__ import annotations

import string
from typing import Any


def _codes_of(data: dict[str, Any], variable: str) -> set[str] | None:
    for q in data["questions"]:
        if q["variable"] == variable:
            scale = data["scales"].get(q["scale"], {"values": [], "missing": []})
            return {v["code"] for v in scale["values"]} | {m["code"] for m in scale["missing"]}
    return None


def _rule_problems(data: dict[str, Any], rule: dict[str, Any]) -> list[str]:
    where = f"rule {rule['code']}"
    problems = []
    mentioned: dict[str, Any] = {**rule.get("if", {}), **rule.get("then", {})}
    mentioned.update({v: None for v in rule.get("variables", [])})
    every = set().union(*(_codes_of(data, q["variable"]) or set() for q in data["questions"]))
    for variable, answers in mentioned.items():
        codes = _codes_of(data, variable)
        if codes is None:
            problems.append(f"{where}: unknown variable {variable!r}")
            continue
        listed = [answers] if isinstance(answers, str) else answers or []
        problems += [
            f"{where}: {a!r} is not an answer to {variable}" for a in listed if a not in codes
        ]
    for key in ("answers", "require_year"):
        problems += [
            f"{where}: {a!r} is not an answer code of any scale"
            for a in rule.get(key, [])
            if a not in every
        ]
    problems += _template_problems(where, str(rule.get("message", "")))
    if rule["kind"] == "series" and rule.get("check") == "monotone":
        if not rule.get("variables") or rule.get("value") is None:
            problems.append(f"{where}: a monotone rule needs `variables` and `value`")
        elif rule["value"] not in every:
            problems.append(f"{where}: value {rule['value']!r} is not an answer code")
    return problems


def _template_problems(where: str, message: str) -> list[str]:
    """A message must be a valid format template using only `{name}` and `{name!r}`."""
    try:
        parts = list(string.Formatter().parse(message))
    except ValueError as exc:
        return [f"{where}: message is not a valid template ({exc})"]
    return [
        f"{where}: message placeholder {{{name}!{conv}}} uses an unknown conversion"
        for _, name, _, conv in parts
        if conv not in (None, "r", "s")
    ]


def problems(data: dict[str, Any]) -> list[str]:
    """What is wrong with the rules of a codebook that passed the meta-schema."""
    from cmr.catalogue import KINDS

    out: list[str] = []
    seen: set[str] = set()
    for rule in data.get("rules", []):
        code = rule["code"]
        if code in seen or code in KINDS:
            out.append(f"rule code {code!r} is used twice (or by cmr's catalogue)")
        seen.add(code)
        out += _rule_problems(data, rule)
    return out
