"""`cmr site` without a browser: what it writes, what it refuses, and its exit statuses."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from site_support import RELEASE_FILES, release, synthetic
from support import REPO, cmr_run, observation_data, write_observation


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The synthetic dataset (read only: tests that change it copy it)."""
    return synthetic(tmp_path_factory.mktemp("site") / "data")


@pytest.fixture(scope="module")
def built(dataset: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The synthetic dataset's site, built once with its release."""
    out = tmp_path_factory.mktemp("built") / "site"
    rel = release(tmp_path_factory.mktemp("rel") / "cmr-dataset-2.1.0")
    done = cmr_run(dataset, "site", "--out", str(out), "--release", str(rel))
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def _copy(dataset: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(dataset, tmp_path / "data"))


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_builds_every_page_and_lists_them_in_its_manifest(built: Path) -> None:
    """One page per country and country-year, the fixed pages, and a manifest of them all."""
    names = set(_files(built))
    for page in ("index", "codebook", "coverage", "downloads", "cite", "changelog", "search",
                 "codebook-1.0.0", "codebook-1.1.0"):  # fmt: skip
        assert f"{page}.html" in names
    years = {"AZE-1989", "AZE-1990", "AZE-1991", "AZE-1992", "AZE-1993", "ARM-1993"}
    assert {f"{y}.html" for y in years} | {"AZE.html", "ARM.html"} <= names
    listed = json.loads((built / "cmr-site.json").read_text())["cmr"]["manifest"]
    assert set(listed) == names - {"cmr-site.json"}


def test_same_data_gives_byte_identical_sites(dataset: Path, built: Path, tmp_path: Path) -> None:
    """Building again, elsewhere, gives the same bytes in every file."""
    rel = release(tmp_path / "cmr-dataset-2.1.0")
    done = cmr_run(dataset, "site", "--out", str(tmp_path / "again"), "--release", str(rel))
    assert done.returncode == 0, done.stderr
    assert _files(tmp_path / "again") == _files(built)


def test_rebuild_replaces_its_own_site(dataset: Path, tmp_path: Path) -> None:
    """A second build into the same folder replaces the first and leaves nothing beside it."""
    out = tmp_path / "site"
    assert cmr_run(dataset, "site", "--out", str(out)).returncode == 0
    (out / "AZE-1990.html").write_text("stale", encoding="utf-8")
    (out / "cmr-site.json").write_text((out / "cmr-site.json").read_text())  # still cmr's
    done = cmr_run(dataset, "site", "--out", str(out))
    assert done.returncode == 0, done.stdout
    assert "stale" not in (out / "AZE-1990.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_refuses_a_folder_holding_foreign_files(dataset: Path, tmp_path: Path) -> None:
    """A file cmr did not write is a located finding, exit 1, and stays untouched."""
    out = tmp_path / "site"
    assert cmr_run(dataset, "site", "--out", str(out)).returncode == 0
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    done = cmr_run(dataset, "site", "--out", str(out))
    assert done.returncode == 1
    assert "notes.txt:1:1: error site-folder-foreign" in done.stdout
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_refuses_a_changed_page(dataset: Path, tmp_path: Path) -> None:
    """A folder of someone else's pages (no manifest) is never replaced."""
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("<p>my own site</p>", encoding="utf-8")
    done = cmr_run(dataset, "site", "--out", str(out))
    assert done.returncode == 1 and "site-folder-foreign" in done.stdout
    assert (out / "index.html").read_text(encoding="utf-8") == "<p>my own site</p>"


def test_an_error_in_a_final_observation_stops_it(dataset: Path, tmp_path: Path) -> None:
    """A final file with an error: exit 1, the finding located, nothing written."""
    root = _copy(dataset, tmp_path)
    broken = observation_data(root, year=1994)  # codebook 1.2.0 without tiers: errors
    write_observation(root, broken)
    done = cmr_run(root, "site", "--out", str(tmp_path / "site"))
    assert done.returncode == 1
    assert "observations/AZE/1994.yaml:" in done.stdout and "error field-missing" in done.stdout
    assert not (tmp_path / "site").exists()


def test_a_draft_with_errors_is_shown_marked(dataset: Path, tmp_path: Path) -> None:
    """Errors in a draft do not stop the site; its page says it is a draft."""
    root = _copy(dataset, tmp_path)
    draft = observation_data(root, year=1995, status="draft")  # errors: no tiers
    write_observation(root, draft)
    done = cmr_run(root, "site", "--out", str(tmp_path / "site"))
    assert done.returncode == 0, done.stdout
    page = (tmp_path / "site" / "AZE-1995.html").read_text(encoding="utf-8")
    assert "<strong>Draft.</strong>" in page


def test_usage_problems_are_one_line_and_exit_2(dataset: Path, tmp_path: Path) -> None:
    """A file as --out, --out among the observations, a folder that is no release: exit 2."""
    (tmp_path / "file").write_text("x", encoding="utf-8")
    cases = [
        ("--out", str(tmp_path / "file")),
        ("--out", str(dataset / "observations" / "site")),
        ("--out", str(tmp_path / "s"), "--release", str(tmp_path)),
        ("--out", str(tmp_path / "s"), "--release", str(tmp_path / "nowhere")),
        ("--out", ""),
    ]
    for args in cases:
        done = cmr_run(dataset, "site", *args)
        assert done.returncode == 2, (args, done.stdout, done.stderr)
        assert len(done.stderr.strip().splitlines()) == 1 and done.stdout == "", args
    assert not (tmp_path / "s").exists()


def test_a_bad_site_setting_is_a_usage_error(dataset: Path, tmp_path: Path) -> None:
    """An unknown key of [site] in the settings is named on one line, exit 2."""
    root = _copy(dataset, tmp_path)
    (root / "cmr.toml").write_text('[site]\ncolour = "red"\n', encoding="utf-8")
    done = cmr_run(root, "site", "--out", str(tmp_path / "site"))
    assert done.returncode == 2 and "site.colour" in done.stderr


def test_release_files_are_offered_with_size_and_checksum(built: Path) -> None:
    """Each release file is copied under downloads/ and listed with its size and sha256."""
    import hashlib

    page = (built / "downloads.html").read_text(encoding="utf-8")
    for name, data in RELEASE_FILES.items():
        assert (built / "downloads" / name).read_bytes() == data
        assert hashlib.sha256(data).hexdigest() in page
        assert f"{len(data)} bytes" in page
    assert (built / "downloads" / "SHA256SUMS").read_bytes().count(b"\n") == len(RELEASE_FILES)
    assert "dataset 2.1.0" in page


def test_a_release_file_that_changed_stops_it(dataset: Path, tmp_path: Path) -> None:
    """A release file that no longer matches SHA256SUMS: exit 1, the line located."""
    rel = release(tmp_path / "cmr-dataset-2.1.0")
    (rel / "README.txt").write_text("changed\n", encoding="utf-8")
    done = cmr_run(dataset, "site", "--out", str(tmp_path / "site"), "--release", str(rel))
    assert done.returncode == 1
    assert "SHA256SUMS:1:1: error site-release-checksum README.txt" in done.stdout
    assert not (tmp_path / "site").exists()


def test_downloads_page_without_a_release_says_how_to_make_one(
    dataset: Path, tmp_path: Path
) -> None:
    """No --release: the downloads page names the commands that make one."""
    assert cmr_run(dataset, "site", "--out", str(tmp_path / "s")).returncode == 0
    page = (tmp_path / "s" / "downloads.html").read_text(encoding="utf-8")
    assert "cmr release" in page and "--release dist/cmr-dataset-VERSION/" in page


def test_country_year_page_shows_answers_others_and_marks(built: Path) -> None:
    """The adjudicated answer, each independent coder's answer, and the draft's marks."""
    page = (built / "AZE-1993.html").read_text(encoding="utf-8")
    assert "Searched, not found" in page and ">bob<" in page and ">ann<" in page
    assert page.count("differs from the adjudicated answer") == 1
    assert 'id="event-purge-1993"' in page
    draft = (built / "AZE-1992.html").read_text(encoding="utf-8")
    assert "Carried forward from 1991" in draft and "Not answered yet." in draft
    only = (built / "ARM-1993.html").read_text(encoding="utf-8")
    assert "Not adjudicated." in only


def test_citations_are_full_references_with_pages_and_doi(built: Path) -> None:
    """A citation links to its full reference, with pages, quote, and the DOI as a link."""
    page = (built / "AZE-1991.html").read_text(encoding="utf-8")
    assert '<a href="#ref-narang2018">Narang and Talmadge 2018</a>, 1380' in page
    assert '<li id="ref-narang2018">' in page
    assert 'href="https://doi.org/10.1177/0022002716684627"' in page
    assert '<blockquote dir="auto">a former colonel</blockquote>' in page


def test_changelog_shows_dataset_and_codebook_changes(built: Path) -> None:
    """CHANGELOG.md is shown (escaped) beside each codebook version's changes."""
    page = (built / "changelog.html").read_text(encoding="utf-8")
    assert "<code>AZE</code> 1993, adjudicated." in page
    assert "&lt;b&gt;bold&lt;/b&gt;" in page and "<b>bold</b>" not in page
    for version in ("1.0.0", "1.1.0", "1.2.0"):
        assert f'id="codebook-{version}"' in page


def test_search_index_holds_questions_countries_and_evidence(built: Path) -> None:
    """The index is two plain scripts: the page's entries, and the evidence of every answer."""
    script = (built / "search-index.js").read_text(encoding="utf-8")
    assert script.startswith("window.CMR_SEARCH_INDEX = [")
    assert '["country", "Armenia", "ARM.html"' in script
    assert '"codebook.html#regime_from_coup"' in script
    evidence = (built / "search-evidence.js").read_text(encoding="utf-8")
    assert evidence.startswith("window.CMR_SEARCH_EVIDENCE = [")
    assert "Quartermaine Vexley" in evidence and "Quartermaine" not in script


def test_the_repository_site_builds(tmp_path: Path) -> None:
    """The repository's own data builds, with a page per coded country-year."""
    done = cmr_run(REPO, "site", "--out", str(tmp_path / "site"))
    assert done.returncode == 0, done.stdout + done.stderr
    coded = sorted(p.stem for p in (REPO / "observations" / "AZE").glob("*.yaml"))
    for year in coded:
        assert (tmp_path / "site" / f"AZE-{year}.html").is_file()


MEMBERS = (
    "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version\n"
    "ARM,371,Armenia,{start},1,1,2016,12,31,2016\n"
    "AZE,373,Azerbaijan,{start},1,1,2016,12,31,2016\n"
    "GMY,255,Germany,1816,1,1,2016,12,31,2016\n"
)


def _with_universe(dataset: Path, tmp_path: Path, start: int) -> Path:
    """A copy of the dataset declaring a COW universe 1990-1994 whose members (test data,
    not the real list) join in `start`."""
    root = _copy(dataset, tmp_path)
    (root / "data").mkdir()
    (root / "data" / "states.csv").write_text(MEMBERS.format(start=start), encoding="utf-8")
    (root / "cmr.toml").write_text(
        'dataset_version = "2.1.0"\n[universe]\nsystem = "cow"\nstates = "data/states.csv"\n'
        "first = 1990\nlast = 1994\n",
        encoding="utf-8",
    )
    return root


def test_coverage_page_lists_missing_cases_of_the_universe(dataset: Path, tmp_path: Path) -> None:
    """With a declared universe, the coverage page gives each country's missing years."""
    root = _with_universe(dataset, tmp_path, 1980)
    (root / "cmr.toml").write_text(
        (root / "cmr.toml").read_text(encoding="utf-8") + 'countries = ["ARM", "AZE"]\n',
        encoding="utf-8",
    )
    done = cmr_run(root, "site", "--out", str(tmp_path / "site"))
    assert done.returncode == 0, done.stdout + done.stderr
    page = (tmp_path / "site" / "coverage.html").read_text(encoding="utf-8")
    assert "<strong>10</strong> cases" in page
    assert '<span class="muted">(ARM)</span></th><td>1990–1992, 1994</td>' in page
    assert '<span class="muted">(AZE)</span></th><td>1994</td>' in page


def test_an_observation_outside_the_membership_stops_it(dataset: Path, tmp_path: Path) -> None:
    """An observation of a state that was not a member that year is an error: exit 1."""
    root = _with_universe(dataset, tmp_path, 1991)
    done = cmr_run(root, "site", "--out", str(tmp_path / "site"))
    assert done.returncode == 1
    assert "observations/AZE/1990.yaml" in done.stdout and " error coverage-" in done.stdout
    assert not (tmp_path / "site").exists()


def test_cite_page_gives_the_release_version_and_says_what_is_missing(built: Path) -> None:
    """The citation names the release's version; a format the dataset cannot give says why."""
    page = (built / "cite.html").read_text(encoding="utf-8")
    assert "(Version 2.1.0) [Data set]" in page
    assert '<h2 id="cite-bibtex">BibTeX</h2>' in page
    assert "Not available for this dataset: no authors" in page


def test_a_malformed_draft_is_placed_by_its_path(dataset: Path, tmp_path: Path) -> None:
    """A draft whose fields are missing or of the wrong shape gets its page, where it lies."""
    root = _copy(dataset, tmp_path)
    (root / "observations" / "AZE" / "1996.yaml").write_text(
        "codebook: 1.2.0\nstatus: draft\nanswers: [1, 2]\nevents: [1, {id: x}]\n",
        encoding="utf-8",
    )
    done = cmr_run(root, "site", "--out", str(tmp_path / "site"))
    assert done.returncode == 0, done.stdout + done.stderr
    page = (tmp_path / "site" / "AZE-1996.html").read_text(encoding="utf-8")
    assert "<strong>Draft.</strong>" in page and page.count("Not answered yet.") == 16
    assert sorted(p.name for p in (tmp_path / "site").glob(".*")) == []


def test_leftovers_of_an_interrupted_build_go_and_foreign_folders_stay(
    dataset: Path, tmp_path: Path
) -> None:
    """A marked staging folder an interrupted build left beside the site is removed by the
    next build; a folder of the same name pattern that cmr cannot prove is its own stays."""
    out = tmp_path / "site"
    left = tmp_path / ".site.cmr-stage-abcd1234"
    (left / "downloads").mkdir(parents=True)
    (left / ".cmr-staging").write_text("unfinished", encoding="utf-8")
    (left / "index.html").write_text("half", encoding="utf-8")
    (left / "downloads" / "panel.csv").write_text("half", encoding="utf-8")
    other = tmp_path / ".site.cmr-stage-wxyz6789"
    other.mkdir()
    (other / "mine.txt").write_text("keep", encoding="utf-8")
    done = cmr_run(dataset, "site", "--out", str(out))
    assert done.returncode == 0, done.stdout + done.stderr
    assert not left.exists()
    assert (other / "mine.txt").read_text(encoding="utf-8") == "keep"


def test_json_format_prints_the_findings_document(dataset: Path, tmp_path: Path) -> None:
    """--format json prints one JSON document on success too; the draft's open items are
    the draft's business (its page shows them), not findings of the site."""
    done = cmr_run(dataset, "site", "--out", str(tmp_path / "s"), "--format", "json")
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert document["success"] is True and document["findings"] == []
    assert done.stderr.startswith("wrote ") and "1 of them draft(s)" in done.stderr


def test_a_country_year_links_to_the_codebook_version_it_was_coded_under(built: Path) -> None:
    """An answer under codebook 1.1.0 links to that version's page and guidance."""
    page = (built / "AZE-1989.html").read_text(encoding="utf-8")
    assert '<a href="codebook-1.1.0.html#coup_history">Guidance for Q2</a>' in page
    older = (built / "codebook-1.1.0.html").read_text(encoding="utf-8")
    assert (
        "<h1>Codebook 1.1.0</h1>" in older
        and 'The latest version is <a href="codebook.html">' in older
    )
    assert 'id="coup_history"' in older
