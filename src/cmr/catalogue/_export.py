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
        "Output folder holds files cmr did not write",
        "`cmr export` replaces its output folder, deleting only the files a previous export "
        "listed in its manifest, so it refuses an output that is a file or a folder holding "
        "anything else. An empty or missing folder is fine.",
        "{stranger}{more} was not written by cmr export, and cmr never deletes what it did not "
        "write; move it out of {folder} or choose another --out",
        _F,
    ),
    Kind(
        "export-partial",
        _W,
        "Partial panel",
        "`cmr export --allow-partial` left observation files with errors out of the panel; "
        "datapackage.json says so (`cmr.partial`, `cmr.excluded`).",
        "{count} observation file(s) with errors left out of the panel: {files}",
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
