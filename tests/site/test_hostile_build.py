"""`cmr site` over hostile data, read without a browser: texts that try to become markup or
script, URLs and DOIs that try to become `javascript:` links, control characters, names that
make bad ids, years before 1000, many countries; and byte-identical builds anywhere."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest
from hostile_support import DOTTED, MANY, ODD, PAYLOAD, hostile, odd_codebook
from html_support import Parsed, broken_links, reachable, site_pages
from site_support import _data, release
from support import REPO, cmr_run, make_project, write_observation

from cmr.site._anchors import RESERVED

SCRIPTS = ["search-index.js", "search.js"]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The hostile dataset and the odd-names codebook's dataset with their sites, built once."""
    base = tmp_path_factory.mktemp("hostile")
    out = {"data": hostile(base / "data"), "odd-data": odd_codebook(base / "odd-data")}
    for name in ("data", "odd-data"):
        done = cmr_run(out[name], "site", "--out", str(base / f"{name}-site"))
        assert done.returncode == 0, done.stdout + done.stderr
        out[name.replace("data", "site")] = base / f"{name}-site"
    return out


@pytest.fixture(scope="module")
def pages(built: dict[str, Path]) -> dict[str, Parsed]:
    """Every page of the hostile site, parsed."""
    return site_pages(built["site"])


def test_no_text_of_the_data_becomes_markup(pages: dict[str, Parsed]) -> None:
    """No page holds a script but the site's own, an event handler, an image or a comment:
    the payload in every text shows as text."""
    assert len(pages) == 9 + 2 * (len(MANY) + 2) + 2  # the site's 9, each country and year
    for name, parsed in pages.items():
        scripts = [a.get("src") for tag, a in parsed.tags if tag == "script"]
        assert scripts in ([], SCRIPTS), name
        handlers = [(t, k) for t, a in parsed.tags for k in a if k.startswith("on")]
        assert handlers == [], name
        assert [t for t, _ in parsed.tags if t in ("img", "iframe", "object", "embed")] == []
        assert parsed.comments == [], name


def test_the_payload_is_shown_as_its_text(built: dict[str, Path]) -> None:
    """Evidence, notes, context, quotes and reference fields show the payload escaped."""
    page = (built["site"] / "AZE-1993.html").read_text(encoding="utf-8")
    assert "&lt;/script&gt;&lt;script&gt;window.__pwned=&#34;script&#34;&lt;/script&gt;" in page
    for token in ("evidencetoken0xcarol", "notetoken0", "contexttoken", "notestoken"):
        assert token in page
    assert "&lt;script&gt;window.__pwned=&#34;bib&#34;&lt;/script&gt;" in page
    assert "<b>" not in page and "&lt;b&gt;0&lt;/b&gt;" in page


def test_only_web_urls_and_well_formed_dois_are_links(
    built: dict[str, Path], pages: dict[str, Parsed]
) -> None:
    """A `javascript:`, `data:` or `vbscript:` URL or DOI is shown as text, never as a link;
    an https URL and a DOI (with brackets and angle brackets) are links, encoded."""
    for name, parsed in pages.items():
        for href in parsed.hrefs():
            scheme = href.split(":", 1)[0].lower() if ":" in href.split("/", 1)[0] else ""
            assert scheme in ("", "http", "https") or href == "data:,", f"{name}: {href}"
    hrefs = pages["AZE-1993.html"].hrefs()
    assert 'https://example.org/report?a=1&b="2"' in hrefs
    doi = "https://doi.org/10.1002/(SICI)1097-4571(199806)49:8%3C693::AID-ASI4%3E3.0.CO;2-O"
    assert doi in hrefs
    page = (built["site"] / "AZE-1993.html").read_text(encoding="utf-8")
    assert "javascript:window.__pwned=&#39;url&#39;" in page  # shown, not linked
    assert "doi:vbscript:msgbox(1)" in page


