"""Answers to questions the target version removes: kept as provenance in `notes`.

A removed question has no place in the new version's `answers`, so its entry leaves the
mapping; the answer, its confidence, evidence, note and citations are written, in words, into
the observation's `notes` (appended to what the coder wrote there), so no answer is lost. A
question the changelog declares replaced (`replace: OLD -> NEW`) is not removed: its answer
moves to the successor instead.
"""

from __future__ import annotations

from typing import Any

from cmr.codebook import Question
from cmr.versions._edit import EditError, Edits, child, scalar


def provenance(q: Question, answer: Any, old: str, new: str) -> str:
    """One paragraph recording a removed question's answer."""
    a = answer if isinstance(answer, dict) else {}
    code = a.get("answer")
    head = f"Codebook {new} removed {q.id} {q.variable} ({' '.join(q.text.split())})"
    if code is None:
        return f"{head}; it was unanswered under {old}."
    sentences = [f"{head}; under {old} the answer was {code}"]
    if a.get("confidence"):
        sentences[0] += f" (confidence {a['confidence']})"
    for name in ("evidence", "note"):
        if a.get(name):
            sentences.append(f"{name.capitalize()}: {' '.join(str(a[name]).split())}")
    cited = [_citation(c) for c in a.get("citations") or [] if isinstance(c, dict)]
    if cited:
        sentences.append(f"Citations: {'; '.join(cited)}")
    return " ".join(x if x.endswith(".") else f"{x}." for x in sentences)


def _citation(c: dict[str, Any]) -> str:
    pages = f", {c['pages']}" if c.get("pages") else ""
    return f"{c.get('key', '?')}{pages}"


def keep_in_notes(
    edits: Edits, root: Any, answers_key: Any, data: Any, paragraphs: list[str]
) -> None:
    """Append `paragraphs` to the top-level `notes` (written before `answers:` if absent)."""
    if not paragraphs:
        return
    notes = child(root, "notes")
    if notes is None:
        text = "\n\n".join(paragraphs)
        edits.before_line_of(answers_key, [f"notes: {scalar(text, True)}"])
        return
    before = data.get("notes")
    if not isinstance(before, str) or getattr(notes[1], "tag", "").endswith((":map", ":seq")):
        raise EditError("its notes are not text cmr can add to")
    text = "\n\n".join([before.rstrip(), *paragraphs])
    edits.replace_trimmed(notes[1], scalar(text, True))
