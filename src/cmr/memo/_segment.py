"""`Segment`: a piece of a memo's text with the line and column where it starts."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    """Text from one line of the memo; `column` is where it starts (1-based)."""

    line: int
    column: int
    text: str
