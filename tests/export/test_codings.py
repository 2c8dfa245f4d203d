"""The codings table: every coding with its coder, from which agreement can be recomputed."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
from support import observation_data, write_observation

from cmr.agreement import compute
from cmr.checking import check
from cmr.export import export, load_panel
from cmr.project import Project


def _double_coded(project: Path) -> None:
    for coder, differ in (("alice", 0), ("bob", 2)):
        data = observation_data(project, coder=coder, answer="no")
        for entry in list(data["answers"].values())[:differ]:  # bob says yes on the first two
            entry["answer"] = "yes"
        write_observation(project, data, f"AZE/1993/{coder}.yaml")
    write_observation(
        project, observation_data(project, coder="judge", reconciles=["alice", "bob"])
    )


def test_codings_hold_every_coder_and_the_panel_only_the_adjudicated(project: Path):
    """The panel has the adjudicated coding; codings.parquet has all three, flagged."""
    _double_coded(project)
    run = export(project / "dist", project=Project.find(project))
    assert run.result.success, [f.render() for f in run.result.findings]
    wide = load_panel(project / "dist")
    assert list(wide["coder"]) == ["judge"]
    codings = pq.read_table(project / "dist" / "codings.parquet").to_pandas()
    n = len(wide.filter(like="_conf").columns)
    assert len(codings) == 3 * n
    by_coder = codings.groupby("coder", observed=True)["independent"].first().to_dict()
    assert by_coder == {"alice": True, "bob": True, "judge": False}
    assert set(codings.loc[codings["coder"] == "judge", "reconciles"]) == {"alice; bob"}
    assert "evidence" not in codings.columns


def test_agreement_recomputed_from_codings_matches(project: Path):
    """Percent agreement from the codings table equals cmr's agreement report."""
    _double_coded(project)
    export(project / "dist", project=Project.find(project))
    codings = pq.read_table(project / "dist" / "codings.parquet").to_pandas()
    independent = codings[codings["independent"]]
    pairs = independent.pivot(index="variable", columns="coder", values="answer")
    observed = float((pairs["alice"] == pairs["bob"]).mean())
    n_questions = len(pairs)
    run = check(project=Project.find(project), keep=True)
    report = compute(run.observations("independent"))
    assert report.overall.percent == observed == (n_questions - 2) / n_questions
