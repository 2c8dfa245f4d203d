"""Inter-coder agreement: figures checked against an independent computation, CLI, layout."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from fractions import Fraction
from itertools import permutations
from pathlib import Path

import pytest

from cmr.agreement import agreement, gwet_ac1, krippendorff_alpha, percent_agreement
from cmr.project import Project

sys.path.insert(0, str(Path(__file__).parents[1] / "rules"))
from tests_support import set_answer

# civmil_forum by coder and year; every other question is "no" for everyone.
FORUM = {
    1990: {"alice": "yes", "bob": "yes", "carol": "no"},
    1991: {"alice": "yes", "bob": "no"},
    1992: {"alice": "no", "bob": "no", "carol": "no"},
    1993: {"alice": "yes", "bob": "yes"},
}


@pytest.fixture
def coded(project: Path, make_observation) -> Path:
    """Four country-years coded independently by two or three coders, plus one adjudicated."""
    for year, answers in FORUM.items():
        for coder, answer in answers.items():
            path = make_observation(f"AZE/{year}/{coder}.yaml", year=year, coder=coder)
            set_answer(
                path,
                "civmil_forum",
                answer,
                f"{coder} on the Defence Council in {year}: sources differ (1990-1993).",
            )
    make_observation(year=1993, reconciles=["alice", "bob"], answer="yes")
    return project


def coincidence_alpha(units: list[list[str]]) -> float:
    """Krippendorff's nominal alpha written out from the coincidence matrix (exact fractions)."""
    o: Counter[tuple[str, str]] = Counter()
    for unit in (u for u in units if len(u) >= 2):
        for i, j in permutations(range(len(unit)), 2):
            o[unit[i], unit[j]] += Fraction(1, len(unit) - 1)
    n_c: Counter[str] = Counter()
    for (c, _k), value in o.items():
        n_c[c] += value
    n = sum(n_c.values())
    observed = sum(v for (c, k), v in o.items() if c != k)
    expected = sum(n_c[c] * n_c[k] for c in n_c for k in n_c if c != k)
    return float(1 - (n - 1) * observed / expected)


def test_figures_match_hand_computation():
    """On the forum units: agreement 7/12, alpha 0.28 and AC1 5/29, worked out by hand."""
    units = [list(a.values()) for a in FORUM.values()]
    assert percent_agreement(units) == pytest.approx(7 / 12)
    assert krippendorff_alpha(units) == pytest.approx(0.28)
    assert coincidence_alpha(units) == pytest.approx(0.28)
    assert gwet_ac1(units) == pytest.approx(5 / 29)


def test_report_matches_independent_formula(coded: Path):
    """Per question and pooled, alpha equals the coincidence-matrix formula."""
    report = agreement(project=Project.find(coded))
    forum = next(q for q in report.questions if q.variable == "civmil_forum")
    assert (forum.units, forum.codings) == (4, 10)
    assert forum.alpha == pytest.approx(0.28) and forum.ac1 == pytest.approx(5 / 29)
    pooled = [list(a.values()) for a in FORUM.values()]
    pooled += [["no"] * len(a) for a in FORUM.values()] * (len(report.questions) - 1)
    assert report.overall.alpha == pytest.approx(coincidence_alpha(pooled))
    assert report.overall.units == 4 * len(report.questions)
    assert report.coders == ["alice", "bob", "carol"] and report.country_years == 4


def test_prevalence_note_and_undefined_alpha(coded: Path):
    """A question everyone answers 'no' has no alpha and a note saying why it misleads."""
    report = agreement(project=Project.find(coded))
    first = report.questions[0]
    assert first.alpha is None and first.percent == 1.0
    assert "100% of codings are 'no'" in first.note


def test_every_disagreement_is_listed(coded: Path):
    """Both 1990 and 1991 forum disagreements are listed with each coder's evidence."""
    report = agreement(project=Project.find(coded))
    listed = [(d.year, d.variable, [c.coder for c in d.codings]) for d in report.disagreements]
    assert listed == [
        (1990, "civmil_forum", ["alice", "bob", "carol"]),
        (1991, "civmil_forum", ["alice", "bob"]),
    ]
    coding = report.disagreements[0].codings[2]
    assert (coding.answer, coding.citations[0]["key"]) == ("no", "curtis1995")
    assert coding.evidence.startswith("carol on the Defence Council in 1990")


def test_cli_text_shows_codings_side_by_side(coded: Path, run_cli):
    """The text report puts the coders' answers on one line, in columns."""
    result = run_cli("agreement", project=coded)
    assert result.exit_code == 0
    assert any("alice: yes" in line and "bob: no" in line for line in result.output.splitlines())
    assert "civmil_forum" in result.output and "0.28" in result.output


def test_cli_json_equals_to_dict(coded: Path, run_cli):
    """--format json prints Report.to_dict()."""
    result = run_cli("agreement", "--format", "json", project=coded)
    assert json.loads(result.output) == agreement(project=Project.find(coded)).to_dict()


def test_min_alpha_sets_exit_status(coded: Path, run_cli):
    """--min-alpha above the overall alpha exits 1; below it exits 0."""
    alpha = agreement(project=Project.find(coded)).overall.alpha
    assert alpha is not None
    assert run_cli("agreement", "--min-alpha", f"{alpha + 0.01:.3f}", project=coded).exit_code == 1
    assert run_cli("agreement", "--min-alpha", f"{alpha - 0.01:.3f}", project=coded).exit_code == 0


def test_no_double_coding_without_threshold_passes(project: Path, make_observation, run_cli):
    """Without independent codings and without --min-alpha: exit 0 with a hint."""
    make_observation()
    result = run_cli("agreement", project=project)
    assert result.exit_code == 0 and "--independent" in result.output


def test_no_double_coding_fails_a_threshold(project: Path, make_observation, run_cli):
    """--min-alpha with nothing to compute fails: a threshold cannot pass on no data."""
    make_observation()
    result = run_cli("agreement", "--min-alpha", "0.8", project=project)
    assert result.exit_code == 1
    assert "no agreement could be computed: no country-year has two independent codings" in (
        result.output
    )


def test_reconciled_codings_exist(coded: Path):
    """The fixture's adjudicated file reconciles codings that exist, so check has no errors."""
    from cmr.checking import check

    run = check(project=Project.find(coded))
    assert run.result.errors == 0, [f.render() for f in run.result.findings]


@pytest.mark.parametrize("path", ["/etc", "codebook", "codebook/1.0.0.yaml", "..", ""])
def test_paths_outside_the_observation_folder_are_a_usage_error(project: Path, path: str) -> None:
    """`cmr agreement` reads codings only under observations/: any other path is one usage
    line (exit 2), and nothing there is read."""
    done = subprocess.run(
        [sys.executable, "-c", "from cmr.cli import main; main()", "agreement", path],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stdout + done.stderr
    assert done.stdout == "" and "is not in the observation folder" in done.stderr
