"""The dataset's mapping of a source's categories to event types, and country codes."""

from __future__ import annotations

import pytest
from crosscheck_support import SETTINGS, aze_project, kinds, pt_file, report
from support import cmr_run

from cmr.codebook import Codebooks
from cmr.crosscheck._countries import codes_of
from cmr.crosscheck._settings import mapping_for
from cmr.crosscheck._sources import SOURCES
from cmr.settings import SettingsError

BOOK = Codebooks(aze_project.__globals__["REPO"] / "codebook").latest


@pytest.mark.parametrize(
    ("settings", "said"),
    [
        ("", "no [crosscheck.powell-thyne] table"),
        ('[crosscheck.powell-thyne]\nsucessful = "coup_successful"\n', "did you mean 'successful'"),
        ('[crosscheck.powell-thyne]\nsuccessful = "coup"\n', "not an event type of codebook 1.2.0"),
        ('[crosscheck.powell-thyne]\nsuccessful = "coup_successful"\ncodes = 3\n', "codes"),
    ],
)
def test_unusable_settings_are_one_line_and_exit_2(tmp_path, settings: str, said: str) -> None:
    """A missing table, a misspelt category, an unknown event type, bad codes: exit 2."""
    project = aze_project(tmp_path, settings)
    done = cmr_run(project, "crosscheck", "powell-thyne", str(pt_file(tmp_path)))
    assert done.returncode == 2, done.stdout
    assert len(done.stderr.splitlines()) == 1 and said in done.stderr, done.stderr


def test_mapping_reads_categories_codes_and_tolerance() -> None:
    """Mapped categories, extra codes by ISO3 and the date tolerance are read as given."""
    config = {
        "crosscheck": {
            "cline": {
                "realized": "coup_successful",
                "codes": {"SRB": [345, 340]},
                "tolerance_days": 3,
            }
        }
    }
    mapping = mapping_for(config, SOURCES["cline"], BOOK)
    assert mapping.types == {"realized": "coup_successful"}
    assert (mapping.codes, mapping.tolerance_days) == ({"SRB": (340, 345)}, 3)
    with pytest.raises(SettingsError, match="tolerance_days"):
        mapping_for(
            {"crosscheck": {"cline": {"realized": "coup_successful", "tolerance_days": -1}}},
            SOURCES["cline"],
            BOOK,
        )


def test_gw_and_cow_codes_differ_on_purpose() -> None:
    """Germany is 255 in Correlates of War and 260 in Gleditsch & Ward: each list is matched
    in its own system; Yemen has no Gleditsch & Ward code in the country table, so it is
    matched only through the settings' codes, which win over both."""
    config = {
        "crosscheck": {
            "powell-thyne": {"successful": "coup_successful"},
            "cline": {"realized": "coup_successful"},
        }
    }
    pt = mapping_for(config, SOURCES["powell-thyne"], BOOK)
    cline = mapping_for(config, SOURCES["cline"], BOOK)
    germany, yemen = {"iso3c": "DEU", "cown": 255}, {"iso3c": "YEM", "cown": 679}
    assert (codes_of(germany, pt), codes_of(germany, cline)) == ((260,), (255,))
    assert (codes_of(yemen, pt), codes_of(yemen, cline)) == ((), (679,))
    config["crosscheck"]["powell-thyne"]["codes"] = {"YEM": [678, 680]}
    assert codes_of(yemen, mapping_for(config, SOURCES["powell-thyne"], BOOK)) == (678, 680)


def test_codes_in_the_settings_match_a_state_numbered_otherwise(tmp_path, run_cli) -> None:
    """A row under a code the country table does not give AZE is matched only when the
    settings list that code for AZE."""
    row = "Azerbaijan 999 1993 6 4 2"
    plain = aze_project(tmp_path / "plain")
    coded = aze_project(
        tmp_path / "coded",
        SETTINGS.replace(
            'failed = "coup_attempt_failed"\n',
            'failed = "coup_attempt_failed"\ncodes = { AZE = [999] }\n',
        ),
    )
    args = ("crosscheck", "powell-thyne", str(pt_file(tmp_path, row)), "--format", "json")
    unmatched = kinds(report(run_cli(*args, project=plain)), "1993.yaml")
    matched = kinds(report(run_cli(*args, project=coded)), "1993.yaml")
    assert ("disagree", "events.6.type", "") in unmatched
    assert ("agree", "events.6.type", "1993-06-04") in matched


def test_the_command_offers_every_source() -> None:
    """`cmr crosscheck SOURCE` accepts exactly the sources the library reads."""
    from cmr.cli._crosscheck import SOURCE_NAMES

    assert sorted(SOURCE_NAMES) == sorted(SOURCES)
