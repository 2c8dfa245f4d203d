"""Observation files: one country-year coded by one coder, read and checked on their own.

`read_observation` never raises on bad input: every problem becomes a located finding, and the
observation comes back as well whenever the file could be parsed, so that later checks can use
what is there.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from cmr import _yaml, countries
from cmr._schema_words import describe, kind_of, shown_value, yaml_key
from cmr.catalogue import KINDS, finding
from cmr.codebook import Codebook, CodebookError, Codebooks, Question
from cmr.errors import one_line
from cmr.findings import Finding
from cmr.layout import layout
from cmr.registry import file_check, register

MAX_BYTES = 2_000_000
MAX_SCHEMA_FINDINGS = 100

register(
    "read",
    "file",
    (
        "file-unreadable",
        "file-not-regular",
        "file-outside-repository",
        "file-too-large",
        "file-binary",
        "file-encoding",
        "file-encoding-bom",
        "file-empty",
        "yaml-syntax",
        "yaml-duplicate-key",
        "yaml-alias",
        "yaml-too-deep",
        "yaml-tag",
        "yaml-documents",
        "document-not-mapping",
    ),
    "The file is a regular file inside the repository (a link is followed only to a file "
    "inside it), of sane size, UTF-8 text, well-formed YAML 1.2 without duplicate keys, "
    "runaway aliases or deep nesting, holding one mapping of fields.",
    fixed=True,
)
Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Observation:
    """A parsed observation. `data` is the file's content as plain values."""

    path: str
    data: dict[str, Any]
    codebook: Codebook

    @property
    def iso3c(self) -> str:
        return str(self.data.get("iso3c", ""))

    @property
    def year(self) -> int:
        year = self.data.get("year")
        return year if isinstance(year, int) and not isinstance(year, bool) else 0

    @property
    def coder(self) -> str:
        return str(self.data.get("coder", ""))

    @cached_property
    def answers(self) -> dict[str, Any]:
        answers = self.data.get("answers")
        return answers if isinstance(answers, dict) else {}

    def answer(self, variable: str) -> str | None:
        """The answer code given for `variable`, or None when there is none."""
        entry = self.answers.get(variable)
        value = entry.get("answer") if isinstance(entry, dict) else None
        return value if isinstance(value, str) else None

    @property
    def as_of(self) -> dt.date | None:
        return _date(self.data.get("as_of"))

    @property
    def reference_moment(self) -> dt.date:
        """The moment the observation describes: the unit's reference date in its year, or
        `as_of` for an event-anchored unit; without units, `as_of` when given, otherwise 31
        December (see `cmr.units`)."""
        from cmr.units import reference_moment

        return reference_moment(self.codebook, self.data)


def _plain_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


@dataclass
class _Findings:
    """Findings addressed by document path; lines are looked up once, only if there are any."""

    file: str
    text: str = ""
    pending: list[tuple[str, Path_, bool, dict[str, Any]]] = field(default_factory=list)
    located: list[Finding] = field(default_factory=list)

    def add(self, code: str, path: Path_ = (), *, at_key: bool = False, **params: Any) -> None:
        """Record a finding at the value of `path` (at its key with `at_key`)."""
        self.pending.append((code, path, at_key, params))

    def instead(self, code: str, path: Path_, **params: Any) -> None:
        """Record a finding at `path` in place of those already there: one mistake, one
        finding, the one that says what to write."""
        self.pending = [p for p in self.pending if p[1] != path]
        self.add(code, path, **params)

    def has(self, path: Path_) -> bool:
        """True when a finding is already recorded at `path`."""
        return any(p[1] == path for p in self.pending)

    def at(self, code: str, line: int, column: int, **params: Any) -> None:
        self.located.append(finding(code, self.file, line, column, **params))

    def resolve(self) -> list[Finding]:
        out = list(self.located)
        if self.pending:
            locator = _yaml.Locator.try_compose(self.text) or _yaml.Locator(None)
            for code, path, key, params in self.pending:
                pos = locator.position(path, key=key)
                pointer = ".".join(str(p) for p in path)
                out.append(
                    finding(code, self.file, pos.line, pos.column, pointer=pointer, **params)
                )
        return out


