"""datapackage.json: a valid Frictionless Data Package generated from the codebook."""

from __future__ import annotations

import hashlib
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
        "panel_long_parquet",
        "panel_wide_parquet",
        "codings_parquet",
        "panel_wide_dta",
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


def test_package_describes_every_file_and_nothing_else(exported: Path) -> None:
    """The resources name exactly the files in the folder (datapackage.json aside), each with
    its true size and sha256, and the Parquet and Stata files their format and media type."""
    package = json.loads((exported / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["path"]: r for r in package["resources"]}
    on_disk = {p.name for p in exported.iterdir()} - {"datapackage.json"}
    assert set(resources) == on_disk
    for path, resource in resources.items():
        data = (exported / path).read_bytes()
        assert resource["bytes"] == len(data)
        assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
    wide = resources["panel_wide.parquet"]
    assert (wide["format"], wide["mediatype"]) == ("parquet", "application/vnd.apache.parquet")
    assert (resources["panel_wide.dta"]["format"], resources["panel_wide.dta"]["mediatype"]) == (
        "dta",
        "application/x-stata-dta",
    )


def test_parquet_and_stata_resources_carry_their_schema(exported: Path) -> None:
    """The Parquet resource lists the file's columns in order; the Stata resource its columns
    (no `_missing` companions: Stata keeps the codes as extended missing values)."""
    import pyarrow.parquet as pq
    import pyreadstat

    package = json.loads((exported / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["path"]: r for r in package["resources"]}
    for name in ("panel_long.parquet", "panel_wide.parquet", "codings.parquet"):
        fields = [f["name"] for f in resources[name]["schema"]["fields"]]
        assert fields == pq.read_schema(exported / name).names, name
    _, meta = pyreadstat.read_dta(str(exported / "panel_wide.dta"), metadataonly=True)
    fields = resources["panel_wide.dta"]["schema"]["fields"]
    assert [f["name"] for f in fields] == meta.column_names
    assert not any(f["name"].endswith("_missing") for f in fields)


def test_frictionless_catches_a_changed_parquet_file(exported: Path) -> None:
    """A Parquet file changed after the export fails validation by its hash."""
    import frictionless

    path = exported / "panel_wide.parquet"
    path.write_bytes(path.read_bytes() + b"\0")
    report = frictionless.validate(str(exported / "datapackage.json"))
    assert not report.valid
    assert {"hash-count", "byte-count"} & {t for (t,) in report.flatten(["type"])}


def test_fields_carry_their_labels_as_categories(exported: Path, panel_project: Path) -> None:
    """Answer, confidence, missing-code and value fields list each code with the codebook's
    label (Data Package v2 `categories`), confidence in order."""
    book = Codebooks(panel_project / "codebook").latest
    first = book.questions[0]
    package = json.loads((exported / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in package["resources"]}
    long = {f["name"]: f for f in resources["panel_long"]["schema"]["fields"]}
    wide = {f["name"]: f for f in resources["panel_wide"]["schema"]["fields"]}
    scale = [*first.scale.values, *first.scale.missing]
    assert long["answer"]["categories"] == [{"value": x.code, "label": x.label} for x in scale]
    assert [c["value"] for c in long["confidence"]["categories"]] == list(book.confidence)
    assert long["confidence"]["categoriesOrdered"] is True
    assert wide[first.variable]["categories"] == [
        {"value": v.value, "label": v.label} for v in first.scale.values
    ]
    assert wide[f"{first.variable}_missing"]["categories"] == [
        {"value": m.code, "label": m.label} for m in first.scale.missing
    ]
