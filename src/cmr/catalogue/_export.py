"""Finding kinds of the export family: what stops or shapes `cmr export`."""

from __future__ import annotations

from cmr.catalogue._kind import Kind

_E, _W = "error", "warning"
_F = "export"

KINDS: list[Kind] = [
    Kind(
        "panel-duplicate-country-year",
        _E,
        "Country-year in the panel twice",
        "Two observation files outside independent-coding folders describe the same "
        "country-year; the panel holds one observation per country-year.",
        "{iso3c} {year} is also the panel observation in {other}",
        _F,
    ),
    Kind(
        "panel-not-adjudicated",
        _W,
        "Country-year not adjudicated",
        "A country-year has only independent codings (observations/<ISO3>/<year>/<coder>.yaml) "
        "and no adjudicated observations/<ISO3>/<year>.yaml, so the panel leaves it out.",
        "{iso3c} {year} has only independent codings ({coders}) and is left out of the panel",
        _F,
    ),
    Kind(
        "export-folder-foreign",
        _E,
        "Output folder is not a cmr export",
        "`cmr export` replaces its output folder as a whole, so it refuses a folder that is "
        "not empty and holds no datapackage.json written by cmr.",
        "{folder} is not empty and is not a previous cmr export; choose another --out or empty it",
        _F,
    ),
    Kind(
        "export-schema-failed",
        _E,
        "Panel breaks its schema",
        "A panel table failed the pandera schema generated from the codebook, so nothing was "
        "written. This points to a bug in cmr: please report it.",
        "{table}: {check} failed on {subject}: {cases}",
        _F,
    ),
]
