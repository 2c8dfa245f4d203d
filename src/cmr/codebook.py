"""The codebook: questions, variable names, scales, windows and guidance, loaded from YAML.

Everything cmr knows about questions comes from here; no question id, variable name or wording
lives in code. A codebook directory holds one file per version (`codebook/1.0.0.yaml`); each
observation names the version it was coded under.

>>> books = Codebooks("codebook")               # doctest: +SKIP
>>> [q.variable for q in books.latest.questions]  # doctest: +SKIP
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from cmr import _files, _section_checks, _sections, _yaml
from cmr._schema_words import describe
from cmr._sections import Concept as Concept
from cmr._sections import Events as Events
from cmr._sections import EventType as EventType
from cmr._sections import Lineage as Lineage
from cmr._sections import Tier as Tier
from cmr._sections import Unit as Unit
from cmr.catalogue import finding
from cmr.findings import Finding

DATA = Path(__file__).parent / "data"
MAX_BYTES = 10_000_000


class CodebookError(Exception):
    """A codebook that cannot be used; carries the findings that explain why."""

    def __init__(self, findings: list[Finding]):
        super().__init__("\n".join(f.render() for f in findings))
        self.findings = findings


@dataclass(frozen=True)
class ScaleValue:
    code: str
    value: int
    label: str
    description: str
    requires_citation: bool = True


@dataclass(frozen=True)
class MissingCode:
    code: str
    label: str
    description: str
    requires_citation: bool = False
    requires_note: bool = False


@dataclass(frozen=True)
class Scale:
    name: str
    label: str
    values: tuple[ScaleValue, ...]
    missing: tuple[MissingCode, ...]
    description: str = ""

    @property
    def codes(self) -> tuple[str, ...]:
        """Every answer this scale accepts: values first, then missing codes."""
        return tuple(v.code for v in self.values) + tuple(m.code for m in self.missing)

    def value_of(self, code: str) -> int | None:
        """The numeric value of an answer code; None for a missing code."""
        for v in self.values:
            if v.code == code:
                return v.value
        return None

    def _item(self, code: str) -> ScaleValue | MissingCode | None:
        items: tuple[ScaleValue | MissingCode, ...] = (*self.values, *self.missing)
        return next((item for item in items if item.code == code), None)

    def requires_citation(self, code: str) -> bool:
        item = self._item(code)
        return item is not None and item.requires_citation

    def requires_note(self, code: str) -> bool:
        return any(m.code == code and m.requires_note for m in self.missing)

    def label_of(self, code: str) -> str:
        item = self._item(code)
        return item.label if item is not None else code


@dataclass(frozen=True)
class Window:
    name: str
    years: int
    label: str
    description: str


@dataclass(frozen=True)
class Question:
    id: str
    variable: str
    label: str
    text: str
    scale: Scale
    window: Window | None
    guidance: dict[str, Any]
    slow_moving: bool = False
    concepts: tuple[str, ...] = ()

    def describe(self) -> str:
        """The question text with its guidance, as shown on hover in editors."""
        parts = [f"{self.id} {self.text}"]
        if summary := self.guidance.get("summary"):
            parts.append(str(summary))
        for code in self.scale.codes:
            if code in self.guidance:
                parts.append(f"{code}: {self.guidance[code]}")
        if self.window is not None:
            parts.append(f"Window: {self.window.description}")
        return "\n\n".join(parts)


@dataclass(frozen=True, eq=False)
class Codebook:
    """One version of the codebook."""

    name: str
    version: str
    status: str
    title: str
    questions: tuple[Question, ...]
    scales: dict[str, Scale]
    windows: dict[str, Window]
    confidence: tuple[str, ...]
    raw: dict[str, Any] = field(repr=False)
    path: Path | None = None

    @cached_property
    def by_variable(self) -> dict[str, Question]:
        return {q.variable: q for q in self.questions}

    @cached_property
    def by_id(self) -> dict[str, Question]:
        return {q.id: q for q in self.questions}

    @property
    def variables(self) -> list[str]:
        return [q.variable for q in self.questions]

    def question(self, name: str) -> Question:
        """Look a question up by its variable name or its id."""
        found = self.by_variable.get(name) or self.by_id.get(name)
        if found is None:
            raise KeyError(name)
        return found

    @property
    def min_year(self) -> int:
        return int(self.raw.get("observation", {}).get("min_year", 1800))

    @property
    def max_year(self) -> int | None:
        value = self.raw.get("observation", {}).get("max_year")
        return int(value) if value is not None else None

    @property
    def rules(self) -> list[dict[str, Any]]:
        return list(self.raw.get("rules", []))

    @cached_property
    def lineage(self) -> Lineage | None:
        """Where the codebook comes from (1.2.0+), or None."""
        return _sections.lineage(self.raw)

    @cached_property
    def concepts(self) -> dict[str, Concept]:
        """Defined concepts by id (empty when the codebook declares none)."""
        return _sections.concepts(self.raw)

    @cached_property
    def units(self) -> dict[str, Unit]:
        """Units of observation by id (empty when the codebook declares none)."""
        return _sections.units(self.raw)

    @property
    def default_unit(self) -> Unit | None:
        """The unit of an observation that names none; None without `units`."""
        name = self.raw.get("default_unit")
        return self.units.get(name) if isinstance(name, str) else None

    @cached_property
    def source_tiers(self) -> tuple[Tier, ...]:
        """Source-quality tiers each citation must carry (empty: no `tier`)."""
        return _sections.tiers(self.raw)

    @cached_property
    def events(self) -> Events:
        """The event vocabulary (falsy when the codebook declares no `events`)."""
        return _sections.events(self.raw)

    def cited_keys(self) -> list[tuple[str, str]]:
        """(pointer, bibliography key) for each key the codebook itself cites: the lineage's
        origin and every concept's sources."""
        out = []
        if self.lineage is not None:
            out.append(("lineage.origin", self.lineage.origin))
        for cid, concept in self.concepts.items():
            out += [(f"concepts.{cid}.sources.{i}", k) for i, k in enumerate(concept.sources)]
        return out


