"""The status board: what is coded, by whom, under which codebook, and what is still open.

`cmr status` checks the dataset (cached, as `cmr check` does) and prints one row per
country-year; `--matrix` a countries × years grid.

>>> board = status_board()          # doctest: +SKIP
>>> [(r.iso3c, r.year, r.status) for r in board.rows][:1]   # doctest: +SKIP
[('AZE', 1992, 'final')]
"""

from __future__ import annotations

from cmr.status._board import Board, Row, build_board, status_board
from cmr.status._render import RENDERERS, matrix

__all__ = ["RENDERERS", "Board", "Row", "build_board", "matrix", "status_board"]
