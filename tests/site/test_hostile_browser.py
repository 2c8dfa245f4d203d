"""The hostile sites in headless Chromium: no text of the data runs script or opens a dialog,
the search finds hostile text and awkward queries from every kind of page, the keyboard gets
through, long words wrap, and over `http.server` nothing is missing and nothing is asked of
another host. Skipped, with the reason, only when there is no Chromium."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from subprocess import PIPE
from typing import Any
from urllib.parse import quote

import pytest
from browser_support import Recorder, needs_chromium
from hostile_support import hostile, odd_codebook
from support import cmr_run

from cmr.codebook import Codebooks

pytestmark = needs_chromium
VIEWPORT_WIDTH = 800  # a narrow window: long words and wide tables must not overflow
AUDIT = (Path(__file__).parent / "audit.js").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The hostile dataset's site and the odd-names codebook's site, each built once."""
    base = tmp_path_factory.mktemp("hostile-browser")
    out = {}
    for name, make in (("hostile", hostile), ("odd", odd_codebook)):
        root = make(base / f"{name}-data")
        done = cmr_run(root, "site", "--out", str(base / name))
        assert done.returncode == 0, done.stdout + done.stderr
        out[name] = base / name
    out["data"] = base / "hostile-data"
    return out


def _go(page: Any, site: Path, name: str) -> None:
    page.goto((site / name).as_uri())


def _search(page: Any, query: str) -> str:
    """Type `query` on the current (live) page and wait for the count: the status line."""
    page.fill("#search-q", query)
    page.wait_for_function(
        "document.getElementById('search-status').textContent.endsWith('.')"
        " && !document.getElementById('search-status').textContent.includes('so far')"
    )
    return str(page.inner_text("#search-status"))


def test_no_text_of_the_data_runs_script_on_any_page(
    page: Any, sites: dict[str, Path], recorder: Recorder
) -> None:
    """Every page of both sites, and the search showing hostile evidence: no dialog opens, no
    script of the data runs (`window.__pwned` stays unset), and the accessibility audit of
    test_site_browser passes."""
    problems = []
    for site in (sites["hostile"], sites["odd"]):
        for path in sorted(site.glob("*.html")):
            _go(page, site, path.name)
            assert page.evaluate("typeof window.__pwned") == "undefined", path.name
            problems += [f"{path.name}: {p}" for p in page.evaluate(AUDIT)]
    assert problems == []  # and each page passes the accessibility audit
    _go(page, sites["hostile"], "index.html")
    assert _search(page, "pwned") != ""
    assert page.locator("#search-results li").count() == 25
    assert page.evaluate("typeof window.__pwned") == "undefined"
    query = quote("<img src=x onerror=\"window.__pwned='q'\"></script><script>alert(1)</script>")
    page.goto((sites["hostile"] / "search.html").as_uri() + "?q=" + query)
    page.wait_for_function("document.getElementById('search-status').textContent !== ''")
    assert page.locator("#search-status").inner_text().startswith("No results for \u201c<img")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert recorder.dialogs == []


def test_search_finds_hostile_text_and_shows_it_as_text(page: Any, sites: dict[str, Path]) -> None:
    """A token at the end of a hostile evidence finds its one answer; the snippet shows the
    markup of the payload as text."""
    _go(page, sites["hostile"], "index.html")
    assert _search(page, "EVIDENCETOKEN3XCAROL") == "1 result."
    hit = page.locator("#search-results li").first
    assert hit.locator("a").inner_text().startswith("Azerbaijan 1993: Q")
    assert "</script><script>window.__pwned" in hit.locator(".snippet").inner_text()


def _first_variable(sites: dict[str, Path]) -> str:
    return Codebooks(sites["data"] / "codebook").latest.questions[0].variable


@pytest.mark.parametrize(
    ("query", "expect"),
    [
        (".*[(", r"\d+ results"),
        ("Azerbaycan", r"\d+ results"),
        ("AZƏRBAYCAN", r"\d+ results"),
        ("zzqqxx", "No results for \u201czzqqxx\u201d."),
        ("ARMENIA", r"\d+ results?"),
    ],
)
def test_awkward_queries_are_searched_as_text(
    page: Any, sites: dict[str, Path], query: str, expect: str
) -> None:
    """Regex metacharacters, accents either way, capitals and a query with no match give a
    count (or says there is none), never an error."""
    _go(page, sites["hostile"], "index.html")
    assert re.match(expect, _search(page, query))


