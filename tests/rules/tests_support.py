"""Helpers for the rule tests: edit one answer of an observation file in place."""

from __future__ import annotations

from pathlib import Path

import yaml


def set_answer(path: Path, variable: str, answer: str, evidence: str) -> None:
    """Set `variable`'s answer and evidence in the YAML file at `path`."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["answers"][variable].update(answer=answer, evidence=evidence)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
