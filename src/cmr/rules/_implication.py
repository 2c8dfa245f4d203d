"""Implication rules: if these answers are given, those variables must have these answers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from cmr.rules._base import Hit, Rule, answer_path, as_set, register

if TYPE_CHECKING:
    from cmr.codebook import Codebook
    from cmr.observation import Observation
    from cmr.settings import Settings


@register
class Implication(Rule):
    """`if: {a: "yes"}` and `then: {b: ["yes", "contested"]}`: if a is yes, b must be one of those.

    The finding points at each `then` answer that is not allowed. An absent answer is left to
    `answer-missing`.
    """

    kind = "implication"
    scope = "file"
    placeholders = "{id} {variable} {answer} {allowed} {condition}"

    def __init__(self, spec: dict[str, Any], book: Codebook, settings: Settings):
        super().__init__(spec, book, settings)
        self.conditions = [(v, as_set(a)) for v, a in spec["if"].items()]
        self.consequents = [(v, as_set(a)) for v, a in spec["then"].items()]
        self.ids = {v: book.by_variable[v].id for v, _ in self.consequents}
        self.condition = " and ".join(
            f"{book.by_variable[v].id} {v} is {' or '.join(sorted(a))}" for v, a in self.conditions
        )

    def check(self, obs: Observation) -> Iterator[Hit]:
        answers = obs.answers
        for variable, allowed in self.conditions:
            entry = answers.get(variable)
            answer = entry.get("answer") if isinstance(entry, dict) else None
            if not isinstance(answer, str) or answer not in allowed:
                return
        for variable, allowed in self.consequents:
            answer = obs.answer(variable)
            if answer is not None and answer not in allowed:
                yield self.hit(
                    obs.path,
                    answer_path(variable),
                    id=self.ids[variable],
                    variable=variable,
                    answer=answer,
                    allowed=", ".join(sorted(allowed)),
                    condition=self.condition,
                )
