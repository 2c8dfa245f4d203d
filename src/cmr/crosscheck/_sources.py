"""The published coup lists `cmr crosscheck` reads, one entry per source.

Each source says how its file is read, which country codes its rows carry (`gw`: Gleditsch &
Ward, `cow`: Correlates of War) and its own words for an outcome (`categories`). `success` is
the category of a coup whose perpetrators held power for seven days, `failure` the category
the same event would have had if they had not: near the reference moment the seven days may
not have passed, and then either is accepted. Which event type of the codebook a category
stands for is the dataset's choice, in its settings (`cmr.crosscheck._settings`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cmr.external import CoupEvent, read_cline, read_powell_thyne
from cmr.findings import Finding

Reader = Callable[..., tuple[list[CoupEvent], list[Finding]]]


@dataclass(frozen=True)
class Source:
    """A published coup list: its name on the command line, title, code system and reader."""

    name: str
    title: str
    system: str
    categories: tuple[str, ...]
    success: str
    failure: str
    reader: Reader

    def read(self, path: Path, shown: str) -> tuple[list[CoupEvent], list[Finding]]:
        """The file's events and the findings about rows left out."""
        return self.reader(path, name=shown)


SOURCES: dict[str, Source] = {
    s.name: s
    for s in (
        Source(
            "powell-thyne",
            "Powell & Thyne",
            "gw",
            ("successful", "failed"),
            "successful",
            "failed",
            read_powell_thyne,
        ),
        Source(
            "cline",
            "Cline Center Coup d'État Project",
            "cow",
            ("realized", "attempted", "conspiracy"),
            "realized",
            "attempted",
            read_cline,
        ),
    )
}
SYSTEMS = {"gw": "Gleditsch & Ward", "cow": "Correlates of War"}
