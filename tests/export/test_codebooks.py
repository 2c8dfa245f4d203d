"""Everything comes from the codebook: another codebook, or several versions, need no code."""

from __future__ import annotations

import json
import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pyreadstat
from support import REPO, observation_data, write_observation

from cmr.export import load_panel

POLICE = textwrap.dedent(
    """\
    codebook: police-reform
    version: 2.1.0
    status: draft
    title: Police reform pilot
    confidence:
      - {code: unsure, label: Unsure, description: A guess.}
      - {code: sure, label: Sure, description: Well documented.}
    scales:
      three_point:
        label: None / partial / full
        values:
          - {code: none, value: 0, label: None, description: Nothing of the kind.}
          - {code: partial, value: 1, label: Partial, description: Some of it.}
          - {code: full, value: 2, label: Full, description: All of it.}
        missing:
          - {code: no_data, label: No data, description: Nothing found.}
          - {code: secret, label: Classified, description: Sources are classified.}
    questions:
      - {id: P1, variable: oversight, label: Civilian oversight body, scale: three_point,
         text: "Does a civilian body with binding powers oversee the police, its budget, its
           appointments and its internal discipline in the country?",
         guidance: {summary: Oversight by a body outside the police.}}
      - {id: P2, variable: vetting, label: Vetting, text: Are officers vetted?,
         scale: three_point, guidance: {summary: Background checks.}}
      - {id: P3, variable: complaints, label: Complaints, text: Can citizens complain?,
         scale: three_point, guidance: {summary: A public procedure.}}
      - {id: P4, variable: cameras, label: Body cameras, text: Do officers wear cameras?,
         scale: three_point, guidance: {summary: Regular patrol use.}}
    changes:
      - {version: 2.1.0, date: "2026-11-22", summary: Pilot.}
    """
)
ANSWERS = {"oversight": "full", "vetting": "partial", "complaints": "secret", "cameras": "none"}


def police_project(root: Path) -> Path:
    (root / "codebook").mkdir(parents=True)
    (root / "codebook" / "2.1.0.yaml").write_text(POLICE, encoding="utf-8")
    (root / "observations").mkdir()
    (root / "observations" / "references.bib").write_text(
        "@misc{report2020, title = {Annual report}, year = {2020}}\n", encoding="utf-8"
    )
    for iso3c, name, cown in (("CHL", "Chile", 155), ("PER", "Peru", 135)):
        data = observation_data(root, iso3c=iso3c, country=name, cown=cown, year=2020)
        for variable, answer in ANSWERS.items():
            data["answers"][variable].update(
                answer=answer, confidence="sure", citations=[{"key": "report2020", "pages": 4}]
            )
        write_observation(root, data)
    return root


def test_second_codebook_exports_without_code_changes(
    tmp_path: Path, export_to: Callable[..., Any]
) -> None:
    """A 4-question codebook with a 3-point scale and two missing codes exports in full."""
    root = police_project(tmp_path / "police")
    run = export_to(root)
    assert run.result.success, [f.render() for f in run.result.findings]
    wide = load_panel(run.out)
    suffixes = ("", "_missing", "_conf", "_nsrc")
    assert list(wide.columns[9:]) == [f"{v}{s}" for v in ANSWERS for s in suffixes]
    assert list(wide["oversight"]) == [2, 2] and wide["complaints"].isna().all()
    assert list(wide["complaints_missing"].astype(str)) == ["secret", "secret"]
    assert list(wide["complaints_missing"].cat.categories) == ["no_data", "secret"]
    assert list(wide["vetting_conf"].cat.categories) == ["unsure", "sure"]
    long = load_panel(run.out, "long")
    assert list(long["answer"].cat.categories) == ["none", "partial", "full", "no_data", "secret"]
    frame, meta = pyreadstat.read_dta(run.out / "panel_wide.dta", user_missing=True)
    assert list(frame["complaints"]) == ["b", "b"]
    complaints: dict[Any, str] = meta.variable_value_labels["complaints"]
    assert complaints["b"] == "Classified"
    assert meta.variable_value_labels["oversight"][2] == "Full"
    labels = dict(zip(meta.column_names, meta.column_labels, strict=True))
    assert len(str(labels["oversight"])) <= 80
    package = json.loads((run.out / "datapackage.json").read_text(encoding="utf-8"))
    assert package["name"] == "police-reform"


def test_several_codebook_versions_share_columns(
    panel_project: Path, export_to: Callable[..., Any]
) -> None:
    """Observations coded under different versions meet in one panel, matched by variable;
    codebook.csv lists each version's questions."""
    versions = sorted(p.stem for p in (panel_project / "codebook").glob("*.yaml"))
    if len(versions) < 2:
        shutil.copy(
            REPO / "codebook" / f"{versions[0]}.yaml", panel_project / "codebook" / "0.9.0.yaml"
        )
        text = (panel_project / "codebook" / "0.9.0.yaml").read_text(encoding="utf-8")
        (panel_project / "codebook" / "0.9.0.yaml").write_text(
            text.replace(f"version: {versions[0]}", "version: 0.9.0"), encoding="utf-8"
        )
        versions = ["0.9.0", *versions]
    old = observation_data(panel_project, iso3c="AZE", year=1980, codebook=versions[0])
    write_observation(panel_project, old)
    run = export_to(panel_project)
    assert run.result.success, [f.render() for f in run.result.findings]
    wide = load_panel(run.out)
    assert set(wide["codebook_version"].astype(str)) == {versions[0], versions[-1]}
    codebook = pd.read_csv(run.out / "codebook.csv", dtype=str)
    assert set(codebook["codebook_version"]) == {versions[0], versions[-1]}
    package = json.loads((run.out / "datapackage.json").read_text(encoding="utf-8"))
    assert package["cmr"]["codebook_versions"] == [versions[0], versions[-1]]
