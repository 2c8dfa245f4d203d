"""Rebuild the `rules` part of src/cmr/data/codebook.schema.json from the rule kinds.

Each rule kind owns the JSON Schema of its parameters (`src/cmr/rules/params/<kind>.json`,
read by `Rule.params_schema`); the codebook meta-schema's `$defs.rule` dispatches on `kind` to
them. Run this after adding a kind or changing a kind's parameters:

    python scripts/build_meta_schema.py

`tests/rules/test_params_schema.py` fails when the committed meta-schema differs from what this
script writes.
"""

from __future__ import annotations

import json
from pathlib import Path

from cmr import rules

OUT = Path(__file__).resolve().parents[1] / "src" / "cmr" / "data" / "codebook.schema.json"


def build(current: dict[str, object]) -> str:
    """The meta-schema text with its rule definitions taken from the registered kinds."""
    defs = {k: v for k, v in dict(current["$defs"]).items() if not k.startswith("rule")}  # type: ignore[call-overload]
    data = {**current, "$defs": {**defs, **rules.meta_schema_defs()}}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def main() -> None:
    OUT.write_text(build(json.loads(OUT.read_text(encoding="utf-8"))), encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