def read_text(path: Path, out: _Findings, root: Path | None = None) -> str | None:
    """The file's text, or None after recording why it cannot be read.

    Links are followed only into `root` (default: the repository holding the file); see
    `cmr._files`.
    """
    from cmr import _files

    if root is None:
        root = _files.repository_root(os.path.dirname(os.path.abspath(path)))
    raw = _files.read_bytes(path, root=root, limit=MAX_BYTES)
    text = _files.decode_text(raw) if isinstance(raw, bytes) else raw
    if isinstance(text, _files.FileProblem):
        out.at(text.code, text.line, text.column, **text.params)
        return None
    return text


@dataclass
class Subject:
    """What a file-scope check sees: the file, its parsed data, its codebook and the context."""

    path: Path
    data: dict[str, Any]
    book: Codebook
    out: _Findings
    today: dt.date
    citation_keys: frozenset[str] | None
    bibliography: str
    observations: Path | None = None
    versions: tuple[str, ...] = ()
    """The dataset's codebook versions (for provenance that names one)."""

    @cached_property
    def observation(self) -> Observation:
        return Observation(self.out.file, self.data, self.book)


FileCheck = Callable[[Subject], None]
FILE_CHECKS: list[FileCheck] = []


def file_scope_check(name: str, codes: tuple[str, ...]) -> Callable[[FileCheck], FileCheck]:
    """Register a check in `cmr.registry`, and in the order `read_observation` runs them."""

    def decorate(func: FileCheck) -> FileCheck:
        file_check(name, codes)(func)
        FILE_CHECKS.append(func)
        return func

    return decorate


def read_observation(
    path: Path,
    books: Codebooks,
    *,
    display: str | None = None,
    citation_keys: frozenset[str] | None = None,
    bibliography: str = "references.bib",
    today: dt.date | None = None,
    root: Path | None = None,
    observations: Path | None = None,
) -> tuple[Observation | None, list[Finding]]:
    """Read one observation file and run every registered file-scope check on it.

    `citation_keys` is the set of keys in the bibliography (None: do not check citations);
    `root` is the repository, outside which links are not followed; inside `observations`
    (the dataset's observation folder) a file must sit exactly at `<ISO3>/<year>.yaml` or
    `<ISO3>/<year>/<coder>.yaml`.
    """
    out = _Findings(display or str(path))
    data = _parse(path, out, root)
    if data is None:
        return None, out.resolve()
    book = _codebook_of(data, books, out)
    if book is None:
        return None, out.resolve()
    today = today or dt.date.today()
    subject = Subject(
        path,
        data,
        book,
        out,
        today,
        citation_keys,
        bibliography,
        observations,
        tuple(books.versions),
    )
    for check in FILE_CHECKS:
        check(subject)
    return subject.observation, out.resolve()


def _parse(path: Path, out: _Findings, root: Path | None) -> dict[str, Any] | None:
    """The file's top-level mapping, or None after recording why there is none."""
    text = read_text(path, out, root)
    if text is None:
        return None
    out.text = text
    try:
        data = _yaml.loads(text)
    except _yaml.YamlError as err:
        code = {"duplicate-key": "yaml-duplicate-key", "alias": "yaml-alias"}.get(
            err.kind, "yaml-syntax"
        )
        if err.kind not in ("duplicate-key", "alias", "syntax") and err.kind in KINDS:
            code = err.kind
        params = (
            {"key": err.message.removeprefix("duplicate key ").strip("'")}
            if code == "yaml-duplicate-key"
            else {"problem": err.message}
        )
        out.at(code, err.line, err.column, **params)
        return None
    if data is None:
        out.at("file-empty", 1, 1)
        return None
    if not isinstance(data, dict):
        out.at("document-not-mapping", 1, 1, found=kind_of(data))
        return None
    return data


def _codebook_of(data: dict[str, Any], books: Codebooks, out: _Findings) -> Codebook | None:
    version = data.get("codebook")
    if version is None:
        out.add("field-missing", (), field="codebook")
        return None
    try:
        book = books.get(str(version))
    except CodebookError as exc:
        out.located.extend(exc.findings)
        where = exc.findings[0].file if exc.findings else str(version)
        out.add("codebook-unusable", ("codebook",), version=str(version), where=where)
        return None
    if book is None:
        out.add(
            "codebook-unknown-version",
            ("codebook",),
            version=str(version),
            known=", ".join(books.versions) or "none",
        )
    return book


