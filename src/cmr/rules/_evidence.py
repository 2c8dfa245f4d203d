"""Evidence rules: pages in citations, a note for missing codes, a minimum length."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from cmr.rules._base import AnswerRule, Test, register

if TYPE_CHECKING:
    from cmr.codebook import Codebook, Scale
    from cmr.observation import Observation
    from cmr.settings import Settings


def _has_pages(citation: Any) -> bool:
    pages = citation.get("pages") if isinstance(citation, dict) else None
    return isinstance(pages, int) or (isinstance(pages, str) and bool(pages.strip()))


def _filled(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


@register
class Evidence(AnswerRule):
    """`check: citation_pages | note | min_chars`, for the listed answers and variables.

    citation_pages passes when there is no citation at all (`citation-missing` reports that).
    """

    kind = "evidence"
    scope = "file"
    placeholders = "{id} {variable} {answer} {chars} {min}"

    def __init__(self, spec: dict[str, Any], book: Codebook, settings: Settings):
        super().__init__(spec, book, settings)
        tests: dict[str, Test] = {
            "citation_pages": self._pages,
            "note": self._note,
            "min_chars": self._length,
        }
        self.test, self._test = spec["check"], tests[spec["check"]]
        answers = spec.get("answers")
        self.targets = [
            (
                v,
                book.by_variable[v].id,
                frozenset(answers or self._default(book.by_variable[v].scale)),
            )
            for v in spec.get("variables") or book.variables
        ]
        observed = book.raw.get("observation", {}).get("min_evidence_chars", 0)
        self.minimum: int = (
            settings.min_evidence_chars
            if settings.min_evidence_chars is not None
            else int(spec.get("min_chars", observed))
        )

    def _default(self, scale: Scale) -> list[str]:
        if self.test == "citation_pages":
            return [v.code for v in scale.values]
        if self.test == "note":
            return [m.code for m in scale.missing if m.requires_note]
        return list(scale.codes)

    def plan(self) -> Iterator[tuple[str, str, frozenset[str], Test]]:
        for variable, qid, allowed in self.targets:
            yield variable, qid, allowed, self._test

    def _pages(self, entry: dict[str, Any], obs: Observation) -> dict[str, Any] | None:
        cited = entry.get("citations")
        if isinstance(cited, list) and cited and not any(map(_has_pages, cited)):
            return {}
        return None

    def _note(self, entry: dict[str, Any], obs: Observation) -> dict[str, Any] | None:
        return None if _filled(entry.get("note")) else {}

    def _length(self, entry: dict[str, Any], obs: Observation) -> dict[str, Any] | None:
        evidence = entry.get("evidence")
        if isinstance(evidence, str) and len(evidence.strip()) < self.minimum:
            return {"chars": len(evidence.strip()), "min": self.minimum}
        return None
