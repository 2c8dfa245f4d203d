"""`PanelSpec`: the panel's columns, derived from the codebook versions the observations use.

Questions are identified across versions by their variable name: a variable keeps its column
when a later version renumbers or rewords its question. Labels, text and scale come from the
latest version that defines the variable; the codes a column may hold are the union over all
versions, so that an answer coded under an older scale still has its place.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import cached_property

from cmr.codebook import Codebook, Question

#: Written when the project sets no `dataset_version` (see docs/export.md).
UNVERSIONED = "0.0.0+unversioned"


@dataclass(frozen=True)
class Variable:
    """One panel variable: a question, with what every version used says it may hold."""

    name: str
    question: Question
    ids: tuple[str, ...]
    values: dict[str, int]
    missing: tuple[str, ...]
    labels: dict[str, str]

    @property
    def codes(self) -> tuple[str, ...]:
        return (*self.values, *self.missing)

    @property
    def stata_missing(self) -> dict[str, str]:
        """Missing codes as Stata extended missing values: the first is `.a`, then `.b`, ..."""
        return dict(zip(self.missing, string.ascii_lowercase, strict=False))


@dataclass(frozen=True)
class PanelSpec:
    """Everything about the panel's columns that the codebook decides."""

    books: tuple[Codebook, ...]
    dataset_version: str = UNVERSIONED

    @property
    def latest(self) -> Codebook:
        return self.books[-1]

    @property
    def versions(self) -> tuple[str, ...]:
        return tuple(b.version for b in self.books)

    @cached_property
    def variables(self) -> tuple[Variable, ...]:
        """Variables in the latest version's order, then those only older versions have."""
        order: list[str] = []
        for book in reversed(self.books):
            order.extend(v for v in book.variables if v not in order)
        return tuple(self._variable(name) for name in order)

    @cached_property
    def by_name(self) -> dict[str, Variable]:
        return {v.name: v for v in self.variables}

    def _variable(self, name: str) -> Variable:
        questions = [b.by_variable[name] for b in self.books if name in b.by_variable]
        values: dict[str, int] = {}
        missing: list[str] = []
        labels: dict[str, str] = {}
        for q in reversed(questions):  # latest first: its labels win
            for v in q.scale.values:
                values.setdefault(v.code, v.value)
                labels.setdefault(v.code, v.label)
            for m in q.scale.missing:
                if m.code not in missing:
                    missing.append(m.code)
                labels.setdefault(m.code, m.label)
        ids = tuple(dict.fromkeys(q.id for q in questions))
        return Variable(name, questions[-1], ids, values, tuple(missing), labels)

    @cached_property
    def question_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(i for v in self.variables for i in v.ids))

    @cached_property
    def answer_codes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c for v in self.variables for c in v.codes))

    @cached_property
    def confidence(self) -> tuple[str, ...]:
        """Confidence codes, lowest first, as the latest version orders them."""
        return tuple(dict.fromkeys(c for b in reversed(self.books) for c in b.confidence))

    @cached_property
    def answer_labels(self) -> dict[str, str]:
        """Each answer code's label, as the first variable (in panel order) having it says."""
        out: dict[str, str] = {}
        for var in self.variables:
            for code in var.codes:
                out.setdefault(code, var.labels[code])
        return out

    @cached_property
    def confidence_labels(self) -> dict[str, str]:
        """Each confidence code's label, the latest version's first (the code without one)."""
        labels: dict[str, str] = {}
        for book in reversed(self.books):
            for item in book.raw.get("confidence", []):
                labels.setdefault(item["code"], item.get("label", item["code"]))
        return {c: labels.get(c, c) for c in self.confidence}

    @property
    def min_year(self) -> int:
        return min(b.min_year for b in self.books)

    @property
    def value_range(self) -> tuple[int, int]:
        values = [x for v in self.variables for x in v.values.values()] or [0]
        return min(values), max(values)


def stata_label(text: str, limit: int = 80) -> str:
    """`text` cut to Stata's variable-label limit, marking the cut with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