def test_search_by_code_question_id_and_variable(page: Any, sites: dict[str, Path]) -> None:
    """An ISO3 code finds its country first; `Q1` and a variable name find the question."""
    _go(page, sites["hostile"], "index.html")
    _search(page, "arm")
    assert page.locator("#search-results a").first.inner_text() == "Armenia"
    for query in ("Q1", _first_variable(sites)):
        _search(page, query)
        first = page.locator("#search-results li").first
        assert first.locator(".kind").inner_text() == "question"
        assert first.locator("a").inner_text().startswith("Q1 ")


KINDS = ["index.html", "search.html", "codebook.html", "codebook-1.0.0.html", "coverage.html",
         "downloads.html", "cite.html", "changelog.html", "ARM.html", "AZE-1993.html"]  # fmt: skip


@pytest.mark.parametrize("name", KINDS)
def test_search_works_from_every_kind_of_page(page: Any, sites: dict[str, Path], name: str) -> None:
    """Enter in the search box of any page leads to Armenia: at once on the pages that search
    as you type, through the search page's results elsewhere."""
    _go(page, sites["hostile"], name)
    opens_first = page.get_attribute("form.search-form", "data-open-first") is not None
    page.fill("#search-q", "Armenia")
    page.press("#search-q", "Enter")
    if not opens_first:
        page.wait_for_url("**/search.html?q=Armenia")
        page.click("#search-results a >> text=Armenia")
    page.wait_for_url("**/ARM.html")
    assert page.inner_text("h1") == "Armenia"


def test_results_appear_as_you_type_on_any_page(page: Any, sites: dict[str, Path]) -> None:
    """On a country-year page typing lists countries, years and questions at once, and says
    that Enter searches the evidence too."""
    _go(page, sites["hostile"], "GEO-1993.html")
    page.fill("#search-q", "armenia")
    page.wait_for_selector("#search-results a >> text=Armenia")
    assert "press Enter to search the evidence too" in page.inner_text("#search-status")


def test_enter_at_once_on_the_home_page_waits_for_the_evidence(
    page: Any, sites: dict[str, Path]
) -> None:
    """Typing and pressing Enter at once opens the first result after the evidence has
    loaded, so no request is cut off (the last test checks)."""
    _go(page, sites["hostile"], "index.html")
    page.type("#search-q", "evidencetoken4xcarol", delay=0)
    page.press("#search-q", "Enter")
    page.wait_for_url("**/AZE-1993.html#*")


def test_keyboard_only_from_a_country_year_page(page: Any, sites: dict[str, Path]) -> None:
    """Tab to the box, type, Enter; on the search page Tab to the first result (with a
    visible focus ring) and Enter opens it."""
    _go(page, sites["hostile"], "AZE-1993.html")
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "search-q":
            break
    page.keyboard.type("Georgia 1993")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search.html?q=Georgia+1993")
    page.wait_for_selector("#search-results a")
    page.focus("#search-q")
    for _ in range(4):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('#search-results') !== null"):
            break
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    page.wait_for_url("**/GEO-1993.html")


def test_arrow_keys_move_through_the_results(page: Any, sites: dict[str, Path]) -> None:
    """Down from the box reaches the first result, Down the next, Up twice the box again."""
    _go(page, sites["hostile"], "index.html")
    _search(page, "1993")
    page.focus("#search-q")
    texts = []
    for _ in range(2):
        page.keyboard.press("ArrowDown")
        texts.append(page.evaluate("document.activeElement.textContent"))
    links = page.locator("#search-results a")
    assert texts == [links.nth(0).inner_text(), links.nth(1).inner_text()]
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "search-q"


@pytest.mark.parametrize(
    ("site", "name"),
    [("hostile", "AZE-1993.html"), ("hostile", "cite.html"), ("hostile", "changelog.html"),
     ("hostile", "index.html"), ("odd", "coverage.html")],
)  # fmt: skip
def test_no_page_is_wider_than_the_window(
    page: Any, sites: dict[str, Path], site: str, name: str
) -> None:
    """A 348-letter word in the evidence, a quote and the changelog wraps, and a matrix of the
    years 5 to 1993 scrolls in its own box: the page is no wider than the window."""
    _go(page, sites[site], name)
    if name == "index.html":
        _search(page, "evidencetoken1xann")
    wide = "document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth"
    assert page.evaluate(wide) <= 0


