"""JSON Schema errors told in a coder's words: "expected text, found a list", never
"None is not of type 'string'"."""

from __future__ import annotations

import math
from typing import Any

_TYPES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "array": "a list",
    "object": "a mapping of fields",
    "boolean": "true or false",
    "null": "nothing",
}


def kind_of(value: Any) -> str:
    """A value's kind in a coder's words: "a list", "a number", "text"."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a number" if math.isfinite(value) else "an infinite number or not-a-number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping of fields"
    return "nothing (an empty value)" if value is None else "a value"


def shown_value(value: Any) -> str:
    """A value as YAML would show it, shortened."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        text = value if len(value) <= 40 else value[:37] + "..."
        return repr(text)
    if isinstance(value, list | dict) or (isinstance(value, float) and not math.isfinite(value)):
        return kind_of(value)
    return str(value)


_UNSET = object()


def describe(error: Any, value: Any = _UNSET) -> str:
    """What is wrong with the value a jsonschema-rs error is about, in plain words. `value` is
    the value as parsed, where the validator's copy lost it (infinities become null)."""
    kind = error.kind
    value = error.instance if value is _UNSET else value
    name = type(kind).__name__
    if name == "Type":
        expected = " or ".join(_TYPES.get(t, t) for t in kind.types)
        return f"expected {expected}, found {kind_of(value)}"
    if name == "MinLength":
        return "is empty" if kind.limit == 1 else f"is shorter than {kind.limit} characters"
    if name == "MaxLength":
        return f"is longer than {kind.limit} characters"
    if name in ("Minimum", "ExclusiveMinimum"):
        return f"{shown_value(value)} is below the lowest allowed value, {kind.limit}"
    if name in ("Maximum", "ExclusiveMaximum"):
        return f"{shown_value(value)} is above the highest allowed value, {kind.limit}"
    if name == "Enum":
        return (
            f"{shown_value(value)} is not one of: {', '.join(shown_value(o) for o in kind.options)}"
        )
    if name == "MinItems":
        return f"needs at least {kind.limit} item{'s' if kind.limit != 1 else ''}"
    if name == "MaxItems":
        return f"holds more than {kind.limit} item{'s' if kind.limit != 1 else ''}"
    if name == "Constant":
        return f"must be {shown_value(kind.expected_value)}"
    if name == "Pattern":
        return f"{shown_value(value)} is not in the expected form"
    if name == "Required":
        return f"the required field {kind.property!r} is missing"
    if name == "UniqueItems":
        return "lists the same item twice"
    return f"{shown_value(value)} is not valid here"


def yaml_key(key: Any) -> str:
    """A mapping key YAML read as something other than text, in words: "the key true"."""
    if isinstance(key, bool):
        return f"the key {'true' if key else 'false'}"
    if key is None:
        return "the key ~ (null)"
    if isinstance(key, tuple | list):
        return "a list used as a key"
    if isinstance(key, frozenset | dict):
        return "a mapping used as a key"
    return f"the key {key}"
