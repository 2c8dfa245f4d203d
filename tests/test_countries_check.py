"""Countries in `cmr check`: a misspelled name gets a did-you-mean, a former state coded with
its successor's codes is a warning naming both."""

from __future__ import annotations

import json

import pytest
from support import cmr_run, make_project, observation_data, write_observation

import cmr.checking  # noqa: F401 - registers every check
from cmr.registry import check_of

pytestmark = pytest.mark.skipif(
    check_of("country-historical") is None,
    reason="the country check does not report country-historical yet (lead's observation.py)",
)


def _findings(project, *args):
    done = cmr_run(project, "check", "--format", "json", *args)
    return done.returncode, json.loads(done.stdout)["findings"]


@pytest.mark.parametrize("typed", ["Soviet Union", "USSR"])
def test_former_state_is_a_warning_naming_both(tmp_path, typed):
    """An observation of the Soviet Union under Russia's codes passes with one warning that
    names the former state and the successor whose codes it uses."""
    project = make_project(tmp_path)
    data = observation_data(project, iso3c="RUS", year=1985, country=typed, cown=365)
    write_observation(project, data)
    code, findings = _findings(project)
    assert code == 0
    [warning] = [f for f in findings if f["code"] == "country-historical"]
    assert warning["severity"] == "warning" and warning["line"] == 2
    assert typed in warning["message"] and "Russia (RUS, COW 365)" in warning["message"]
    assert [f["code"] for f in findings if f["file"].endswith("1985.yaml")] == [
        "country-historical"
    ]


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("Azerbajan", "did you mean 'Azerbaijan', AZE?"),
        ("Czechoslovakia", "no ISO3 code"),
    ],
)
def test_unknown_country_says_what_was_meant(tmp_path, typed, said):
    """A misspelled country suggests the country meant; a state without an ISO3 code says so."""
    project = make_project(tmp_path)
    write_observation(project, observation_data(project, country=typed))
    code, findings = _findings(project)
    assert code == 1
    [unknown] = [f for f in findings if f["code"] == "country-unknown"]
    assert said in unknown["message"]


@pytest.mark.parametrize(
    ("year", "cown", "ok"), [(1980, 260, True), (1980, 255, True), (1995, 260, False)]
)
def test_cown_in_force_on_the_date_is_accepted(tmp_path, year, cown, ok):
    """Germany's COW code may be the one in force in the observation's year (260, West Germany,
    before 1990) or countrycode's (255); 260 after unification is a located mismatch naming 255."""
    project = make_project(tmp_path)
    data = observation_data(project, iso3c="DEU", year=year, country="Germany", cown=cown)
    write_observation(project, data)
    _, findings = _findings(project)
    wrong = [f for f in findings if f["code"] == "country-code-mismatch"]
    assert (wrong == []) is ok
    if not ok:
        assert wrong[0]["pointer"] == "cown" and "255" in wrong[0]["message"]


def test_new_writes_the_cown_in_force(tmp_path):
    """`cmr new DEU 1980` writes West Germany's COW code 260, `cmr new DEU 1995` writes 255."""
    project = make_project(tmp_path)
    for year, code in ((1980, 260), (1995, 255)):
        assert cmr_run(project, "new", "DEU", str(year), "--coder", "x").returncode == 0
        text = (project / "observations" / "DEU" / f"{year}.yaml").read_text(encoding="utf-8")
        assert f"\ncown: {code}\n" in text
