"""The ids the site makes from a codebook's and a bibliography's names (`cmr.site._anchors`):
whatever the names, two never share an id, no id clashes with a page's own sections, and
every id is made of characters a URL fragment and a CSS selector take as they are."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from cmr.site._anchors import RESERVED, anchor

NAMES = st.text(min_size=1, max_size=60) | st.sampled_from(sorted(RESERVED))
PREFIXES = st.sampled_from(["", "ref", "scale", "rule", "plot", "event"])
FRAGMENT = re.compile(r"[A-Za-z][A-Za-z0-9_.:-]*")


@given(st.lists(st.tuples(PREFIXES, NAMES), unique=True, max_size=30))
def test_different_names_never_share_an_id(names: list[tuple[str, str]]) -> None:
    """Distinct (family, name) pairs give distinct ids, none of them a section's id."""
    ids = [anchor(name, prefix) for prefix, name in names]
    assert len(set(ids)) == len(ids)
    assert not set(ids) & RESERVED


@given(PREFIXES, NAMES)
def test_every_id_is_a_plain_fragment(prefix: str, name: str) -> None:
    """An id starts with a letter and holds only letters, digits and `_.:-`."""
    assert FRAGMENT.fullmatch(anchor(name, prefix))
