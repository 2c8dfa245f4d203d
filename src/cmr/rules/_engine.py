"""Running rules: observation rules in the worker, series and coders rules on the summaries.

Rules are compiled once per codebook version and settings (regexes, answer sets), so that
checking one observation costs a few dictionary look-ups per rule. Lines are looked up only for
files with hits, by composing the file's YAML once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from cmr import _yaml
from cmr.findings import Finding
from cmr.rules import _country_year
from cmr.rules._base import REGISTRY, AnswerRule, Hit, Rule, Test, answer_path

if TYPE_CHECKING:
    from cmr.codebook import Codebook, Codebooks
    from cmr.observation import Observation
    from cmr.settings import Settings
    from cmr.summary import Summary


# variable -> answer -> [(rule, question id, test)]
Table = dict[str, dict[str, list[tuple[AnswerRule, str, Test]]]]


@dataclass(frozen=True)
class RuleSet:
    """The rules of one codebook version, by scope, with the per-answer rules merged."""

    observation: tuple[Rule, ...]
    series: tuple[Rule, ...]
    table: Table = field(default_factory=dict)

    @property
    def all(self) -> tuple[Rule, ...]:
        """Every rule of the set, file scope first, each once."""
        return tuple(dict.fromkeys(self.observation + self.series))

    @property
    def whole(self) -> tuple[Rule, ...]:
        """Observation rules that look at several answers at once."""
        return tuple(r for r in self.observation if not isinstance(r, AnswerRule))


def _table(rules: Iterable[Rule]) -> Table:
    table: Table = {}
    for rule in rules:
        if isinstance(rule, AnswerRule):
            for variable, qid, answers, test in rule.plan():
                by_answer = table.setdefault(variable, {})
                for answer in answers:
                    by_answer.setdefault(answer, []).append((rule, qid, test))
    return table


def build(book: Codebook, settings: Settings) -> RuleSet:
    """Compile `book`'s rules; rules the settings switch off are left out."""
    rules = [
        REGISTRY[spec["kind"]](spec, book, settings)
        for spec in book.rules
        if settings.wanted(spec["code"])
    ]
    observation = tuple(r for r in rules if r.scope == "file")
    series = tuple(r for r in rules if r.spans())
    return RuleSet(observation, series, _table(observation))


class RuleSets:
    """Compiled rule sets by codebook version, built on first use."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._cache: dict[tuple[str, int], RuleSet] = {}

    def of(self, book: Codebook) -> RuleSet:
        key = (book.version, id(book))
        if key not in self._cache:
            self._cache[key] = build(book, self.settings)
        return self._cache[key]


def locate(hits: Iterable[Hit], sources: dict[str, Path] | None = None) -> list[Finding]:
    """Findings with lines: each file's YAML is composed once. `sources` maps shown paths to
    files to read when they differ."""
    by_file: dict[str, list[Hit]] = defaultdict(list)
    for h in hits:
        by_file[h.file].append(h)
    out = []
    for file, group in by_file.items():
        source = (sources or {}).get(file, Path(file))
        try:
            text = source.read_text(encoding="utf-8").removeprefix("\ufeff")
        except (OSError, UnicodeDecodeError):
            text = ""
        locator = _yaml.Locator.try_compose(text) or _yaml.Locator(None)
        for h in group:
            # a finding about the whole file points at its start, not at its first key
            pos = locator.position(h.path) if h.path else _yaml.Position(1, 1)
            out.append(
                Finding(
                    h.file,
                    pos.line,
                    pos.column,
                    h.severity,
                    h.code,
                    h.message,
                    ".".join(map(str, h.path)),
                    h.related,
                )
            )
    return out


def check_observation(obs: Observation, source: Path, rules: RuleSet) -> list[Finding]:
    """Findings of the observation-scope rules on one observation.

    Each answer is visited once and handed to the tests registered for its answer code.
    """
    hits = [h for rule in rules.whole for h in rule.check(obs)]
    answers = obs.answers
    for variable, by_answer in rules.table.items():
        entry = answers.get(variable)
        answer = entry.get("answer") if isinstance(entry, dict) else None
        tests = by_answer.get(answer) if isinstance(answer, str) else None
        if not tests:
            continue
        for rule, qid, test in tests:
            params = test(entry, obs)  # type: ignore[arg-type]
            if params is not None:
                hits.append(
                    rule.hit(
                        obs.path,
                        answer_path(variable),
                        id=qid,
                        variable=variable,
                        answer=answer,
                        **params,
                    )
                )
    return locate(hits, {obs.path: source}) if hits else []


def series_of(summaries: Iterable[Summary]) -> dict[str, list[Summary]]:
    """Adjudicated final observations by country, in year order (drafts are work in progress:
    a final year is never judged against one, see `_drafts_in_series`)."""
    out: dict[str, list[Summary]] = defaultdict(list)
    for s in summaries:
        if not s.independent and not s.draft:
            out[s.iso3c].append(s)
    for series in out.values():
        series.sort(key=_in_order)
    return out


def _in_order(s: Summary) -> tuple[int, str]:
    return (s.year, s.path)


def _drafts_in_series(
    summaries: Iterable[Summary], finals: dict[str, list[Summary]]
) -> Iterable[tuple[list[Summary], int]]:
    """Each adjudicated draft in its country's series of final years, with its place: a
    draft is checked against its neighbours, and only the draft is judged."""
    for s in summaries:
        if s.draft and not s.independent:
            series = sorted([*finals.get(s.iso3c, []), s], key=_in_order)
            yield series, series.index(s)


def check_collection(
    summaries: Sequence[Summary], books: Codebooks, rulesets: RuleSets, *, export: bool = False
) -> list[Finding]:
    """Findings of the country-scope rules (each country's adjudicated years in order) and the
    built-in country-year checks over `summaries` (with `export`, the export's ones too)."""
    hits: list[Hit] = []
    finals = series_of(summaries)
    places = [(series, i) for series in finals.values() for i in range(len(series))]
    for series, i in [*places, *_drafts_in_series(summaries, finals)]:
        book = books.get(series[i].codebook)
        if book is None:
            continue
        for rule in rulesets.of(book).series:
            hits.extend(rule.check_series(series, i))
    for builtin in _country_year.BUILTIN:
        if builtin.export_only and not export:
            continue
        if any(rulesets.settings.wanted(code) for code in builtin.check.codes):
            hits.extend(builtin().run(summaries))
    return locate(hits)
