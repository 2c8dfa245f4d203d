"""What every rule is: a registered object with a code, a severity and a scope, yielding hits.

A `Hit` is a finding that has not been given a line yet: it names the file and the path of the
answer concerned inside the document. The engine looks lines up only for files with hits.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from cmr import registry
from cmr.registry import SCOPES, Scope

if TYPE_CHECKING:
    from cmr.codebook import Codebook
    from cmr.observation import Observation
    from cmr.settings import Settings
    from cmr.summary import Summary

Path_ = tuple[str | int, ...]
PARAMS = Path(__file__).parent / "params"


@dataclass(frozen=True)
class Hit:
    """A rule's finding before its line is known."""

    code: str
    severity: str
    file: str
    path: Path_
    message: str
    related: tuple[str, ...] = ()


class _Params(dict[str, Any]):
    """Template parameters; an unknown placeholder shows as itself instead of failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class Rule:
    """A consistency rule. Subclasses set `kind` and `scope` and implement `check`.

    Rules built from a codebook entry take code, severity, title and message from it;
    built-in rules set them as class attributes from the catalogue.
    """

    kind: ClassVar[str] = ""
    scope: ClassVar[Scope] = "file"
    placeholders: ClassVar[str] = "{id} {variable} {answer}"
    spans_years: ClassVar[bool] = False
    """A file rule that also checks each observation against the country's other years
    (`check_series`), run with the country-scope rules."""
    code: str
    severity: str
    title: str
    template: str

    def spans(self) -> bool:
        """True when this rule runs over a country's years (`check_series`)."""
        return self.scope == "country" or self.spans_years

    @classmethod
    def params_schema(cls) -> dict[str, Any]:
        """The JSON Schema of this kind's entry in a codebook's `rules`: the kind owns it, in
        `cmr/rules/params/<kind>.json`; the codebook meta-schema is built from every kind's
        (`scripts/build_meta_schema.py`), so a bad parameter is a located codebook error."""
        text = (PARAMS / f"{cls.kind}.json").read_text(encoding="utf-8")
        schema: dict[str, Any] = json.loads(text)
        return schema

    def __init__(self, spec: dict[str, Any], book: Codebook, settings: Settings):
        self.code = spec["code"]
        self.severity = spec["severity"]
        self.title = spec.get("title", self.code)
        self.template = " ".join(str(spec.get("message", "")).split())

    def hit(self, file: str, path: Path_, *, related: tuple[str, ...] = (), **params: Any) -> Hit:
        message = self.template.format_map(_Params(params))
        return Hit(self.code, self.severity, file, path, message, related)

    def check(self, subject: Any) -> Iterator[Hit]:
        """File scope: the hits on one observation (a kind of another scope has none)."""
        return iter(())

    def check_series(self, series: Sequence[Summary], i: int) -> Iterator[Hit]:
        """Country scope: `series[i]` against the same country's earlier years (a kind of
        another scope has none)."""
        return iter(())

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.code} ({self.scope}, {self.severity})>"


Test = Callable[[dict[str, Any], "Observation"], "dict[str, Any] | None"]


class AnswerRule(Rule, ABC):
    """An observation rule that looks at one answer at a time.

    `plan` says which (variable, answers) the rule tests and with what; the engine merges the
    plans of all rules into one table, so that checking an observation visits each answer
    once. A test returns the message parameters when the rule fires, else None.
    """

    @abstractmethod
    def plan(self) -> Iterator[tuple[str, str, frozenset[str], Test]]:
        """(variable, question id, answers tested, test) for each variable."""

    def check(self, obs: Observation) -> Iterator[Hit]:
        answers = obs.answers
        for variable, qid, allowed, test in self.plan():
            entry = answers.get(variable)
            answer = entry.get("answer") if isinstance(entry, dict) else None
            if isinstance(answer, str) and answer in allowed:
                params = test(entry, obs)  # type: ignore[arg-type]
                if params is not None:
                    yield self.hit(
                        obs.path,
                        answer_path(variable),
                        id=qid,
                        variable=variable,
                        answer=answer,
                        **params,
                    )


REGISTRY: dict[str, type[Rule]] = {}


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator: make a rule kind available to codebooks by its `kind` name."""
    if cls.kind in REGISTRY:
        raise RuntimeError(f"rule kind registered twice: {cls.kind}")
    if cls.scope not in SCOPES:
        raise RuntimeError(f"rule kind {cls.kind}: unknown scope {cls.scope}")
    REGISTRY[cls.kind] = cls
    doc = f"Codebook rules of kind `{cls.kind}`: {cls.__doc__ or ''}"
    registry.register(f"rules:{cls.kind}", cls.scope, (), doc)
    return cls


def answer_path(variable: str) -> Path_:
    """Where a rule finding about `variable` points: its `answer` line."""
    return ("answers", variable, "answer")


def as_set(value: Any) -> frozenset[str]:
    """An answer or list of answers in a rule, as a set of codes."""
    return frozenset([value] if isinstance(value, str) else value)
