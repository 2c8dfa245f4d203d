"""datapackage.json: a valid Frictionless Data Package generated from the codebook."""

from __future__ import annotations

import json
from pathlib import Path

from cmr.codebook import Codebooks


def test_frictionless_validate_passes(exported: Path) -> None:
    """`frictionless validate datapackage.json` finds no error (types, keys, foreign keys)."""
    import frictionless

    report = frictionless.validate(str(exported / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])


def test_package_describes_tables_from_the_codebook(exported: Path, panel_project: Path) -> None:
    """Fields carry question texts and enums; keys and foreign keys are declared."""
    book = Codebooks(panel_project / "codebook").latest
    package = json.loads((exported / "datapackage.json").read_text(encoding="utf-8"))
    assert package["version"] == "0.0.0+unversioned"
    assert package["cmr"]["codebook_version"] == book.version
    resources = {r["name"]: r for r in package["resources"]}
    assert set(resources) == {
        "panel_long",
        "panel_wide",
        "codebook",
        "sources",
        "citations",
        "codings",
    }
    wide = {f["name"]: f for f in resources["panel_wide"]["schema"]["fields"]}
    first = book.questions[0]
    assert wide[first.variable]["description"] == first.text
    assert wide[first.variable]["constraints"]["enum"] == sorted(
        v.value for v in first.scale.values
    )
    long = {f["name"]: f for f in resources["panel_long"]["schema"]["fields"]}
    assert long["answer"]["constraints"]["enum"] == list(first.scale.codes)
    assert resources["panel_long"]["schema"]["primaryKey"] == ["iso3c", "year", "variable"]
    foreign = resources["citations"]["schema"]["foreignKeys"]
    assert {"fields": "key", "reference": {"resource": "sources", "fields": "key"}} in foreign


def test_invalid_csv_is_caught_by_frictionless(exported: Path) -> None:
    """The package's constraints have teeth: an answer off the scale fails validation."""
    import frictionless

    path = exported / "panel_long.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"unknown"', '"perhaps"', 1), encoding="utf-8")
    package = json.loads((exported / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        resource.pop("hash"), resource.pop("bytes")
    (exported / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    report = frictionless.validate(str(exported / "datapackage.json"))
    assert not report.valid
    assert "constraint-error" in {t for (t,) in report.flatten(["type"])}
