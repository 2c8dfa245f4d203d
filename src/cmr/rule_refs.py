"""Checks on a codebook's `rules` beyond the meta-schema: the variables, answer codes and
message placeholders a rule names must exist. Codebook layer: it reads data, not rule objects."""

from __future__ import annotations

import string
from typing import Any


def _codes_of(data: dict[str, Any], variable: str) -> set[str] | None:
    for q in data["questions"]:
        if q["variable"] == variable:
            scale = data["scales"].get(q["scale"], {"values": [], "missing": []})
            return {v["code"] for v in scale["values"]} | {m["code"] for m in scale["missing"]}
    return None


Problem = tuple[str, str]
"""(pointer inside the codebook, e.g. `rules.3.then`, what is wrong)."""


def _rule_problems(data: dict[str, Any], rule: dict[str, Any], at: str) -> list[Problem]:
    where = f"rule {rule['code']}"
    problems: list[Problem] = []
    every = set().union(*(_codes_of(data, q["variable"]) or set() for q in data["questions"]))
    for field in ("if", "then", "variables"):
        value = rule.get(field) or {}
        mentioned = value if isinstance(value, dict) else dict.fromkeys(value)
        for variable, answers in mentioned.items():
            codes = _codes_of(data, variable)
            if codes is None:
                problems.append((f"{at}.{field}", f"{where}: unknown variable {variable!r}"))
                continue
            listed = [answers] if isinstance(answers, str) else answers or []
            problems += [
                (f"{at}.{field}.{variable}", f"{where}: {a!r} is not an answer to {variable}")
                for a in listed
                if a not in codes
            ]
    for key in ("answers", "require_year"):
        problems += [
            (f"{at}.{key}", f"{where}: {a!r} is not an answer code of any scale")
            for a in rule.get(key, [])
            if a not in every
        ]
    message = str(rule.get("message", ""))
    problems += [(f"{at}.message", p) for p in _template_problems(where, message)]
    if rule["kind"] == "event":
        problems += _event_problems(data, rule, at, where)
    if rule["kind"] == "series" and rule.get("check") == "monotone":
        if not rule.get("variables") or rule.get("value") is None:
            problems.append((at, f"{where}: a monotone rule needs `variables` and `value`"))
        elif rule["value"] not in every:
            problems.append(
                (f"{at}.value", f"{where}: value {rule['value']!r} is not an answer code")
            )
    return problems


def _event_problems(
    data: dict[str, Any], rule: dict[str, Any], at: str, where: str
) -> list[Problem]:
    """An event rule names a question, its answers, event types of the codebook and a window."""
    codes = _codes_of(data, rule["variable"])
    if codes is None:
        return [(f"{at}.variable", f"{where}: unknown variable {rule['variable']!r}")]
    when = [rule["when"]] if isinstance(rule["when"], str) else rule["when"]
    out = [(f"{at}.when", f"{where}: {a!r} is not an answer to {rule['variable']}") for a in when]
    out = [p for p, a in zip(out, when, strict=True) if a not in codes]
    types = {t["code"] for t in data.get("events", {}).get("types", ())}
    for key in ("events", "regime_events"):
        out += [
            (f"{at}.{key}.{i}", f"{where}: {t!r} is not an event type of the codebook's `events`")
            for i, t in enumerate(rule.get(key, ()))
            if t not in types
        ]
    window = rule.get("window")
    if (
        window is not None
        and window not in ("ever", "regime")
        and window not in data.get("windows", {})
    ):
        out.append(
            (
                f"{at}.window",
                f"{where}: window {window!r} is not `ever`, `regime` or a window of the codebook",
            )
        )
    if window == "regime" and not rule.get("regime_events"):
        out.append((at, f"{where}: `window: regime` needs `regime_events`"))
    return out


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


def problems(data: dict[str, Any]) -> list[Problem]:
    """What is wrong with the rules of a codebook that passed the meta-schema, located."""
    from cmr.catalogue import KINDS

    out: list[Problem] = []
    seen: set[str] = set()
    for i, rule in enumerate(data.get("rules", [])):
        code = rule["code"]
        if code in seen or code in KINDS:
            out.append(
                (f"rules.{i}.code", f"rule code {code!r} is used twice (or by cmr's catalogue)")
            )
        seen.add(code)
        out += _rule_problems(data, rule, f"rules.{i}")
    return out