@cache
def _meta_validator() -> Any:
    import jsonschema_rs

    text = (DATA / "codebook.schema.json").read_text(encoding="utf-8")
    return jsonschema_rs.validator_for(json.loads(text))


def load_codebook(path: str | Path) -> Codebook:
    """Read and validate one codebook file; raise `CodebookError` with findings if it is bad."""
    from cmr.project import shown_relative_to_cwd

    path = Path(path)
    shown = shown_relative_to_cwd()(str(path))  # as every other finding names its file
    raw = _files.read_bytes(path, root=path.parent, limit=MAX_BYTES)
    text = _files.decode_text(raw) if isinstance(raw, bytes) else raw
    if isinstance(text, _files.FileProblem):
        found = finding(text.code, shown, text.line, text.column, **text.params)
        problem = f"{path.name}: {found.message}"
        raise CodebookError(
            [finding("codebook-invalid", shown, text.line, text.column, problem=problem)]
        )
    try:
        data = _yaml.loads(text)
    except _yaml.YamlError as exc:
        problem = f"YAML: {exc.message}"
        raise CodebookError(
            [finding("codebook-invalid", shown, exc.line, exc.column, problem=problem)]
        ) from None
    try:
        return parse_codebook(data, shown, text_path=path)
    except CodebookError as exc:
        raise CodebookError(located(exc.findings, text)) from None


def located(findings: list[Finding], text: str) -> list[Finding]:
    """Findings with a document pointer moved to the line and column it names."""
    locator = _yaml.Locator.try_compose(text)
    if locator is None:
        return findings
    out = []
    for f in findings:
        if f.pointer:
            steps = tuple(int(p) if p.isdigit() else p for p in f.pointer.split("."))
            pos = locator.position(steps)
            f = replace(f, line=pos.line, column=pos.column)
        out.append(f)
    return out


def parse_codebook(data: Any, shown: str = "<codebook>", text_path: Path | None = None) -> Codebook:
    """Build a `Codebook` from already-parsed data, validating it against the meta-schema."""
    errors = list(_meta_validator().iter_errors(data))
    if errors:
        raise CodebookError(
            [
                finding(
                    "codebook-invalid",
                    shown,
                    pointer=".".join(str(p) for p in e.instance_path),
                    problem=f"{'.'.join(str(p) for p in e.instance_path) or 'the codebook'}: "
                    f"{describe(e)}",
                )
                for e in errors
            ]
        )
    problems = _consistency(data)
    if problems:
        raise CodebookError(
            [finding("codebook-invalid", shown, pointer=at, problem=p) for at, p in problems]
        )
    return _build(data, text_path)


