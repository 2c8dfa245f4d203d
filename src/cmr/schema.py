"""The JSON Schema of observation files, generated from a codebook.

The schema serves two readers: `cmr check`, which validates every observation against the
schema of its codebook version, and coders' editors (yaml-language-server), which show each
question's text and guidance on hover and complete answer codes while typing. The generated
file is committed under `codebook/schema/`; a test fails when it is stale.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from cmr.codebook import Codebook, Codebooks, Question

DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
# A coder name is also a file name (observations/<ISO3>/<year>/<coder>.yaml).
CODER_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"
CODER_MAX = 64
SCHEMA_DIR = "schema"
LATEST_SCHEMA = "observation.schema.json"
"""The latest version's schema under a name that does not change, for editor settings that
map it onto every observation file (a file's own `$schema` line still takes precedence)."""


def schema_filename(version: str) -> str:
    return f"observation-{version}.schema.json"


def schema_path(codebook_dir: Path, version: str) -> Path:
    """Where the schema of `version` lives: `codebook/schema/observation-X.schema.json`."""
    return codebook_dir / SCHEMA_DIR / schema_filename(version)


def _answer_schema(question: Question, book: Codebook) -> dict[str, Any]:
    scale = question.scale
    codes = list(scale.codes)
    meanings = [f"{v.code} ({v.value}): {v.description}" for v in scale.values]
    meanings += [f"{m.code} (missing): {m.description}" for m in scale.missing]
    return {
        "title": f"{question.id} {question.label}",
        "description": question.describe(),
        "type": "object",
        "required": ["answer", "confidence", "evidence", "citations"],
        "additionalProperties": False,
        "properties": {
            "answer": {
                "description": f"{question.text}\n\n" + "\n".join(meanings),
                "enum": codes,
            },
            "confidence": {
                "description": "How sure the coder is of the answer.",
                "enum": list(book.confidence),
            },
            "evidence": {
                "description": "Narrative evidence for the answer, in the coder's own words.",
                "type": "string",
                "minLength": 1,
            },
            "citations": {
                "description": "Sources for the evidence: keys of observations/references.bib.",
                "type": "array",
                "items": {"$ref": "#/$defs/citation"},
            },
            "note": {
                "description": "Coder's note: for a missing code, what was searched and why "
                "the evidence is insufficient.",
                "type": "string",
            },
            "change_note": {
                "description": "Why the answer differs from the previous year's observation.",
                "type": "string",
            },
            **WORK_IN_PROGRESS,
        },
    }


# Fields of answers still being worked on, in every codebook version: `cmr new --from-previous`
# and `cmr migrate` write them, and a final observation may not keep them.
WORK_IN_PROGRESS: dict[str, Any] = {
    "carried_from": {
        "description": "The year this answer was carried forward from by `cmr new "
        "--from-previous`; remove the line once you have confirmed the answer for this year.",
        "type": "integer",
    },
    "needs_review": {
        "description": "Why this answer must be reviewed before the observation is final "
        "(a moved window, a changed question); remove the line once reviewed.",
        "type": "string",
        "pattern": "[^\\s]",
    },
    "previous": {
        "description": "Provenance written by `cmr migrate`: the answer under the codebook "
        "version the observation was migrated from.",
        "type": "object",
        "required": ["codebook", "answer"],
        "additionalProperties": False,
        "properties": {
            "codebook": {"description": "The earlier codebook version.", "type": "string"},
            "answer": {"description": "The answer under that version.", "type": ["string", "null"]},
            "variable": {
                "description": "The question's variable under that version, when renamed.",
                "type": "string",
            },
        },
    },
}
STATUSES = ("draft", "final")
EXTERNAL_DATE = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
EXTERNAL_CHECKS: dict[str, Any] = {
    "description": "Disagreements with a published coup list that the coder has weighed "
    "(`cmr crosscheck`): each names the source, the date of its row or the question it "
    "concerns, and why the coding differs; `cmr crosscheck` then reports them as explained.",
    "type": "array",
    "items": {
        "type": "object",
        "required": ["source", "reason"],
        "additionalProperties": False,
        "properties": {
            "source": {
                "description": "The source `cmr crosscheck` reads: powell-thyne or cline.",
                "type": "string",
                "pattern": "^[a-z][a-z0-9-]*$",
            },
            "date": {
                "description": "The date of the source's row (YYYY, YYYY-MM or YYYY-MM-DD).",
                "type": "string",
                "pattern": EXTERNAL_DATE,
            },
            "question": {
                "description": "The question (id or variable) the disagreement concerns.",
                "type": "string",
                "minLength": 1,
            },
            "reason": {
                "description": "Why the coding differs from the source, with its sources.",
                "type": "string",
                "minLength": 1,
            },
        },
    },
}


def observation_schema(book: Codebook) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that observation files coded under `book` must match."""
    answers = {q.variable: _answer_schema(q, book) for q in book.questions}
    year: dict[str, Any] = {
        "description": "The country-year's year.",
        "type": "integer",
        "minimum": book.min_year,
    }
    year["maximum"] = book.max_year if book.max_year is not None else 9999
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"cmr-observation-{book.name}-{book.version}.schema.json",
        "title": f"cmr observation ({book.title}, codebook {book.version})",
        "description": "One country-year coded by one coder. Generated from the codebook by "
        "`cmr codebook schema`; do not edit.",
        "type": "object",
        "required": [
            "codebook",
            "country",
            "iso3c",
            "cown",
            "year",
            "coder",
            "coded_on",
            "answers",
        ],
        "additionalProperties": False,
        "properties": {
            "codebook": {
                "description": "Codebook version the observation was coded under.",
                "const": book.version,
            },
            "country": {"description": "Country name (English).", "type": "string", "minLength": 1},
            "iso3c": {
                "description": "ISO 3166-1 alpha-3 code.",
                "type": "string",
                "pattern": "^[A-Z]{3}$",
            },
            "cown": {
                "description": "Correlates of War country code (null if none).",
                "type": ["integer", "null"],
            },
            "year": year,
            "coder": {
                "description": "Who coded this observation.",
                "type": "string",
                "pattern": CODER_PATTERN,
                "maxLength": CODER_MAX,
            },
            "coded_on": {
                "description": "Date of coding (YYYY-MM-DD).",
                "type": "string",
                "pattern": DATE_PATTERN,
            },
            "as_of": {
                "description": "The reference moment, when not the end of the year. "
                + str(book.raw.get("reference_moment", "")),
                "type": "string",
                "pattern": DATE_PATTERN,
            },
            "status": {
                "description": "draft: work in progress, left out of the panel; unanswered "
                "questions are warnings. final (the default): every question must be answered.",
                "enum": list(STATUSES),
            },
            "memo": {
                "description": "Legacy memo (observation) number.",
                "type": ["integer", "string"],
            },
            "context": {
                "description": "Context of the observation, e.g. the conflict.",
                "type": "string",
            },
            "reconciles": {
                "description": "For an adjudicated observation: the coders whose "
                "independent codings it reconciles.",
                "type": "array",
                "items": {"type": "string", "pattern": CODER_PATTERN, "maxLength": CODER_MAX},
            },
            "notes": {"description": "Free notes on the observation.", "type": "string"},
            "external_checks": EXTERNAL_CHECKS,
            "answers": {
                "description": "One answer per question of the codebook, keyed by variable.",
                "type": "object",
                "required": list(answers),
                "additionalProperties": False,
                "properties": answers,
            },
        },
        "$defs": {
            "citation": {
                "type": "object",
                "required": ["key"],
                "additionalProperties": False,
                "properties": {
                    "key": {
                        "description": "BibTeX key in observations/references.bib.",
                        "type": "string",
                        "minLength": 1,
                    },
                    "pages": {
                        "description": "Pages or section cited.",
                        "type": ["string", "integer"],
                    },
                    "footnote": {
                        "description": "Footnote number in an imported legacy memo.",
                        "type": "integer",
                    },
                },
            }
        },
    }
    return _sections(book, schema)


def _sections(book: Codebook, schema: dict[str, Any]) -> dict[str, Any]:
    """`schema` with the fields the codebook's optional sections (1.2.0+) add, each only
    when the codebook declares the section: `unit`, a citation's `tier` and `quote`, `events`
    and, with `lineage`, each answer's `legacy_answer` (built in `cmr._schema_sections`)."""
    from cmr import _schema_sections

    return _schema_sections.add(book, schema)


def render_schema(book: Codebook) -> str:
    """The schema as committed: stable key order, two-space indent, trailing newline."""
    return json.dumps(observation_schema(book), indent=2, ensure_ascii=False) + "\n"


@cache
def validator(book: Codebook) -> Any:
    """A compiled jsonschema-rs validator for `book`'s observation schema, built once."""
    import jsonschema_rs

    return jsonschema_rs.validator_for(observation_schema(book))


def sync_schemas(
    books: Codebooks, versions: list[str] | None = None, *, write: bool = True
) -> list[Path]:
    """The committed schemas that differ from what the codebook generates (`versions`, default
    all); with `write`, each is rewritten (atomically). `cmr codebook schema [--check]`."""
    from cmr import _atomic

    targets = []
    for version in versions or books.versions:
        book = books.get(version)
        if book is not None:
            targets.append((schema_path(books.directory, version), book))
    if books.versions and (not versions or books.latest.version in versions):
        targets.append((books.directory / SCHEMA_DIR / LATEST_SCHEMA, books.latest))
    stale = []
    for path, book in targets:
        text = render_schema(book)
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current != text:
            stale.append(path)
            if write:
                _atomic.write_text(path, text, overwrite=True)
    return stale