def test_no_control_character_reaches_a_page_or_the_index(built: dict[str, Path]) -> None:
    """A NUL or an escape in the data is U+FFFD on the pages, a right-to-left override is closed
    where its text ends; the search index is valid JSON after its assignment, with no raw NUL,
    U+2028 or U+2029, and holds the payload intact."""
    for path in built["site"].iterdir():
        data = path.read_bytes()
        assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]", data), path.name
        if path.suffix == ".js":  # line terminators to older JavaScript
            assert "\u2028".encode() not in data and "\u2029".encode() not in data, path.name
    page = (built["site"] / "AZE-1993.html").read_text(encoding="utf-8")
    assert "\ufffd" in page
    assert page.count("\u202e") == page.count("\u202c") > 0  # each override closed
    script = (built["site"] / "search-evidence.js").read_text(encoding="utf-8")
    body = script.removeprefix("window.CMR_SEARCH_EVIDENCE = ").rstrip().removesuffix(";")
    entries = json.loads(body)
    texts = [e[3] for e in entries if e[1].startswith("Azerbaijan 1993")]
    assert texts and texts[0].startswith(PAYLOAD)


def test_every_link_and_fragment_resolves_and_ids_are_unique(built: dict[str, Path]) -> None:
    """On both sites each id occurs once on its page and each link names a file of the site
    and, with a #fragment, an element of that page."""
    for site in (built["site"], built["odd-site"]):
        pages = site_pages(site)
        for name, parsed in pages.items():
            twice = sorted({i for i in parsed.ids if parsed.ids.count(i) > 1})
            assert twice == [], f"{site.name}/{name}"
        assert broken_links(site, pages) == []


def test_drafts_of_every_wrong_shape_are_shown_marked(built: dict[str, Path]) -> None:
    """Drafts whose fields are lists, mappings or numbers where text goes, whose citations,
    events and answers are not mappings: each gets its page, marked as a draft, with what it
    holds as text and the twin event ids once."""
    page = (built["site"] / "AZE-1995.html").read_text(encoding="utf-8")
    assert "<strong>Draft.</strong>" in page
    assert "Coder</dt><dd>{&#34;a&#34;: 1}</dd>" in page
    assert "Reconciles</dt><dd>5</dd>" in page
    assert page.count('id="event-twin"') == 1
    assert 'href="#ref-5"' in page and 'id="ref-5"' in page
    assert "&lt;img src=x onerror" in page
    assert "<strong>Draft.</strong>" in (built["site"] / "AZE-1996.html").read_text("utf-8")


def test_variables_named_like_the_pages_sections_keep_their_own_ids(
    built: dict[str, Path],
) -> None:
    """A second codebook whose variables are `references`, `events`, `rules`…: the page's
    sections keep their ids, each question gets one of its own, and the search links to it."""
    pages = site_pages(built["odd-site"])
    cy = pages["AZE-1993.html"]
    sections = [a["id"] for t, a in cy.tags if t == "section" and "id" in a]
    assert len(sections) == len(ODD)
    assert all(s.startswith("q-") for s in sections)
    assert "references" in cy.ids and "answers" in cy.ids
    index = (built["odd-site"] / "search-evidence.js").read_text(encoding="utf-8")
    linked = re.findall(r'"AZE-1993\.html#([^"]+)"', index)
    assert sorted(linked) == sorted(sections)


def test_codebook_names_its_form_refuses_stop_the_site(tmp_path: Path) -> None:
    """Question ids and variables with dots, slashes or hyphens are located codebook errors:
    exit 1 and nothing written."""
    root = odd_codebook(tmp_path / "data", DOTTED)
    done = cmr_run(root, "site", "--out", str(tmp_path / "site"))
    assert done.returncode == 1, done.stdout + done.stderr
    assert re.search(r"codebook/1\.0\.0\.yaml:\d+:\d+: error codebook-invalid", done.stdout)
    assert not (tmp_path / "site").exists()


def test_years_before_1000_have_pages(built: dict[str, Path]) -> None:
    """Years 5 and 999 (a codebook allowing them) get pages, linked from the country and the
    coverage matrix; the plots' text and tables name the years with answers, not the 1,986
    years between."""
    site = built["odd-site"]
    for year in (5, 999):
        assert (site / f"AZE-{year}.html").is_file()
        for page in ("AZE.html", "coverage.html"):
            assert f'href="AZE-{year}.html"' in (site / page).read_text(encoding="utf-8")
    coverage = (site / "coverage.html").read_text(encoding="utf-8")
    assert "answers by year: 5: No 0, Yes 1 of 1; 999: No 0, Yes 1 of 1; 1993: " in coverage
    assert coverage.count('<tr><th scope="row">') == len(ODD) * 3 + 1  # and the matrix row