def test_hashed_ids_work_as_link_targets(page: Any, sites: dict[str, Path]) -> None:
    """On the odd-names site each answer in the page's contents scrolls to its question."""
    _go(page, sites["odd"], "AZE-1993.html")
    links = page.locator("nav.toc a")
    for i in range(links.count() - 1):  # the last is the references
        links.nth(i).click()
        assert page.evaluate("document.querySelector(':target').tagName") == "SECTION"


def test_breadcrumbs_lead_back_to_the_country_and_the_countries(
    page: Any, sites: dict[str, Path]
) -> None:
    """A country-year's breadcrumb leads to its country, the country's to the home page's
    list of countries."""
    _go(page, sites["hostile"], "GEO-1993.html")
    page.click("nav.breadcrumb >> text=Georgia")
    page.wait_for_url("**/GEO.html")
    page.click("nav.breadcrumb >> text=Countries")
    page.wait_for_url("**/index.html#countries")
    assert page.evaluate("document.querySelector(':target').id") == "countries"


@pytest.fixture
def server(sites: dict[str, Path]) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """`python -m http.server` serving the hostile site on a free port of 127.0.0.1."""
    command = [sys.executable, "-u", "-m", "http.server", "0", "--bind", "127.0.0.1",
               "--directory", str(sites["hostile"])]  # fmt: skip
    with subprocess.Popen(command, stdout=PIPE, stderr=PIPE, text=True) as proc:
        assert proc.stdout is not None
        port = re.search(r"port (\d+)", proc.stdout.readline())
        assert port is not None
        try:
            yield f"http://127.0.0.1:{port[1]}/", proc
        finally:
            proc.terminate()
            proc.communicate(timeout=10)


def test_over_http_nothing_is_missing_and_no_other_host_is_asked(
    browser: Any, server: tuple[str, subprocess.Popen[str]]
) -> None:
    """Served by http.server: the pages, their style, scripts and the evidence load with no
    404 (no favicon.ico either), and no request goes to another host."""
    base, proc = server
    context = browser.new_context()
    statuses: list[tuple[str, int]] = []
    context.on("response", lambda r: statuses.append((r.url, r.status)))
    opened = context.new_page()
    for name in ("", "AZE-1993.html", "codebook.html", "coverage.html"):
        opened.goto(base + name)
        opened.wait_for_load_state("networkidle")
    opened.goto(base + "search.html?q=evidencetoken2xcarol")
    opened.wait_for_selector("#search-results a")
    context.close()
    assert [s for s in statuses if s[1] >= 400] == []
    assert [u for u, _ in statuses if not u.startswith(base)] == []
    assert any(u.endswith("/search-evidence.js") for u, _ in statuses)
    proc.terminate()
    _, log = proc.communicate(timeout=10)
    assert " 404 " not in log and '"GET /' in log


def test_a_result_clicked_while_the_evidence_loads_cuts_nothing_off(
    browser: Any, server: tuple[str, subprocess.Popen[str]]
) -> None:
    """With the evidence a second slow to arrive, a click on a result waits for it and then
    opens the page: no request fails."""
    base, _ = server
    context = browser.new_context()
    failed: list[str] = []
    context.on("requestfailed", lambda r: failed.append(f"{r.url} {r.failure}"))

    def slow(route: Any) -> None:
        time.sleep(1.0)
        route.continue_()

    context.route("**/search-evidence.js", slow)
    opened = context.new_page()
    opened.goto(base + "index.html")
    opened.fill("#search-q", "armenia")
    opened.click("#search-results a >> text=Armenia")
    opened.wait_for_url("**/ARM.html")
    opened.wait_for_load_state("networkidle")
    context.close()
    assert failed == []


def test_no_console_message_failed_request_or_dialog(recorder: Recorder, page: Any) -> None:
    """Over every page the module opened from disk: no console error or warning, no page
    error, no failed request, no dialog, and only file:// requests. (Runs last.)"""
    assert len(recorder.requests) > 50
    assert [r for r in recorder.requests if not r.startswith("file://")] == []
    assert recorder.failed == []
    assert recorder.errors == [] and recorder.warnings == []
    assert recorder.dialogs == []
