"""Legacy coding memos → observation files (`cmr import-memo`).

>>> run = import_memos(["memos/201.txt"], coder="legacy-memo")   # doctest: +SKIP
>>> run.result.success, run.written                                # doctest: +SKIP
(True, [PosixPath('observations/AZE/1992.yaml')])

The pieces are usable on their own: `read_memo` (bytes → clean text), `parse_memo` (text →
`Memo`), `build_observation` (`Memo` → observation data, or findings), `render_observation`
(data → YAML text) and `read_footnotes` (the `--footnotes` CSV).
"""

from __future__ import annotations

from cmr.memo._build import Options, build_observation
from cmr.memo._footnotes import FootnoteMap, FootnoteRef, read_footnotes
from cmr.memo._import import ImportRun, OptionError, import_memos
from cmr.memo._parse import Memo, MemoQuestion, parse_memo
from cmr.memo._read import read_memo
from cmr.memo._render import render_observation

__all__ = [
    "FootnoteMap",
    "FootnoteRef",
    "ImportRun",
    "Memo",
    "MemoQuestion",
    "OptionError",
    "Options",
    "build_observation",
    "import_memos",
    "parse_memo",
    "read_footnotes",
    "read_memo",
    "render_observation",
]