def test_every_id_a_template_writes_is_reserved_from_variables() -> None:
    """An id a template spells out without a hyphen is one a variable may never take."""
    folder = Path(__file__).parents[2] / "src" / "cmr" / "site" / "templates"
    literal = set()
    for path in folder.glob("*.html"):
        literal |= set(re.findall(r'\bid="([a-z_]+)"', path.read_text(encoding="utf-8")))
    assert literal <= RESERVED
    assert literal


def test_same_bytes_from_another_folder_time_zone_and_language(
    built: dict[str, Path], tmp_path: Path
) -> None:
    """A second build run from another folder, with another TZ and LANG, writes the same
    bytes."""
    out = tmp_path / "again"
    env = {**os.environ, "TZ": "Pacific/Kiritimati", "LANG": "tr_TR.UTF-8", "LC_ALL": "C"}
    command = "from cmr.cli import main; main()"
    done = subprocess.run(
        [sys.executable, "-c", command, "-C", str(built["data"]), "site", "--out", str(out)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    first = {p.name: p.read_bytes() for p in built["site"].iterdir()}
    assert {p.name: p.read_bytes() for p in out.iterdir()} == first


@pytest.fixture(scope="module")
def repo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own site."""
    out = tmp_path_factory.mktemp("repo") / "site"
    done = cmr_run(REPO, "site", "--out", str(out))
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def test_every_page_is_reachable_from_the_home_page(
    built: dict[str, Path], repo_site: Path
) -> None:
    """Following links from index.html reaches every page of the hostile, the odd-names and
    the repository's sites; the repository's pages have unique ids and no broken link."""
    for site in (built["site"], built["odd-site"], repo_site):
        pages = site_pages(site)
        assert reachable(pages) == set(pages), site.name
    pages = site_pages(repo_site)
    assert broken_links(repo_site, pages) == []
    for name, parsed in pages.items():
        assert len(set(parsed.ids)) == len(parsed.ids), name


ODD_FILES = {
    "a b#c?.csv": b"x\n",
    '<x> & "y".txt': b"y\n",
    "%41 \u00fcn\u00ef\u00e7\u00f8d\u00e9.txt": b"z\n",
    "javascript:alert(1)": b"w\n",
}


def test_release_files_with_odd_names_are_offered_by_working_links(
    built: dict[str, Path], tmp_path: Path
) -> None:
    """Release files named with `#`, `?`, `%`, spaces, markup or a scheme get links that open
    exactly them."""
    shipped = release(tmp_path / "cmr-dataset-1.0.0", ODD_FILES)
    out = tmp_path / "site"
    done = cmr_run(built["data"], "site", "--out", str(out), "--release", str(shipped))
    assert done.returncode == 0, done.stdout + done.stderr
    pages = site_pages(out)
    assert broken_links(out, pages) == []
    links = [unquote(h) for h in pages["downloads.html"].hrefs() if h.startswith("downloads/")]
    assert sorted(links) == sorted(f"downloads/{n}" for n in [*ODD_FILES, "SHA256SUMS"])
    assert all((out / link).read_bytes() == ODD_FILES.get(link[10:], b"") or link.endswith("SUMS")
               for link in links)  # fmt: skip


def test_two_drafts_of_one_country_year_stop_the_site(tmp_path: Path) -> None:
    """Drafts at AZE/1993.yaml and AZE/01993.yaml cannot share a page: the duplicate is a
    located error, exit 1, rather than one draft silently left out."""
    root = make_project(tmp_path / "data", up_to=None)
    for name, coder in (("AZE/1993.yaml", "ann"), ("AZE/01993.yaml", "bob")):
        write_observation(root, _data(root, 1993, status="draft", coder=coder), name)
    done = cmr_run(root, "site", "--out", str(tmp_path / "site"))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "error panel-duplicate-country-year AZE 1993" in done.stdout
    assert not (tmp_path / "site").exists()
