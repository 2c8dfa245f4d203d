"""`cmr refs`: the bibliography linted against the observations and codebooks citing it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import cmr_run, observation_data, write_observation

BIB = "observations/references.bib"
CURTIS = """\
@book{curtis1995,
  author = {Curtis, Glenn E.},
  title = {Armenia, Azerbaijan, and Georgia: Country Studies},
  publisher = {Library of Congress, Federal Research Division},
  year = {1995},
}
"""


def _bib(project: Path, *entries: str) -> None:
    (project / BIB).write_text(CURTIS + "".join(entries), encoding="utf-8")


def _cite(project: Path, key: str, variable: str = "coup_history") -> str:
    """Write AZE 1993 with `variable` citing `key`; `line:column` of the key's value."""
    data = observation_data(project)
    data["answers"][variable]["citations"] = [{"key": key, "pages": "12"}]
    path = write_observation(project, data)
    lines = path.read_text("utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if f"key: {key}" in text)
    return f"{line}:{lines[line - 1].index(key) + 1}"


def _findings(project: Path) -> tuple[int, list[str]]:
    done = cmr_run(project, "refs")
    return done.returncode, done.stdout.splitlines()[:-1]


def test_clean_bibliography(project):
    """Every entry cited and complete: no finding, exit 0."""
    write_observation(project, observation_data(project))
    assert _findings(project) == (0, [])


def test_unknown_key_at_the_citing_line(project):
    """A cited key the bibliography lacks is an error where the observation cites it."""
    where = _cite(project, "curtis1959")
    assert _findings(project) == (
        1,
        [
            f"observations/AZE/1993.yaml:{where}: error citation-unknown-key citation key "
            f"'curtis1959' is not in {BIB} (did you mean 'curtis1995'?)"
        ],
    )


def test_unmapped_footnote_key(project):
    """An imported memo's unmapped footnote is reported as such, at its key."""
    data = observation_data(project)
    data["answers"]["coup_history"]["citations"] = [{"key": "fn3", "footnote": 3}]
    write_observation(project, data)
    status, lines = _findings(project)
    assert status == 1
    assert [line.split(" ")[2] for line in lines] == ["citation-unresolved-footnote"]


def test_unused_entry_is_a_warning(project):
    """An entry nothing cites is a warning at its line; the exit status stays 0."""
    write_observation(project, observation_data(project))
    _bib(project, "\n@misc{spare, title = {Spare}}\n")
    assert _findings(project) == (
        0,
        [
            f"{BIB}:8:1: warning bib-entry-unused entry 'spare' is cited by no observation "
            "and no codebook"
        ],
    )


def test_codebook_keys_count_as_used(project):
    """`lineage.origin` and `concepts.*.sources` use entries; a missing one is located."""
    write_observation(project, observation_data(project))
    _bib(project, "@misc{origin2018, title = {Origin}}\n@misc{src1, title = {Source}}\n")
    codebook = project / "codebook" / "1.0.0.yaml"
    text = codebook.read_text("utf-8")
    codebook.write_text(
        text + "lineage:\n  origin: origin2018\nconcepts:\n  coup:\n    sources: [src1, nosuch]\n",
        encoding="utf-8",
    )
    line = len(text.splitlines()) + 5
    assert _findings(project) == (
        1,
        [
            f"codebook/1.0.0.yaml:{line}:21: error citation-unknown-key citation key 'nosuch' "
            f"is not in {BIB}"
        ],
    )


@pytest.mark.parametrize(
    ("entry", "missing"),
    [
        ("@article{a1, author = {A}, title = {T}, year = {2001}}", "journal or journaltitle"),
        ("@book{b1, title = {T}, publisher = {P}, date = {2001}}", "author or editor"),
        ("@incollection{c1, author = {A}, title = {T}, year = {2001}}", "booktitle, publisher"),
        ("@thesis{t1, author = {A}, title = {T}, institution = {U}, year = {2001}}", "type"),
        ("@online{o1, title = {T}, year = {2020}}", "author or editor, doi or eprint or url"),
    ],
)
def test_required_fields(project, entry, missing):
    """An entry missing a field its type requires is an error at the entry's line."""
    write_observation(project, observation_data(project))
    _bib(project, "\n" + entry + "\n")
    key = entry.split("{")[1].split(",")[0]
    kind = entry[1:].split("{")[0]
    status, lines = _findings(project)
    assert status == 1
    assert (
        f"{BIB}:8:1: error bib-field-missing @{kind}{{{key}}} lacks {missing}, "
        f"required for a @{kind} entry"
    ) in lines


def test_complete_entries_of_other_types(project):
    """Alternatives count (editor for author, date for year); misc requires nothing."""
    write_observation(project, observation_data(project))
    _bib(
        project,
        "@book{b2, editor = {E}, title = {T}, publisher = {P}, date = {2001}}\n"
        "@misc{m1, note = {only a note}}\n",
    )
    status, lines = _findings(project)
    assert (status, [line.split(" ")[2] for line in lines]) == (0, ["bib-entry-unused"] * 2)


def test_duplicate_keys(project):
    """A key defined twice is invalid; one differing only in case is an error too."""
    write_observation(project, observation_data(project))
    _bib(project, "@misc{Curtis1995, title = {Again}}\n@misc{Curtis1995, title = {Third}}\n")
    assert _findings(project) == (
        1,
        [
            f"{BIB}:7:1: error bib-key-case-duplicate key 'Curtis1995' differs only in case "
            "from 'curtis1995' (line 1)",
            f"{BIB}:7:1: warning bib-entry-unused entry 'Curtis1995' is cited by no observation "
            "and no codebook",
            f"{BIB}:8:1: error bibliography-invalid key 'Curtis1995' is defined twice",
        ],
    )


def test_dois_shared_and_malformed(project):
    """DOIs are compared without resolver prefix and case, at the `doi` field's line; a
    malformed one is an error."""
    write_observation(project, observation_data(project))
    _bib(
        project,
        "@misc{x1,\n  title = {X},\n  doi = {10.1000/ABC},\n}\n"
        "@misc{x2,\n  title = {Y},\n  doi = {https://doi.org/10.1000/abc},\n}\n"
        "@misc{x3,\n  title = {Z},\n  doi = {doi 10/abc},\n}\n",
    )
    status, lines = _findings(project)
    assert status == 1
    assert [line for line in lines if "bib-entry-unused" not in line] == [
        f"{BIB}:9:1: error bib-doi-duplicate DOI 10.1000/abc of 'x1' is also the DOI of 'x2' "
        "(line 11)",
        f"{BIB}:13:1: error bib-doi-duplicate DOI 10.1000/abc of 'x2' is also the DOI of 'x1' "
        "(line 7)",
        f"{BIB}:17:1: error bib-doi-malformed doi 'doi 10/abc' of 'x3' is not a DOI "
        "(10.<registrant>/<suffix>)",
    ]


@pytest.mark.parametrize("fmt", ["json", "github"])
def test_formats(project, fmt):
    """--format json and github print the same findings as the other commands do."""
    _cite(project, "nosuch")
    done = cmr_run(project, "refs", "--format", fmt)
    assert done.returncode == 1
    if fmt == "json":
        found = json.loads(done.stdout)["findings"]
        assert [f["code"] for f in found] == ["citation-unknown-key"]
    else:
        assert done.stdout.startswith("::error file=observations/AZE/1993.yaml,line=")


def test_missing_bibliography(project):
    """No bibliography is one finding and exit 1, not a traceback."""
    (project / BIB).unlink()
    assert _findings(project) == (
        1,
        [f"{BIB}:1:1: error bibliography-missing bibliography {BIB} not found"],
    )
