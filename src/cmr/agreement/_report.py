"""`cmr agreement`: inter-coder agreement over independent codings, per question and overall."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from cmr.agreement import _stats
from cmr.observation import Observation
from cmr.project import Project

PREVALENCE = 0.9


@dataclass(frozen=True)
class Coding:
    """One coder's answer to one question of one country-year, with its support."""

    coder: str
    answer: str
    evidence: str
    citations: list[dict[str, Any]]
    path: str


@dataclass(frozen=True)
class Disagreement:
    iso3c: str
    year: int
    id: str
    variable: str
    codings: list[Coding]


@dataclass(frozen=True)
class Figures:
    """Agreement on one question, or overall (`variable` "overall")."""

    id: str
    variable: str
    units: int
    codings: int
    percent: float | None
    alpha: float | None
    ac1: float | None
    note: str = ""


@dataclass
class Report:
    """Agreement figures and disagreements; `to_dict()` is what `--format json` prints."""

    coders: list[str]
    country_years: int
    questions: list[Figures]
    overall: Figures
    disagreements: list[Disagreement] = field(default_factory=list)

    def passes(self, min_alpha: float) -> bool:
        """Overall alpha at least `min_alpha`. Without double coding there is nothing to fail;
        when alpha is undefined (one category only) the coders must agree everywhere."""
        if self.overall.units == 0:
            return True
        if self.overall.alpha is None:
            return self.overall.percent == 1.0
        return self.overall.alpha >= min_alpha

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": 1,
            "coders": self.coders,
            "country_years": self.country_years,
            "overall": asdict(self.overall),
            "questions": [asdict(q) for q in self.questions],
            "disagreements": [asdict(d) for d in self.disagreements],
        }


def _coding(obs: Observation, variable: str) -> Coding | None:
    entry = obs.answers.get(variable)
    answer = entry.get("answer") if isinstance(entry, dict) else None
    if not isinstance(entry, dict) or not isinstance(answer, str):
        return None
    evidence = entry.get("evidence")
    cited = entry.get("citations")
    return Coding(
        obs.coder,
        answer,
        evidence if isinstance(evidence, str) else "",
        [c for c in cited if isinstance(c, dict)] if isinstance(cited, list) else [],
        obs.path,
    )


def _figures(qid: str, variable: str, units: list[list[str]], threshold: float) -> Figures:
    used = _stats.pairable(units)
    note = ""
    top = _stats.prevalence(used)
    if top is not None and top[1] >= threshold:
        note = (
            f"{top[1]:.0%} of codings are {top[0]!r}: alpha is unreliable at such "
            "prevalence; read AC1 and percent agreement"
        )
    return Figures(
        qid,
        variable,
        len(used),
        sum(map(len, used)),
        _stats.percent_agreement(used),
        _stats.krippendorff_alpha(used),
        _stats.gwet_ac1(used),
        note,
    )


def compute(observations: Sequence[Observation], prevalence: float = PREVALENCE) -> Report:
    """Agreement among independent codings (give only those), unit = country-year × question.

    Every answer code counts as a category, missing codes included: two coders who answer
    `yes` and `unknown` disagree.
    """
    by_unit: dict[tuple[str, int], dict[str, Observation]] = defaultdict(dict)
    for obs in sorted(observations, key=lambda o: o.path):
        by_unit[(obs.iso3c, obs.year)].setdefault(obs.coder, obs)
    shared = {k: v for k, v in by_unit.items() if len(v) >= 2}
    book = max(
        (o.codebook for o in observations),
        default=None,
        key=lambda b: tuple(int(p) for p in b.version.split(".")),
    )
    questions, pooled, disagreements = [], [], []
    for q in book.questions if book else ():
        units = []
        for (iso3c, year), coded in sorted(shared.items()):
            codings = [c for o in coded.values() if (c := _coding(o, q.variable)) is not None]
            units.append([c.answer for c in codings])
            if len({c.answer for c in codings}) > 1:
                disagreements.append(Disagreement(iso3c, year, q.id, q.variable, codings))
        questions.append(_figures(q.id, q.variable, units, prevalence))
        pooled += units
    coders = sorted({c for coded in shared.values() for c in coded})
    return Report(
        coders, len(shared), questions, _figures("", "overall", pooled, prevalence), disagreements
    )


def agreement(
    paths: Sequence[str | Path] | None = None,
    *,
    project: Project | None = None,
    prevalence: float = PREVALENCE,
) -> Report:
    """Read the project's independent codings (`<ISO3>/<year>/<coder>.yaml`) and compute
    agreement.

    >>> report = agreement()            # doctest: +SKIP
    >>> report.overall.alpha            # doctest: +SKIP
    0.83
    """
    from cmr.checking import check

    run = check(paths, project=project, keep=True)
    return compute(run.observations("independent"), prevalence)
