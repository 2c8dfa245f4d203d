"""`cmr codebook render`: the codebook for reading and printing, from the codebook alone."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from support import cmr_run

from cmr.codebook import Codebooks

CHROMIUM = os.environ.get("CMR_CHROMIUM") or "/usr/bin/chromium"
needs_chromium = pytest.mark.skipif(
    not os.access(CHROMIUM, os.X_OK), reason=f"no Chromium at {CHROMIUM} (apt install chromium)"
)


def test_markdown_has_every_question_in_order(dataset: Path) -> None:
    """The Markdown holds the title, version, citation, contents and a section per question."""
    out = cmr_run(dataset, "codebook", "render").stdout
    book = Codebooks(dataset / "codebook").latest
    assert out.startswith(f"# {book.title}\n")
    assert f"version {book.version}," in out.splitlines()[2]
    assert "(Version 2.1.0) [Data set]" in out and "Narang, V., & Talmadge, C. (2018)" in out
    headings = re.findall(r"(?m)^### (\S+) `(\w+)`", out)
    assert headings == [(q.id, q.variable) for q in book.questions]
    contents = out.split("## Contents")[1].split("\n## ")[0]
    for q in book.questions:
        assert f"](#{q.id.lower()})" in contents
        assert q.text in out


def test_markdown_shows_scale_window_hard_cases_and_concepts(dataset: Path) -> None:
    """A question's section lists its scale, window, hard cases and concepts."""
    out = cmr_run(dataset, "codebook", "render").stdout
    book = Codebooks(dataset / "codebook").latest
    q = next(q for q in book.questions if q.window and q.guidance.get("hard_cases"))
    section = out.split(f"### {q.id} `")[1].split("\n### ")[0]
    for value in q.scale.values:
        assert f"| `{value.code}` | {value.value} |" in section
    assert f"**Window: {q.window.label}.**" in section  # type: ignore[union-attr]
    first = " ".join(q.guidance["hard_cases"][0]["case"].split())
    assert f"1. *{first}*" in section
    for cid in q.concepts:
        assert f"(#concept-{cid})" in section
        assert f'<a id="concept-{cid}"></a>' in out


def test_an_older_codebook_renders_without_the_new_sections(dataset: Path) -> None:
    """Codebook 1.0.0, with no lineage or concepts, renders its own questions only."""
    out = cmr_run(dataset, "codebook", "render", "--version", "1.0.0").stdout
    book = Codebooks(dataset / "codebook").get("1.0.0")
    assert book is not None
    assert re.findall(r"(?m)^### (\S+) `", out) == [q.id for q in book.questions]
    assert "## Concepts" not in out and "## Lineage" not in out


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.append(str(found["id"]))
        if tag == "a" and str(found.get("href", "")).startswith("#"):
            self.links.append(str(found["href"])[1:])


def test_html_links_resolve_and_text_is_escaped(dataset: Path) -> None:
    """Every link of the HTML contents lands on an id; codebook text is escaped."""
    book = dataset / "codebook" / "1.2.0.yaml"
    text = book.read_text("utf-8").replace("title: Civil–military", "title: Civil–military <&>")
    book.write_text(text, "utf-8")
    out = dataset / "codebook.html"
    done = cmr_run(dataset, "codebook", "render", "--format", "html", "--out", str(out))
    assert done.returncode == 0, done.stderr
    page = out.read_text("utf-8")
    parser = _Ids()
    parser.feed(page)
    assert parser.links and set(parser.links) <= set(parser.ids)
    assert "<h1>Civil–military &lt;&amp;&gt;" in page


def test_out_never_overwrites(dataset: Path) -> None:
    """--out naming an existing file is refused (exit 2) and the file is unchanged."""
    (dataset / "mine.md").write_text("my notes", encoding="utf-8")
    done = cmr_run(dataset, "codebook", "render", "--out", "mine.md")
    assert done.returncode == 2 and "mine.md exists" in done.stderr
    assert (dataset / "mine.md").read_text(encoding="utf-8") == "my notes"


def test_pdf_without_chromium_says_what_to_install(dataset: Path) -> None:
    """No Chromium: one line naming what to install, exit 2, no file."""
    env = {**os.environ, "CMR_CHROMIUM": str(dataset / "no-chromium")}
    args = ["codebook", "render", "--format", "pdf", "--out", "c.pdf"]
    done = subprocess.run(
        [sys.executable, "-c", "from cmr.cli import main; main()", *args],
        cwd=dataset,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 2
    assert "install it (Debian: apt install chromium) or set CMR_CHROMIUM" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and not (dataset / "c.pdf").exists()


@needs_chromium
def test_pdf_is_printed_and_deterministic(dataset: Path) -> None:
    """The PDF has the codebook's pages and the same bytes on a second rendering."""
    for name in ("a.pdf", "b.pdf"):
        done = cmr_run(dataset, "codebook", "render", "--format", "pdf", "--out", name)
        assert done.returncode == 0, done.stderr
    data = (dataset / "a.pdf").read_bytes()
    assert data.startswith(b"%PDF-") and data == (dataset / "b.pdf").read_bytes()
    assert b"/CreationDate (D:19800101000000" in data
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "a.pdf", "-"], cwd=dataset, capture_output=True, text=True, check=True
        ).stdout
        book = Codebooks(dataset / "codebook").latest
        assert all(q.variable in text for q in book.questions)
