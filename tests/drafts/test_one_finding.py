"""One mistake, one finding: a wrong code is reported once, at its key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import cmr_run, make_project, observation_data, write_observation


@pytest.mark.parametrize(
    ("field", "value"),
    [("iso3c", "ARM"), ("iso3c", "aze"), ("iso3c", "AZ"), ("cown", 371)],
)
def test_wrong_code_is_one_finding_at_its_key(tmp_path: Path, field: str, value: object) -> None:
    """A wrong or malformed iso3c/cown gives one country-code-mismatch at that key, not also
    a path mismatch or a schema complaint."""
    project = make_project(tmp_path)
    data = observation_data(project)
    path = write_observation(project, data)
    data[field] = value
    path.write_text(
        path.read_text().replace(
            f"{field}: {observation_data(project)[field]}\n", f"{field}: {value}\n"
        )
    )
    done = cmr_run(project, "check", "--format", "json")
    found = [(f["code"], f["pointer"]) for f in json.loads(done.stdout)["findings"]]
    assert found == [("country-code-mismatch", field)]
