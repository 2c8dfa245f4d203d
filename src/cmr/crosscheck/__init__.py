"""`cmr crosscheck`: a dataset's coup answers and events set beside published coup lists.

`crosscheck(project, source, file)` reads the Powell & Thyne or Cline Center file, compares
every adjudicated observation with the rows of its country and returns a `Report` of items
(`agree`, `disagree`, `unmentioned`, `explained`, `undecided`, `stale`), each with the
observation's place and evidence and the source's rows (file:line) side by side, and the
findings about what could not be read. Which questions are compared, their windows and the
event types they rest on come from the codebook's event rules; which event type each of the
source's categories stands for comes from the dataset's settings (`[crosscheck.<source>]`).

>>> report = crosscheck(Project.find(), "powell-thyne", Path("pt.txt"))  # doctest: +SKIP
>>> report.counts()["disagree"]
0
"""

from __future__ import annotations

from cmr.crosscheck._render import RENDERERS
from cmr.crosscheck._report import FAILING, KINDS, ExternalRow, Item, Report
from cmr.crosscheck._run import crosscheck
from cmr.crosscheck._sources import SOURCES, Source

__all__ = [
    "FAILING",
    "KINDS",
    "RENDERERS",
    "SOURCES",
    "ExternalRow",
    "Item",
    "Report",
    "Source",
    "crosscheck",
]
