"""`cmr agreement`: inter-coder agreement over independent codings, per question and overall.

What counts: a unit is one question of one country-year; its codes are the answers of the
coders who coded the country-year (see `_units` for who counts). Only scale values are compared:
a missing code (`unknown`, `not_applicable`, `contested`) says the coder could not answer, so it
is left out of the unit and counted in `missing`; an answer off the question's scale, or no
answer at all, is left out and counted in `excluded` (`cmr check` reports it). Disagreements
list every unit whose coders answered differently, missing codes included, for adjudication.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from cmr.agreement import _stats
from cmr.agreement._units import Unit, group, version_key
from cmr.catalogue import finding
from cmr.codebook import Question
from cmr.findings import Finding
from cmr.layout import SUFFIXES, layout
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
    """Agreement on one question, or overall (`variable` "overall").

    `missing` counts answers with a missing code and `excluded` answers off the scale (or
    absent) in the double-coded country-years: both are left out of the figures.
    """

    id: str
    variable: str
    units: int
    codings: int
    percent: float | None
    alpha: float | None
    ac1: float | None
    note: str = ""
    missing: int = 0
    excluded: int = 0


@dataclass
class Report:
    """Agreement figures, disagreements and the findings on codings that could not be used;
    `to_dict()` is what `--format json` prints."""

    coders: list[str]
    country_years: int
    questions: list[Figures]
    overall: Figures
    disagreements: list[Disagreement] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def success(self) -> bool:
        """True when every coding could be read and used (no finding is an error)."""
        return not any(f.severity == "error" for f in self.findings)

    @property
    def computable(self) -> bool:
        """True when at least one question of one country-year has two comparable answers."""
        return self.overall.units > 0

    def passes(self, min_alpha: float) -> bool:
        """Overall alpha at least `min_alpha`; False when nothing could be computed. When alpha
        is undefined (one category only) the coders must agree everywhere."""
        if not self.computable:
            return False
        if self.overall.alpha is None:
            return self.overall.percent == 1.0
        return self.overall.alpha >= min_alpha

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": 1,
            "success": self.success,
            "coders": self.coders,
            "country_years": self.country_years,
            "overall": asdict(self.overall),
            "questions": [asdict(q) for q in self.questions],
            "disagreements": [asdict(d) for d in self.disagreements],
            "findings": [f.to_dict() for f in sorted(set(self.findings))],
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


def _answers(unit: Unit, variable: str, left_out: Counter[str]) -> tuple[list[str], list[Coding]]:
    """The unit's scale values for `variable`, and every usable coding (missing codes too)."""
    codes, codings = [], []
    for obs in unit.codings:
        own = unit.comparable(obs, variable)
        if own is None:
            continue
        coding = _coding(obs, variable)
        if coding is None or coding.answer not in own.scale.codes:
            left_out["excluded"] += 1
            continue
        codings.append(coding)
        if own.scale.value_of(coding.answer) is None:
            left_out["missing"] += 1
        else:
            codes.append(coding.answer)
    return codes, codings


def _figures(
    qid: str, variable: str, units: list[list[str]], threshold: float, left_out: Counter[str]
) -> Figures:
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
        left_out["missing"],
        left_out["excluded"],
    )


def _questions(observations: Sequence[Observation]) -> list[Question]:
    """The newest version's questions, then those only older versions ask."""
    books = {o.codebook.version: o.codebook for o in observations}
    seen: dict[str, Question] = {}
    for book in sorted(books.values(), key=version_key, reverse=True):
        for q in book.questions:
            seen.setdefault(q.variable, q)
    return list(seen.values())


def compute(observations: Sequence[Observation], prevalence: float = PREVALENCE) -> Report:
    """Agreement among independent codings (give only those), unit = country-year × question.

    Only scale values are compared: missing codes and answers off the scale are left out and
    counted (`Figures.missing`, `Figures.excluded`). The report's findings say which codings
    count nowhere (one coder, a coder twice) or are compared on fewer questions (versions).
    """
    units, findings = group(observations)
    questions, pooled, disagreements = [], [], []
    everything: Counter[str] = Counter()
    for q in _questions(observations):
        per_unit, left_out = [], Counter[str]()
        for unit in units:
            codes, codings = _answers(unit, q.variable, left_out)
            per_unit.append(codes)
            if len({c.answer for c in codings}) > 1:
                disagreements.append(Disagreement(unit.iso3c, unit.year, q.id, q.variable, codings))
        questions.append(_figures(q.id, q.variable, per_unit, prevalence, left_out))
        pooled += per_unit
        everything += left_out
    coders = sorted({o.coder for unit in units for o in unit.codings})
    overall = _figures("", "overall", pooled, prevalence, everything)
    return Report(coders, len(units), questions, overall, disagreements, findings)


def _concerns_agreement(f: Finding) -> bool:
    """An error anywhere but in an adjudicated file, or the warning that nothing was found."""
    found = layout(f.file)
    adjudicated = found is not None and not found.independent and f.file.endswith(SUFFIXES)
    return (f.severity == "error" and not adjudicated) or f.code == "no-observations"


def agreement(
    paths: Sequence[str | Path] | None = None,
    *,
    project: Project | None = None,
    prevalence: float = PREVALENCE,
) -> Report:
    """Read the project's independent codings (`<ISO3>/<year>/<coder>.yaml`), check them and
    compute agreement.

    The report's findings hold every error `cmr check` finds outside the adjudicated files
    (a coding that cannot be read, an answer off the scale, a path that names no file, a
    folder that cannot be walked), so a run whose figures leave something out does not pass
    (`Report.success`); errors in adjudicated files are `cmr check`'s business.

    >>> report = agreement()            # doctest: +SKIP
    >>> report.overall.alpha            # doctest: +SKIP
    0.83
    """
    from cmr.checking import check

    run = check(paths, project=project, keep=True)
    codings = run.observations("independent")
    drafts = [o for o in codings if o.data.get("status") == "draft"]
    report = compute([o for o in codings if o not in drafts], prevalence)
    unusable = [f for f in run.result.findings if _concerns_agreement(f)]
    if drafts:
        shown = ", ".join(o.path for o in drafts)
        unusable.append(finding("agreement-drafts", drafts[0].path, count=len(drafts), files=shown))
    report.findings[:0] = unusable
    return report
