"""A small made-up codebook that declares every 1.2.0 section (lineage, concepts, units,
source tiers, events and event rules), and observations written for it."""

from __future__ import annotations

from pathlib import Path

import yaml

CODEBOOK = """\
codebook: toy-events
version: 0.3.0
status: draft
title: A made-up codebook with dated events
lineage:
  origin: origin2018
  summary: Two questions taken from the origin data set.
  differences: [Country-years instead of war outbreaks.]
concepts:
  coup:
    label: Coup
    definition: An illegal and overt attempt to unseat the sitting executive.
    sources: [powell2011]
    terms: {success: The perpetrators hold power for seven days.}
  regime:
    label: Regime
    definition: The rules and the group that decide who governs.
    sources: [origin2018]
units:
  country_year:
    label: Country-year
    description: A country at the end of the year.
    reference_date: "12-31"
  war_outbreak:
    label: War outbreak
    description: A state on the day a war it fought broke out.
    as_of: required
default_unit: country_year
source_tiers:
  - {code: primary, label: Primary, description: A primary document.}
  - {code: scholarly, label: Scholarly, description: Scholarly secondary work.}
events:
  precision: [day, month, year]
  types:
    - {code: coup_success, label: Coup, description: A coup that held power., concept: coup}
    - {code: coup_attempt, label: Failed coup, description: A coup that failed., concept: coup}
    - {code: regime_change, label: New regime, description: A new regime., concept: regime}
    - {code: purge, label: Purge, description: Officers removed.}
windows:
  last_5_years: {years: 5, label: Five years, description: Five years to the reference moment.}
scales:
  yes_no:
    label: Yes / No
    values:
      - {code: "yes", value: 1, label: "Yes", description: Holds.}
      - {code: "no", value: 0, label: "No", description: Does not hold.}
    missing:
      - {code: not_searched, label: Not searched, description: Not searched.}
questions:
  - id: T1
    variable: coup_recent
    label: Recent coup
    text: Was there a successful coup in the last five years?
    scale: yes_no
    window: last_5_years
    concepts: [coup]
    guidance: {summary: Count successful coups in the window.}
  - id: T2
    variable: coup_ever
    label: Coup ever
    text: Has the country ever experienced a successful coup?
    scale: yes_no
    concepts: [coup]
    guidance: {summary: Any successful coup up to the reference moment.}
  - id: T3
    variable: regime_coup
    label: Coup under the regime
    text: Has the current regime faced a coup attempt?
    scale: yes_no
    concepts: [coup, regime]
    guidance: {summary: Attempts since the current regime took power.}
rules:
  - code: recent-no-but-coup
    kind: event
    severity: error
    variable: coup_recent
    events: [coup_success]
    when: "no"
    expect: present
    message: >-
      {id} {variable} is {answer!r} but event {event} ({type}, {date}) lies in the window
      {low} to {high}
  - code: recent-yes-without-coup
    kind: event
    severity: warning
    variable: coup_recent
    events: [coup_success]
    when: ["yes"]
    expect: absent
    message: "{id} {variable} is {answer!r} but no {types} event lies in the window {low} to {high}"
  - code: ever-no-but-coup
    kind: event
    severity: error
    variable: coup_ever
    events: [coup_success]
    window: ever
    when: "no"
    expect: present
    message: "{id} {variable} is {answer!r} but event {event} ({type}, {date}) happened"
  - code: regime-no-but-attempt
    kind: event
    severity: error
    variable: regime_coup
    events: [coup_attempt, coup_success]
    window: regime
    regime_events: [regime_change]
    when: "no"
    expect: present
    message: >-
      {id} {variable} is {answer!r} but event {event} ({type}, {date}) falls in the regime
      spell from {low}
changes:
  - {version: 0.3.0, date: "2026-11-30", summary: Made up for the tests.}
"""

BIB = """\
@book{origin2018, author = {Origin, A.}, title = {Origin Data}, publisher = {P}, year = {2018}}
@article{powell2011, author = {Powell, J.}, title = {Coups}, journal = {J}, year = {2011}}
@book{curtis1995, author = {Curtis, G.}, title = {Country Studies}, publisher = {P}, year = {1995}}
"""


def events_project(tmp_path: Path, codebook: str = CODEBOOK, bib: str = BIB) -> Path:
    """A dataset project whose only codebook is `codebook`, with a small bibliography."""
    (tmp_path / "codebook").mkdir(parents=True)
    (tmp_path / "codebook" / "0.3.0.yaml").write_text(codebook, encoding="utf-8")
    (tmp_path / "observations").mkdir()
    (tmp_path / "observations" / "references.bib").write_text(bib, encoding="utf-8")
    return tmp_path


CITE = [{"key": "curtis1995", "pages": "12", "tier": "scholarly"}]


def event(
    id: str, date: str, type: str = "coup_success", precision: str | None = None, **extra: object
) -> dict[str, object]:
    """An event whose precision follows from how its date is written (unless given)."""
    shape = {4: "year", 7: "month", 10: "day"}
    return {
        "id": id,
        "date": date,
        "precision": precision or shape.get(len(date), "day"),
        "type": type,
        "actors": ["Army officers"],
        "outcome": "The president fled.",
        "citations": CITE,
        **extra,
    }


def write(
    project: Path,
    answers: dict[str, str] | None = None,
    events: list[dict[str, object]] | None = None,
    *,
    year: int = 1993,
    **fields: object,
) -> Path:
    """Write observations/AZE/<year>.yaml: every answer "no" unless `answers` says otherwise."""
    given = {"coup_recent": "no", "coup_ever": "no", "regime_coup": "no", **(answers or {})}
    data: dict[str, object] = {
        "codebook": "0.3.0",
        "country": "Azerbaijan",
        "iso3c": "AZE",
        "cown": 373,
        "year": year,
        "coder": "tester",
        "coded_on": "2026-11-01",
        **fields,
        "answers": {
            variable: {
                "answer": answer,
                "confidence": "medium",
                "evidence": f"The sources describe the years 1988 to {year} in detail.",
                "citations": CITE,
            }
            for variable, answer in given.items()
        },
    }
    if events is not None:
        data["events"] = events
    path = project / "observations" / "AZE" / f"{year}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def codes(output: str) -> list[str]:
    """The finding codes of `cmr check` text output, in order."""
    return [
        line.split()[2]
        for line in output.splitlines()
        if line.split()[1:2] in (["error"], ["warning"], ["info"])
    ]
