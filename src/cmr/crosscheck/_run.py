"""`crosscheck`: every adjudicated observation of a dataset set beside a published coup list.

The source file is read first (its malformed rows are findings and are left out, a repeated
row is compared once); then each
adjudicated observation (`<ISO3>/<year>.yaml`; drafts only with `drafts=True`) is compared
with the rows of its country: its answers through the codebook's event rules
(`cmr.crosscheck._answers`), its events of the year (`cmr.crosscheck._events`), and its
acknowledgements settle what it has explained (`cmr.crosscheck._acknowledged`). Countries are
matched by code: the observation's `cown` for a Correlates of War list, the country table's
Gleditsch & Ward code for its ISO3 code for a Gleditsch & Ward list, or the codes the settings
give for the ISO3 code (`codes`), which is how states the two systems number differently
are matched on purpose.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from cmr.codebook import Codebook, CodebookError, Codebooks
from cmr.crosscheck._acknowledged import settle
from cmr.crosscheck._answers import answer_items
from cmr.crosscheck._countries import codes_of
from cmr.crosscheck._events import event_items
from cmr.crosscheck._load import load
from cmr.crosscheck._repeats import without_repeats
from cmr.crosscheck._report import Item, Report
from cmr.crosscheck._settings import Mapping, mapping_for
from cmr.crosscheck._sources import SOURCES, SYSTEMS
from cmr.crosscheck._subject import Subject, known_at
from cmr.crosscheck._tests import answer_tests
from cmr.discovery import discover
from cmr.external import CoupEvent
from cmr.layout import layout
from cmr.observation import is_draft
from cmr.project import Project

Show = Callable[[str], str]


def crosscheck(
    project: Project, source: str, file: Path, *, drafts: bool = False, show: Show = str
) -> Report:
    """Compare the dataset's adjudicated observations with the coup list `file` of `source`
    (`powell-thyne` or `cline`). Settings that cannot be used raise `SettingsError`."""
    src = SOURCES[source]
    books = Codebooks(project.codebook_dir)
    try:
        mapping = mapping_for(project.config, src, books.latest)
    except CodebookError as exc:
        return Report(src.name, show(str(file)), findings=list(exc.findings))
    events, findings = src.read(file, show(str(file)))
    events, repeats = without_repeats(events, src.title)
    findings.extend(repeats)
    report = Report(src.name, show(str(file)), findings=findings, events=len(events))
    by_code: dict[int, list[CoupEvent]] = defaultdict(list)
    for e in events:
        by_code[e.code].append(e)
    years = [e.year for e in events]
    run = _Run(project, books, mapping, by_code, (min(years), max(years)) if years else None)
    found = discover([project.observations_dir], show)
    report.findings.extend(f for f in found.findings if f.severity == "error")
    for path in found.files:
        run.one(report, path, drafts, show)
    report.items.sort(key=Item.sort_key)
    report.findings.sort()
    return report


class _Run:
    """What every observation is compared with."""

    def __init__(
        self,
        project: Project,
        books: Codebooks,
        mapping: Mapping,
        by_code: dict[int, list[CoupEvent]],
        coverage: tuple[int, int] | None,
    ):
        self.project, self.books, self.mapping = project, books, mapping
        self.by_code, self.coverage = by_code, coverage

    def one(self, report: Report, path: str, drafts: bool, show: Show) -> None:
        where = layout(path, self.project.observations_dir)
        if where is None or where.independent:
            return
        obs, text, errors = load(path, self.books, self.project, show(path))
        if obs is None:
            report.findings.extend(errors)
            return
        if is_draft(obs.data) and not drafts:
            report.drafts.append(obs.path)
            return
        report.observations += 1
        s = Subject(obs.path, obs.data, obs.codebook, text, self.coverage)
        items, findings = settle(s, self._items(s), self.mapping.source.name)
        report.items.extend(items)
        report.findings.extend(findings)

    def _items(self, s: Subject) -> list[Item]:
        codes = codes_of(s.data, self.mapping)
        if not codes:
            system = SYSTEMS[self.mapping.source.system]
            said = (
                f"no {system} code for {s.data.get('iso3c')}: nothing is compared; give one in "
                f"[crosscheck.{self.mapping.source.name}] codes"
            )
            return [s.item("undecided", ("iso3c",), said)]
        s.known = known_at(
            [e for c in codes for e in self.by_code.get(c, [])], self.mapping, s.high
        )
        tests = answer_tests(s.book, self.mapping.event_types)
        items = list(answer_items(s, tests))
        if self.mapping.event_types & set(s.book.events.codes):
            items.extend(event_items(s, self.mapping))
        elif not tests:
            said = _nothing(s.book, self.mapping)
            items.append(s.item("undecided", ("codebook",), said))
        return items


def _nothing(book: Codebook, mapping: Mapping) -> str:
    types = ", ".join(sorted(mapping.event_types))
    return f"codebook {book.version} has neither the event types {types} nor rules on them"
