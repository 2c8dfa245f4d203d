"""docs/codes.md is generated from the catalogue and the codebook; it must not drift."""

from __future__ import annotations

from pathlib import Path

from cmr.catalogue import KINDS
from cmr.codebook import Codebooks
from cmr.docs import codes_markdown

REPO = Path(__file__).resolve().parents[1]


def test_codes_page_matches_catalogue() -> None:
    """Regenerating docs/codes.md (`cmr codes --markdown`) changes nothing."""
    book = Codebooks(REPO / "codebook").latest
    committed = (REPO / "docs" / "codes.md").read_text(encoding="utf-8")
    assert committed == codes_markdown(book), "run `cmr codes --markdown > docs/codes.md`"


def test_every_code_is_documented() -> None:
    """Each catalogue code and each rule code of the latest codebook appears on the page."""
    book = Codebooks(REPO / "codebook").latest
    page = (REPO / "docs" / "codes.md").read_text(encoding="utf-8")
    for code in [*KINDS, *(r["code"] for r in book.rules)]:
        assert f"`{code}`" in page


def test_cli_prints_the_page(run_cli, repo, monkeypatch) -> None:
    """`cmr codes --markdown` run in the repository prints docs/codes.md exactly."""
    monkeypatch.chdir(repo)
    result = run_cli("codes", "--markdown")
    assert result.output == (repo / "docs" / "codes.md").read_text(encoding="utf-8")