def _consistency(data: dict[str, Any]) -> list[tuple[str, str]]:
    """(pointer, problem) for what the meta-schema cannot see: names used twice, unknown
    scales and windows, guidance for codes not on the scale, the rules' references."""
    problems: list[tuple[str, str]] = []
    questions = data["questions"]
    for attr in ("id", "variable", "text"):
        seen: set[str] = set()
        for i, q in enumerate(questions):
            if q[attr] in seen:
                problems.append(
                    (f"questions.{i}.{attr}", f"question {attr} {q[attr]!r} is used twice")
                )
            seen.add(q[attr])
    for i, q in enumerate(questions):
        problems += _question_problems(data, q, f"questions.{i}")
    problems += _section_checks.problems(data)
    if not problems and data.get("rules"):
        from cmr.rule_refs import problems as rule_problems

        problems += rule_problems(data)
    return problems


def _question_problems(data: dict[str, Any], q: dict[str, Any], at: str) -> list[tuple[str, str]]:
    scale = data["scales"].get(q["scale"])
    if scale is None:
        return [(f"{at}.scale", f"question {q['id']} uses unknown scale {q['scale']!r}")]
    problems = []
    codes = [v["code"] for v in scale["values"]] + [m["code"] for m in scale["missing"]]
    if len(set(codes)) != len(codes):
        problems.append((f"scales.{q['scale']}", f"scale {q['scale']!r} uses a code twice"))
    extra = set(q["guidance"]) - set(codes) - {"summary", "hard_cases"}
    if extra:
        problems.append(
            (
                f"{at}.guidance",
                f"question {q['id']} has guidance for codes not on "
                f"its scale: {', '.join(sorted(extra))}",
            )
        )
    if q.get("window") and q["window"] not in data.get("windows", {}):
        problems.append((f"{at}.window", f"question {q['id']} uses unknown window {q['window']!r}"))
    return problems


def _build(data: dict[str, Any], path: Path | None) -> Codebook:
    scales = {
        name: Scale(
            name=name,
            label=s["label"],
            description=s.get("description", ""),
            values=tuple(ScaleValue(**v) for v in s["values"]),
            missing=tuple(MissingCode(**m) for m in s["missing"]),
        )
        for name, s in data["scales"].items()
    }
    windows = {name: Window(name=name, **w) for name, w in data.get("windows", {}).items()}
    questions = tuple(
        Question(
            id=q["id"],
            variable=q["variable"],
            label=q["label"],
            text=q["text"],
            scale=scales[q["scale"]],
            window=windows[q["window"]] if q.get("window") else None,
            guidance=q["guidance"],
            slow_moving=bool(q.get("slow_moving", False)),
            concepts=tuple(q.get("concepts", ())),
        )
        for q in data["questions"]
    )
    confidence = tuple(c["code"] for c in data.get("confidence", [])) or ("low", "medium", "high")
    return Codebook(
        name=data["codebook"],
        version=data["version"],
        status=data["status"],
        title=data["title"],
        questions=questions,
        scales=scales,
        windows=windows,
        confidence=confidence,
        raw=data,
        path=path,
    )


_VERSION = re.compile(r"[0-9]{1,9}(\.[0-9]{1,9}){0,3}")


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.split("."))


class Codebooks:
    """Every version in a codebook directory, loaded lazily by version."""

    def __init__(self, directory: str | Path):
        self.directory = Path(directory)
        self._cache: dict[str, Codebook] = {}

    @property
    def versions(self) -> list[str]:
        """Versions present, oldest first (file names are the versions)."""
        found = []
        for path in self.directory.glob("*.yaml"):
            try:
                _version_key(path.stem)
            except ValueError:
                continue
            if path.is_file() and not path.is_symlink():  # see cmr.releases for the others
                found.append(path.stem)
        return sorted(found, key=_version_key)

    def get(self, version: str) -> Codebook | None:
        """The codebook of `version`, or None when no such file exists."""
        if version in self._cache:
            return self._cache[version]
        if not isinstance(version, str) or not _VERSION.fullmatch(version):
            return None  # not a version: no file to look for (a long name would not fit)
        path = self.directory / f"{version}.yaml"
        if not path.is_file():
            return None
        book = load_codebook(path)
        if book.version != version:
            raise CodebookError(
                [
                    finding(
                        "codebook-invalid",
                        str(path),
                        problem=f"file {path.name} holds version {book.version}",
                    )
                ]
            )
        self._cache[version] = book
        return book

    @property
    def latest(self) -> Codebook:
        versions = self.versions
        if not versions:
            raise CodebookError(
                [
                    finding(
                        "codebook-invalid",
                        str(self.directory),
                        problem="no codebook versions (<version>.yaml) in this directory",
                    )
                ]
            )
        book = self.get(versions[-1])
        assert book is not None
        return book