def _non_string_key(value: Any, path: Path_) -> tuple[Path_, Any] | None:
    """The first mapping key that YAML read as a number, boolean or null, with its place.

    Depth-first in document order with an explicit stack, so no nesting exhausts recursion.
    """
    stack: list[tuple[Iterator[tuple[bool, Any, Any]], Path_]] = [(_entries(value), path)]
    while stack:
        entries, where = stack[-1]
        step = next(entries, None)
        if step is None:
            stack.pop()
            continue
        mapping, key, item = step
        if mapping and not isinstance(key, str):
            return where, key
        stack.append((_entries(item), (*where, key)))
    return None


def _entries(value: Any) -> Iterator[tuple[bool, Any, Any]]:
    """(is a mapping key, key or index, item) for each entry of a mapping or list."""
    if isinstance(value, dict):
        return ((True, k, v) for k, v in value.items())
    if isinstance(value, list):
        return ((False, i, v) for i, v in enumerate(value))
    return iter(())


def _hint(name: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(name, choices, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


@file_scope_check(
    "schema",
    (
        "field-missing",
        "field-unknown",
        "field-type",
        "value-invalid",
        "question-unknown",
        "answer-missing",
        "answer-not-in-scale",
        "key-not-string",
    ),
)
def _validate(s: Subject) -> None:
    """The observation matches the JSON Schema generated from the codebook version it names."""
    from cmr.schema import validator as compiled

    data, book, out = s.data, s.book, s.out

    validator = compiled(book)
    try:
        if validator.is_valid(data):
            return
        errors = list(validator.iter_errors(data))
        unanswered = _unanswered(data, book)
        if unanswered:
            errors = [e for e in errors if not _about_unanswered(e, unanswered)]
            _report_unanswered(s, unanswered)
    except (TypeError, ValueError) as exc:  # keys that are not strings, huge integers
        bad = _non_string_key(data, ())
        if bad is not None:
            path, key = bad
            out.add("key-not-string", (*path, key), at_key=True, key=yaml_key(key))
        else:
            out.add("value-invalid", (), where="document", detail=_unreadable_value(exc))
        return
    for error in errors[:MAX_SCHEMA_FINDINGS]:
        _schema_finding(error, data, book, out)
    if len(errors) > MAX_SCHEMA_FINDINGS:  # a runaway file: say how many, not each of them
        more = len(errors) - MAX_SCHEMA_FINDINGS
        out.add(
            "value-invalid",
            (),
            where="document",
            detail=f"{more} more problems like the ones above are not listed",
        )


def is_draft(data: dict[str, Any]) -> bool:
    """True when the observation says `status: draft` (work in progress)."""
    return data.get("status") == "draft"


def _unanswered(data: dict[str, Any], book: Codebook) -> list[str]:
    """The variables with no answer yet: no entry, or an entry whose `answer` is empty."""
    answers = data.get("answers")
    if not isinstance(answers, dict):
        return []
    return [
        v
        for v in book.variables
        if v not in answers
        or answers[v] is None
        or (isinstance(answers[v], dict) and answers[v].get("answer") in (None, ""))
    ]


def _about_unanswered(error: Any, unanswered: list[str]) -> bool:
    """True for a schema error that only restates that a question is not answered yet: one
    finding per unanswered question says it, not one per empty field of its template."""
    path = tuple(error.instance_path)
    if type(error.kind).__name__ == "AdditionalProperties":
        return False  # a misspelt field is a mistake of its own, answered or not
    if len(path) >= 2 and path[0] == "answers" and path[1] in unanswered:
        return True
    return (
        path == ("answers",)
        and type(error.kind).__name__ == "Required"
        and error.kind.property in unanswered
    )


def _report_unanswered(s: Subject, unanswered: list[str]) -> None:
    """`answer-missing` once per unanswered question: a warning in a draft, else an error."""
    severity = "warning" if is_draft(s.data) else "error"
    answers = s.data["answers"]
    for variable in unanswered:
        q = s.book.by_variable[variable]
        entry = answers.get(variable)
        where: Path_ = ("answers", variable)
        if isinstance(entry, dict) and "answer" in entry:
            where = (*where, "answer")
        elif variable not in answers:
            where = ("answers",)
        at_key = where != ("answers", variable, "answer")
        s.out.add(
            "answer-missing",
            where,
            at_key=at_key,
            id=q.id,
            variable=variable,
            text=q.text,
            severity=severity,
        )


def _unreadable_value(exc: Exception) -> str:
    if "integer" in str(exc).lower() or "number" in str(exc).lower():
        return "holds a number too large to read"
    return "holds a value that cannot be checked"


def _schema_finding(error: Any, data: dict[str, Any], book: Codebook, out: _Findings) -> None:
    path: Path_ = tuple(error.instance_path)
    kind = error.kind
    name = type(kind).__name__
    pointer = ".".join(str(p) for p in path) or "document"
    if name == "Required":
        if path == ("answers",):
            q = book.question(kind.property)
            out.add("answer-missing", path, at_key=True, id=q.id, variable=q.variable, text=q.text)
        else:
            # in a draft a field still to fill in under an answer or event (a citation's
            # tier after a migration) is an open item, like an unanswered question
            open_item = (
                is_draft(data)
                and path[:1] in (("answers",), ("events",))
                and "previous" not in path  # provenance cmr writes: malformed, not unfinished
            )
            severity = "warning" if open_item else None
            out.add("field-missing", path, at_key=True, field=kind.property, severity=severity)
    elif name == "AdditionalProperties":
        _unknown_keys(path, list(kind.unexpected), data, book, out)
    elif name == "Enum" and len(path) == 3 and path[0] == "answers" and path[2] == "answer":
        q = book.question(str(path[1]))
        shown = "an empty answer" if error.instance is None else shown_value(error.instance)
        out.add(
            "answer-not-in-scale",
            path,
            value=shown,
            id=q.id,
            variable=q.variable,
            allowed=", ".join(q.scale.codes),
        )
    elif name == "Type":
        out.add("field-type", path, where=pointer, detail=describe(error, _value_at(data, path)))
    else:
        out.add("value-invalid", path, where=pointer, detail=describe(error, _value_at(data, path)))


def _value_at(data: Any, path: Path_) -> Any:
    """The parsed value at `path` (None where the path does not lead anywhere)."""
    for step in path:
        if isinstance(data, dict):
            data = data.get(step)
        elif isinstance(data, list) and isinstance(step, int) and step < len(data):
            data = data[step]
        else:
            return None
    return data


def _unknown_keys(
    path: Path_, extras: list[str], data: dict[str, Any], book: Codebook, out: _Findings
) -> None:
    """One finding per unknown key (the first `MAX_SCHEMA_FINDINGS`), with a did-you-mean."""
    in_answers = path == ("answers",)
    known = book.variables if in_answers else list(_properties_at(path, data, book))
    for extra in extras[:MAX_SCHEMA_FINDINGS]:
        hint = _hint(extra, known)
        if in_answers:
            out.add(
                "question-unknown",
                (*path, extra),
                at_key=True,
                variable=extra,
                version=book.version,
                hint=hint,
            )
        else:
            out.add("field-unknown", (*path, extra), at_key=True, field=extra, hint=hint)
    if len(extras) > MAX_SCHEMA_FINDINGS:
        more = len(extras) - MAX_SCHEMA_FINDINGS
        out.add(
            "value-invalid",
            path,
            where=".".join(map(str, path)) or "document",
            detail=f"{more} more unknown fields are not listed",
        )


@lru_cache(maxsize=8)
def _schema_of(book: Codebook) -> dict[str, Any]:
    from cmr.schema import observation_schema

    return observation_schema(book)


def _properties_at(path: Path_, data: dict[str, Any], book: Codebook) -> list[str]:
    node: dict[str, Any] = _schema_of(book)
    for step in path:
        props = node.get("properties", {})
        node = props.get(step) or props.get(str(step)) or {}
        if "$ref" in node or not props:
            break
    return list(node.get("properties", {}))


@file_scope_check("country", ("country-unknown", "country-code-mismatch", "country-historical"))
def _check_country(s: Subject) -> None:
    """The country name is known and its ISO3 and COW codes agree with it; a former state
    coded with its successor's codes is a warning naming both."""
    data, out = s.data, s.out
    name, iso3c, cown = data.get("country"), data.get("iso3c"), data.get("cown")
    if not isinstance(name, str) or not name.strip():
        return
    country = countries.by_name(name)
    if country is None:
        out.add("country-unknown", ("country",), name=name, hint=countries.hint(name))
        return
    said = countries.substitution(name)
    if said is not None:
        out.add("country-historical", ("country",), said=said)
    if isinstance(iso3c, str) and iso3c != country.iso3c:
        out.instead(
            "country-code-mismatch",
            ("iso3c",),
            field="iso3c",
            value=iso3c,
            country=country.name,
            expected=country.iso3c,
        )
    plain = cown is None or (isinstance(cown, int) and not isinstance(cown, bool))
    if plain and "cown" in data and cown not in _cown_in_force(country, data):
        out.instead(
            "country-code-mismatch",
            ("cown",),
            field="cown",
            value=cown,
            country=country.name,
            expected=_cown_in_force(country, data)[0],
        )


def _cown_in_force(country: countries.Country, data: dict[str, Any]) -> list[int | None]:
    """The COW codes a coder may give: the code in force on the observation's day (`as_of`, else
    the year's last day: West Germany's 260 in 1980), first, then any in force during the year,
    then countrycode's."""
    days: list[dt.date] = []
    with contextlib.suppress(TypeError, ValueError):
        days.append(dt.date.fromisoformat(str(data.get("as_of"))))
    year = data.get("year")
    if isinstance(year, int) and not isinstance(year, bool) and 1 <= year <= 9999:
        days += [dt.date(year, 12, 31), dt.date(year, 1, 1)]
    return [*(countries.codes(country.iso3c, d).cown for d in days), country.cown]


@file_scope_check(
    "dates",
    (
        "year-implausible",
        "date-invalid",
        "coded-on-future",
        "coded-on-before-year",
        "as-of-outside-year",
    ),
)
def _check_dates(s: Subject) -> None:
    """The year is plausible, dates are real dates, `coded_on` falls after the coded year
    began and before today, and `as_of` falls inside the year."""
    data, book, out, today = s.data, s.book, s.out, s.today
    year = data.get("year")
    # the schema has the codebook's bounds (or 9999); the future depends on today
    future = isinstance(year, int) and not isinstance(year, bool) and today.year < year <= 9999
    if future and book.max_year is None:
        out.add("year-implausible", ("year",), year=year, low=book.min_year, high=today.year)
    for name in ("coded_on", "as_of"):
        value = data.get(name)
        if isinstance(value, str) and _date(value) is None:
            out.add("date-invalid", (name,), field=name, value=value)
    coded_on, as_of = _date(data.get("coded_on")), _date(data.get("as_of"))
    if coded_on is not None and coded_on > today:
        out.add("coded-on-future", ("coded_on",), coded_on=coded_on.isoformat())
    elif (
        coded_on is not None
        and isinstance(year, int)
        and _plain_int(year)
        and 1 <= year <= today.year
    ):
        moment = as_of or dt.date(year, 12, 31)
        if coded_on < moment:
            out.add(
                "coded-on-before-year",
                ("coded_on",),
                coded_on=coded_on.isoformat(),
                moment=moment.isoformat(),
            )
    for name in ("year", "cown"):
        value = data.get(name)
        if isinstance(value, float) and value.is_integer():  # JSON Schema takes 1993.0
            out.add(
                "field-type",
                (name,),
                where=name,
                detail="expected a whole number, found a number with a decimal point",
            )
    if as_of is not None and isinstance(year, int) and as_of.year != year:
        out.add("as-of-outside-year", ("as_of",), as_of=as_of.isoformat(), year=year)


@file_scope_check(
    "answers",
    ("citation-missing", "evidence-blank", "citation-unknown-key", "citation-unresolved-footnote"),
)
def _check_answers(s: Subject) -> None:
    """Answers that must cite evidence do; evidence is not blank; cited keys exist."""
    obs, out, keys, bibliography = s.observation, s.out, s.citation_keys, s.bibliography
    for variable, entry in obs.answers.items():
        if not isinstance(entry, dict) or variable not in obs.codebook.by_variable:
            continue
        question = obs.codebook.by_variable[variable]
        answer = entry.get("answer")
        citations = entry.get("citations")
        cited = citations if isinstance(citations, list) else []
        evidence = entry.get("evidence")
        if isinstance(evidence, str) and evidence and not any(c.isalnum() for c in evidence):
            out.add(
                "evidence-blank",
                ("answers", variable, "evidence"),
                id=question.id,
                variable=variable,
            )
        if isinstance(answer, str) and question.scale.requires_citation(answer) and not cited:
            out.add(
                "citation-missing",
                ("answers", variable, "answer"),
                id=question.id,
                variable=variable,
                answer=answer,
            )
        if keys is not None:
            _check_citations(question, cited, out, keys, bibliography)


def _check_citations(
    question: Question, cited: list[Any], out: _Findings, keys: frozenset[str], bibliography: str
) -> None:
    for i, item in enumerate(cited):
        key = item.get("key") if isinstance(item, dict) else None
        if not isinstance(key, str) or key in keys:
            continue
        where = ("answers", question.variable, "citations", i, "key")
        footnote = item.get("footnote")
        if isinstance(footnote, int):
            out.add("citation-unresolved-footnote", where, footnote=footnote)
        else:
            out.add(
                "citation-unknown-key",
                where,
                key=key,
                bibliography=bibliography,
                hint=_hint(key, sorted(keys)),
            )


@file_scope_check("work-in-progress", ("answer-carried", "answer-needs-review"))
def _check_open_items(s: Subject) -> None:
    """Answers carried forward or marked for review are confirmed before a file is final.

    A value of the wrong type is the schema's finding alone (one mistake, one finding)."""
    severity = "warning" if is_draft(s.data) else "error"
    for variable, entry in s.observation.answers.items():
        if not isinstance(entry, dict) or variable not in s.book.by_variable:
            continue
        q = s.book.by_variable[variable]
        where: Path_ = ("answers", variable)
        carried, reason = entry.get("carried_from"), entry.get("needs_review")
        if isinstance(carried, int) and not isinstance(carried, bool):
            _carried_from(s, q, carried, severity)
        _check_previous(s, entry.get("previous"), (*where, "previous", "codebook"))
        if isinstance(reason, str) and reason.strip():
            s.out.add(
                "answer-needs-review",
                (*where, "needs_review"),
                at_key=True,
                id=q.id,
                variable=variable,
                reason=one_line(" ".join(reason.split())),
                severity=severity,
            )


def _check_previous(s: Subject, previous: Any, where: Path_) -> None:
    """Provenance names a codebook version the dataset has (the schema checks its form)."""
    version = previous.get("codebook") if isinstance(previous, dict) else None
    if isinstance(version, str) and s.versions and version not in s.versions:
        known = ", ".join(s.versions)
        detail = f"{one_line(version)!r} is not a codebook version of this dataset ({known})"
        s.out.add("value-invalid", where, where=".".join(map(str, where)), detail=detail)


def _carried_from(s: Subject, q: Question, carried: int, severity: str) -> None:
    """`answer-carried`, or `value-invalid` when the year is not an earlier year."""
    where: Path_ = ("answers", q.variable, "carried_from")
    year = s.observation.year
    if not s.book.min_year <= carried < year:
        detail = f"{carried} is not a year before the observation's ({year})"
        s.out.add("value-invalid", where, where=".".join(map(str, where)), detail=detail)
        return
    s.out.add(
        "answer-carried",
        where,
        at_key=True,
        id=q.id,
        variable=q.variable,
        year=carried,
        severity=severity,
    )


@file_scope_check("location", ("path-unexpected", "path-mismatch"))
def _check_location(s: Subject) -> None:
    """The file's place (see `cmr.layout`) matches the country, year and coder it holds."""
    path, data, out = s.path, s.data, s.out
    where = layout(os.path.abspath(path), s.observations)
    found = {"iso3c": data.get("iso3c"), "year": data.get("year"), "coder": data.get("coder")}
    if where is None:
        out.add("path-unexpected", (), what=" ".join(_word(v) for v in found.values()))
        return
    expected = {"iso3c": where.iso3c, "year": where.year, "coder": where.coder}
    keys = ("iso3c", "year", "coder") if where.independent else ("iso3c", "year")
    # a key already reported (a wrong iso3c for the country) is not reported again here
    wrong = [k for k in keys if _word(found[k]) != str(expected[k]) and not out.has((k,))]
    if wrong:
        out.add(
            "path-mismatch",
            (wrong[0],) if wrong[0] in data else (),
            where="/".join(str(expected[k]) for k in keys),
            what=" ".join(_word(found[k]) for k in keys),
        )


def _word(value: Any) -> str:
    """A top-level value as the coder wrote it (`true`, not `True`)."""
    return value if isinstance(value, str) else shown_value(value)
