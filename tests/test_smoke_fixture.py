"""The shared fixtures produce a dataset that passes `cmr check`."""

from cmr.checking import check
from cmr.project import Project


def test_fixture_observation_passes(project, make_observation):
    """A freshly made observation has no findings."""
    make_observation()
    run = check(project=Project.find(project))
    assert run.result.flatten(("code", "file")) == []
    assert run.result.files == 1
