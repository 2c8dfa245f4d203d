"""`cmr site` in a real browser: headless Chromium opens the built sites from disk (`file://`)
and does what a reader does — searches, follows links and citations, uses the keyboard —
while every request, console message and page error is recorded.

Skipped, with the reason, only when /usr/bin/chromium is absent.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from browser_support import Recorder, needs_chromium
from site_support import release, synthetic
from support import REPO, cmr_run

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The synthetic dataset's site (with a release to download) and the repository's, each
    built once."""
    base = tmp_path_factory.mktemp("browser")
    data = synthetic(base / "data")
    out = {}
    shipped = ["--release", str(release(base / "cmr-dataset-2.1.0"))]
    for name, root, extra in (("synthetic", data, shipped), ("repo", REPO, [])):
        done = cmr_run(root, "site", "--out", str(base / name), *extra)
        assert done.returncode == 0, done.stdout + done.stderr
        out[name] = base / name
    return out


def url(site: Path, name: str) -> str:
    return (site / name).as_uri()


def test_search_for_a_country_reaches_its_page(page: Any, sites: dict[str, Path]) -> None:
    """Typing a country's name lists it; clicking the result opens the country's page."""
    page.goto(url(sites["synthetic"], "index.html"))
    page.fill("#search-q", "armenia")
    link = page.locator("#search-results a", has_text="Armenia").first
    link.click()  # opens the page once the evidence, if still loading, is in
    page.wait_for_url("**/ARM.html")
    assert page.inner_text("h1") == "Armenia"


def test_search_from_another_page_goes_through_the_search_page(
    page: Any, sites: dict[str, Path]
) -> None:
    """Enter in the header's box of any page lists the results on the search page; an
    evidence result opens the answer it quotes."""
    page.goto(url(sites["synthetic"], "codebook.html"))
    page.fill("#search-q", "Quartermaine")
    page.press("#search-q", "Enter")
    page.wait_for_url("**/search.html?q=Quartermaine")
    assert page.input_value("#search-q") == "Quartermaine"
    page.wait_for_selector("#search-results a")  # once the evidence is loaded
    assert page.inner_text("#search-status") == "1 result."
    page.click("#search-results a")
    page.wait_for_url("**/AZE-1991.html#leader_ex_officer")
    assert page.locator("#leader_ex_officer").is_visible()


def test_typing_finds_evidence_with_a_snippet(page: Any, sites: dict[str, Path]) -> None:
    """On the home page, words of an answer's evidence find it, with the words in context."""
    page.goto(url(sites["synthetic"], "index.html"))
    page.fill("#search-q", "vexley colonel")
    hit = page.locator("#search-results li", has_text="AZE").first
    hit.wait_for()
    assert "Azerbaijan 1991: Q3" in hit.inner_text()
    assert "Quartermaine Vexley" in hit.locator(".snippet").inner_text()
    assert hit.locator("a").get_attribute("href") == "AZE-1991.html#leader_ex_officer"


def test_an_answer_leads_to_its_full_reference(page: Any, sites: dict[str, Path]) -> None:
    """The citation of an answer is a link to the full reference, with its DOI."""
    page.goto(url(sites["synthetic"], "AZE-1991.html"))
    page.click("#leader_ex_officer .citations a")
    assert page.url.endswith("#ref-narang2018")
    target = page.locator(":target")
    assert target.get_attribute("id") == "ref-narang2018"
    assert "Civil-military Pathologies and Defeat in War" in target.inner_text()
    assert target.locator("a[href^='https://doi.org/']").count() == 1
    assert target.is_visible()


def test_keyboard_reaches_search_and_opens_a_result(page: Any, sites: dict[str, Path]) -> None:
    """Tab reaches the search box with a visible focus ring; Enter on a result navigates."""
    page.goto(url(sites["synthetic"], "index.html"))
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "search-q":
            break
    assert page.evaluate("document.activeElement.id") == "search-q"
    ring = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert ring not in ("none", "")
    page.keyboard.type("Azerbaijan 1993")
    inside = "document.activeElement.closest('#search-results') !== null"
    for _ in range(3):  # past the Search button to the first result
        page.keyboard.press("Tab")
        if page.evaluate(inside):
            break
    assert page.evaluate(inside)
    assert page.evaluate("document.activeElement.textContent") == "Azerbaijan 1993"
    page.keyboard.press("Enter")
    page.wait_for_url("**/AZE-1993.html")
    assert page.inner_text("h1") == "Azerbaijan 1993"


def test_skip_link_comes_first_and_moves_to_the_content(page: Any, sites: dict[str, Path]) -> None:
    """The first Tab shows the skip link; following it moves focus into the main content."""
    page.goto(url(sites["repo"], "AZE-1993.html"))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


def _pages(site: Path) -> list[str]:
    return sorted(p.name for p in site.glob("*.html"))


def _anchors(page: Any) -> list[str]:
    return page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")


def test_every_internal_link_and_fragment_resolves(page: Any, sites: dict[str, Path]) -> None:
    """A crawl of every page of both sites: each file:// link names a file, each #fragment
    an element of its page; nothing else than DOI or web links leaves the site."""
    broken = []
    for site in sites.values():
        ids: dict[str, set[str]] = {}
        links: dict[str, list[str]] = {}
        for name in _pages(site):
            page.goto(url(site, name))
            ids[name] = set(page.eval_on_selector_all("[id]", "els => els.map(e => e.id)"))
            links[name] = _anchors(page)
        for name, hrefs in links.items():
            for href in hrefs:
                broken += _broken(site, name, href, ids)
    assert broken == []


def _broken(site: Path, name: str, href: str, ids: dict[str, set[str]]) -> list[str]:
    parts = urlsplit(href)
    if parts.scheme in ("http", "https"):
        return []
    if parts.scheme != "file":
        return [f"{name}: {href} (not a file link)"]
    path = Path(unquote(parts.path))
    if not path.is_file() or site not in path.parents:
        return [f"{name}: {href} (no such file in the site)"]
    known = ids.get(path.name, set())
    if parts.fragment and path.suffix == ".html" and unquote(parts.fragment) not in known:
        return [f"{name}: {href} (no element with that id)"]
    return []


def test_pages_are_accessible(page: Any, sites: dict[str, Path]) -> None:
    """Each page: a language, one h1, headings that never skip a level, labelled inputs,
    and text with WCAG AA contrast against its background."""
    problems = []
    for site in sites.values():
        for name in _pages(site):
            page.goto(url(site, name))
            problems += [f"{name}: {p}" for p in page.evaluate(AUDIT)]
    assert problems == []


AUDIT = (Path(__file__).parent / "audit.js").read_text(encoding="utf-8")


def test_screenshots_of_home_and_a_country_year(page: Any, sites: dict[str, Path]) -> None:
    """The home page and a country-year page, saved as PNG test artifacts."""
    folder = Path(os.environ.get("CMR_ARTIFACTS") or REPO / "build" / "test-artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    for name, shot in (("index.html", "site-home.png"), ("AZE-1993.html", "site-country-year.png")):
        page.goto(url(sites["repo"], name))
        page.screenshot(path=str(folder / shot), full_page=True)
        assert (folder / shot).stat().st_size > 10_000


def test_no_console_error_and_no_request_leaves_the_disk(recorder: Recorder, page: Any) -> None:
    """Over every page the tests opened: no console or page error, every request a file://
    URL, and none failed. (Runs last in the module: it reads what the others recorded.)"""
    assert len(recorder.requests) > 20
    assert [r for r in recorder.requests if not r.startswith("file://")] == []
    assert recorder.failed == []
    assert recorder.errors == [] and recorder.warnings == []
