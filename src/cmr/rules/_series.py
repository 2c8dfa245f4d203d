"""Time-series rules over one country's adjudicated observations, in year order.

Each finding is on the later observation and names the earlier one, in its message and in
`Finding.related`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from cmr.rules._base import Hit, Rule, answer_path, register

if TYPE_CHECKING:
    from cmr.codebook import Codebook
    from cmr.settings import Settings
    from cmr.summary import Summary


@register
class Series(Rule):
    """`check: monotone` (once `value`, never another value) or `check: change_note`.

    change_note: when consecutive years give different values of the scale (missing codes do
    not count), the later answer needs a `change_note`. Its `variables` default to the questions
    marked `slow_moving`.
    """

    kind = "series"
    scope = "country"
    placeholders = "{id} {variable} {answer} {previous} {year} {other_year} {other}"

    def __init__(self, spec: dict[str, Any], book: Codebook, settings: Settings):
        super().__init__(spec, book, settings)
        self.test = spec["check"]
        self.value = spec.get("value")
        default = [q.variable for q in book.questions if q.slow_moving]
        variables = spec.get("variables") or (default if self.test == "change_note" else [])
        self.targets = [
            (v, book.by_variable[v].id, frozenset(s.code for s in book.by_variable[v].scale.values))
            for v in variables
        ]

    def check_series(self, series: Sequence[Summary], i: int) -> Iterator[Hit]:
        current = series[i]
        for variable, qid, values in self.targets:
            answer = current.answers.get(variable)
            if answer not in values:
                continue
            other = self._other(series, i, variable, values, answer)
            if other is not None:
                yield self.hit(
                    current.path,
                    answer_path(variable),
                    related=(other.path,),
                    id=qid,
                    variable=variable,
                    answer=answer,
                    previous=other.answers.get(variable),
                    year=current.year,
                    other_year=other.year,
                    other=other.path,
                )

    def _other(
        self,
        series: Sequence[Summary],
        i: int,
        variable: str,
        values: frozenset[str],
        answer: str | None,
    ) -> Summary | None:
        """The earlier observation that `series[i]` breaks the rule against, if any."""
        current = series[i]
        if self.test == "monotone":
            if answer == self.value:
                return None
            earlier = (s for s in reversed(series[:i]) if s.answers.get(variable) == self.value)
            return next(earlier, None)
        if i == 0 or variable in current.change_notes:
            return None
        previous = series[i - 1]
        before = previous.answers.get(variable)
        if previous.year == current.year - 1 and before in values and before != answer:
            return previous
        return None
