"""The catalogue of finding kinds: every code cmr can report, with its severity and meaning.

Each family of checks keeps its kinds in a module of this package; `KINDS` gathers them all.
`cmr codes` prints the catalogue and `docs/codes.md` is generated from it (a test fails when the
two drift apart).

>>> KINDS["answer-not-in-scale"].severity
'error'
"""

from __future__ import annotations

from cmr.catalogue import (
    _agreement,
    _bib,
    _coder,
    _core,
    _coverage,
    _crosscheck,
    _drafts,
    _events,
    _export,
    _external,
    _files,
    _memo,
    _publish,
    _rules,
    _site,
    _versions,
)
from cmr.catalogue._kind import Kind, make

__all__ = ["KINDS", "Kind", "finding", "make"]

KINDS: dict[str, Kind] = {}
for _module in (
    _core,
    _files,
    _rules,
    _memo,
    _export,
    _agreement,
    _coder,
    _bib,
    _drafts,
    _versions,
    _events,
    _publish,
    _site,
    _external,
    _coverage,
    _crosscheck,
):
    for _kind in _module.KINDS:
        if _kind.code in KINDS:
            raise RuntimeError(f"finding code defined twice: {_kind.code}")
        KINDS[_kind.code] = _kind

finding = make(KINDS)
