"""The per-question plots: counts by year, the SVG's bars and its text alternative."""

from __future__ import annotations

from support import REPO

from cmr.codebook import Codebooks
from cmr.observation import Observation
from cmr.site._plots import plots

BOOKS = Codebooks(REPO / "codebook")


def _obs(year: int, answer: str, version: str = "1.2.0") -> Observation:
    book = BOOKS.get(version)
    assert book is not None
    data = {"year": year, "answers": {"coup_history": {"answer": answer}}}
    return Observation(f"observations/AZE/{year}.yaml", data, book)


def test_counts_by_year_keep_gaps_and_older_codes() -> None:
    """A year without answers stays a gap; a code only an older scale has gets a column."""
    question = BOOKS.latest.question("coup_history")
    found = plots([question], [_obs(1989, "unknown", "1.1.0"), _obs(1991, "yes")])[0]
    assert found.years == ((1989, {"unknown": 1}), (1990, {}), (1991, {"yes": 1}))
    assert ("unknown", "unknown") in found.missing
    assert [code for code, _, _ in found.values] == ["yes", "no"]


def test_bars_and_text_say_the_same_shares() -> None:
    """Two of three yes in one year: a bar two thirds high, and the text says 2 of 3."""
    question = BOOKS.latest.question("coup_history")
    found = plots([question], [_obs(1990, "yes"), _obs(1990, "yes"), _obs(1990, "no")])[0]
    assert "1990: Yes 2, No 1 of 3" in found.alt
    assert found.svg.count("<rect") == 2
    assert "<title>1990: Yes 2 of 3</title>" in found.svg
    assert 'aria-labelledby="plot-coup_history-alt"' in found.svg
