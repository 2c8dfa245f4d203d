"""Example files in the published formats (tests/external/cases/<system>/<name>.<ext>), each
with `<name>.expected`: `spells N`, then one `code line column` per finding. Adding a case is
adding two files."""

from __future__ import annotations

from pathlib import Path

import pytest

from cmr.external import read_membership

CASES = Path(__file__).parent / "cases"
FILES = sorted(p for p in CASES.glob("*/*") if p.suffix != ".expected")


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_published_format_case(path: Path) -> None:
    """The membership reader gives the expected number of spells and located findings."""
    expected = path.with_suffix(".expected").read_text(encoding="utf-8").split("\n")
    m = read_membership([path], path.parent.name)
    got = [f"spells {len(m.spells)}"] + [f"{f.code} {f.line} {f.column}" for f in m.findings]
    assert got == [line for line in expected if line]
