"""`cmr codebook render` in every format for every codebook version, against hostile `--out`
targets and a missing or broken Chromium: valid, self-contained output or one line, exit 2."""

from __future__ import annotations

import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from support import cmr_run

CHROMIUM = os.environ.get("CMR_CHROMIUM") or "/usr/bin/chromium"
needs_chromium = pytest.mark.skipif(
    not os.access(CHROMIUM, os.X_OK), reason=f"no Chromium at {CHROMIUM} (apt install chromium)"
)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
LOADS = {"link": "href", "script": "src", "img": "src", "iframe": "src", "object": "data"}


class Page(HTMLParser):
    """Checks that every element is closed in order and collects what would be fetched."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.errors: list[str] = []
        self.fetched: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag in LOADS and found.get(LOADS[tag]):
            self.fetched.append(str(found[LOADS[tag]]))
        if "url(" in str(found.get("style", "")):
            self.fetched.append(str(found["style"]))
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            self.errors.append(f"</{tag}> closes nothing open at line {self.getpos()[0]}")

    def handle_data(self, data: str) -> None:
        if self.open and self.open[-1] == "style" and ("url(" in data or "@import" in data):
            self.fetched.append(data)


def run(root: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`cmr ARGS` in `root` with `env` added."""
    return subprocess.run(
        [sys.executable, "-c", "from cmr.cli import main; main()", *args],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("version", ["1.0.0", "1.1.0", "1.2.0"])
def test_every_version_renders_as_markdown_and_self_contained_html(
    dataset: Path, version: str
) -> None:
    """Markdown and HTML of each version: exit 0; the HTML is well nested, starts with a
    doctype and fetches nothing (no stylesheet, script, image or font from anywhere)."""
    md = cmr_run(dataset, "codebook", "render", "--version", version)
    assert md.returncode == 0 and md.stdout.startswith("# ") and f"version {version}" in md.stdout
    html = cmr_run(dataset, "codebook", "render", "--format", "html", "--version", version)
    assert html.returncode == 0 and html.stdout.lstrip().lower().startswith("<!doctype html>")
    page = Page()
    page.feed(html.stdout)
    page.close()
    assert page.errors == [] and page.open == []
    assert page.fetched == []


def test_out_through_a_link_to_nothing_is_refused(dataset: Path) -> None:
    """A dangling symlink at --out counts as taken: one line, exit 2, nothing made at its
    target."""
    (dataset / "book.md").symlink_to(dataset / "elsewhere.md")
    done = cmr_run(dataset, "codebook", "render", "--out", "book.md")
    assert done.returncode == 2 and "book.md exists" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert not (dataset / "elsewhere.md").exists()


def test_out_in_a_missing_folder_is_one_line(dataset: Path) -> None:
    """--out inside a folder that does not exist: one line, exit 2, no temporary file left."""
    done = cmr_run(dataset, "codebook", "render", "--out", "no/such/book.md")
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1
    assert not (dataset / "no").exists()


@pytest.mark.parametrize("chromium", ["/nonexistent", "/bin/true", "/tmp"])
def test_a_missing_or_broken_chromium_is_one_line(dataset: Path, chromium: str) -> None:
    """CMR_CHROMIUM naming nothing, a program that is not Chromium, or a folder: one line,
    exit 2, no PDF."""
    done = run(
        dataset, "codebook", "render", "--format", "pdf", "--out", "c.pdf", CMR_CHROMIUM=chromium
    )
    assert done.returncode == 2, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Chromium" in done.stderr
    assert "Traceback" not in done.stderr and not (dataset / "c.pdf").exists()


@needs_chromium
def test_the_html_makes_no_request_in_a_browser(dataset: Path) -> None:
    """Loaded in Chromium, the codebook's HTML asks for nothing over the network."""
    from playwright.sync_api import sync_playwright

    from cmr.publish._pdf import ARGS

    html = cmr_run(dataset, "codebook", "render", "--format", "html").stdout
    requests: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.on("request", lambda r: requests.append(r.url))
        page.set_content(html, wait_until="load")
        browser.close()
    assert [u for u in requests if not u.startswith(("data:", "about:"))] == []


@needs_chromium
def test_the_oldest_version_prints_as_pdf(dataset: Path) -> None:
    """Codebook 1.0.0 (no concepts, no lineage section) prints to a PDF too."""
    done = cmr_run(dataset, "codebook", "render", "--format", "pdf", "--version", "1.0.0")
    assert done.returncode == 2 and "--out" in done.stderr  # a PDF goes to a file
    done = cmr_run(
        dataset, "codebook", "render", "--format", "pdf", "--version", "1.0.0", "--out", "b.pdf"
    )
    assert done.returncode == 0, done.stderr
    assert (dataset / "b.pdf").read_bytes().startswith(b"%PDF-")


class Ids(HTMLParser):
    """Every `id` of a page and every `#fragment` link."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.append(str(found["id"]))
        if str(found.get("href", "")).startswith("#"):
            self.links.append(str(found["href"])[1:])


def test_question_ids_that_fold_alike_get_their_own_anchors(tmp_path: Path) -> None:
    """A second codebook whose question ids differ only in case and match a section's name:
    every id on the page is unique and every link of the contents lands on its question."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from test_second_codebook import _second_project

    root = _second_project(tmp_path)
    book = root / "codebook" / "2.1.0.yaml"
    text = (
        book.read_text("utf-8").replace("id: P1", "id: Concepts").replace("id: P2", "id: concepts")
    )
    book.write_text(text, encoding="utf-8")
    for fmt in ("html", "md"):
        done = cmr_run(root, "codebook", "render", "--format", fmt)
        assert done.returncode == 0, done.stderr
        page = Ids()
        page.feed(done.stdout)
        assert len(page.ids) == len(set(page.ids)) >= 2
        assert set(page.links) <= set(page.ids)
