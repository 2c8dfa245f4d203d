"""Memo text → `Memo`: header, numbered questions, answers, evidence paragraphs, footnotes.

The parser knows the shape of a memo, not the codebook: which question a heading is, and
whether an answer is on the scale, is decided later (`_match`, `_answers`). Layouts understood:

* a header before the first question: `Observation no: 201 – Azeri-Armenian Conflict` (any
  dash, or none and no context) and `Country-year: Azerbaijan 1992` (or `Country: …` and
  `Year: …` lines);
* a question: a line opening with its number (`4.`, `4)`, `Q4.`), its words separated by
  spaces or tabs, wrapped over several lines with blank lines between, up to a `?`;
* the answer: the first words after the `?`, on the question's last line, on their own line
  (`Yes.`), or opening the evidence paragraph (`No. The president was …`);
* evidence: the lines after the answer up to the next question, hard-wrapped; blank lines
  separate paragraphs;
* optionally, after the last question, a notes section (`Notes`, `Footnotes`, `Endnotes`,
  `References`, `Sources` or a line of underscores) holding the footnotes' texts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from cmr.findings import Finding
from cmr.memo._footnotes import Footnote, MarkerScanner
from cmr.memo._segment import Segment

# Patterns are written so that no run of spaces can be split two ways (no `\s*x?\s*`, no lazy
# group before `\s*$`): each line is matched in time linear in its length.
_HEADING = re.compile(r"^\s*(?:q(?:uestion)?(?:\s*\.)?\s*)?(\d{1,3})\s*[.):]\s*(.*)$", re.I)
_MAX_QUESTION_LINES = 6
_MAX_QUESTION_NUMBER = 200
_MAX_HEADER_CHARS = 300  # header and notes-heading lines are short; longer lines are text
_NUMBER = re.compile(
    r"^\s*obs(?:ervation)?\.?\s*(?:no\.?|nr\.?|number|#)\s*[:.]?\s*(\d+[A-Za-z]?)"
    r"\s*(?:[-–—:]\s*(.*?))?\s*$",
    re.I,
)
_COUNTRY_YEAR = re.compile(
    r"^\s*country[\s_–—-]*year\s*[:.–—-]?\s*(.+?)[\s,;–—-]+(\d{4})\s*\.?\s*$", re.I
)
_COUNTRY = re.compile(r"^\s*country\s*:\s*(.+?)\s*$", re.I)
_YEAR = re.compile(r"^\s*year\s*:\s*(\d{4})\s*\.?\s*$", re.I)
_NOTES = re.compile(
    r"^\s*(?:(?:foot|end)?notes?|references|sources|bibliography|works\s+cited)\s*:?\s*$"
    r"|^\s*[_-]{5,}\s*$",
    re.I,
)
_ANSWER = re.compile(r"(.*?)(?:[.!?;:,–—]|\s-\s|$)")
_ANSWER_MAX_WORDS = 4
_ANSWER_MAX_CHARS = 40
_SPACE = re.compile(r"[ \t]+")


@dataclass(frozen=True)
class _Heading:
    number: int
    parts: list[Segment]
    rest: Segment  # the text after the `?`, where the answer may begin


@dataclass
class MemoQuestion:
    """One numbered question with what the memo says under it."""

    number: int
    text: str
    line: int
    column: int
    answer: str | None = None
    answer_line: int = 0
    answer_column: int = 0
    paragraphs: list[str] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)


@dataclass
class Memo:
    """A parsed memo. `None` fields were not found; the builder reports them."""

    number: int | str | None = None
    context: str | None = None
    country: str | None = None
    year: int | None = None
    header_line: int = 1
    questions: list[MemoQuestion] = field(default_factory=list)
    notes: dict[int, str] = field(default_factory=dict)
    last_line: int = 1
    findings: list[Finding] = field(default_factory=list)


def parse_memo(text: str, shown: str = "<memo>") -> Memo:
    """Parse normalised memo text (see `_read.normalise`).

    >>> memo = parse_memo("Country-year: Azerbaijan 1992\\n1. Did\\tit?\\nNo. It did not.1\\n")
    >>> memo.year, memo.questions[0].answer, memo.questions[0].paragraphs
    (1992, 'No', ['It did not.'])
    """
    lines = text.split("\n")
    memo = Memo(last_line=len(lines))
    headings, notes_at = _headings(lines)
    first = headings[0].parts[0].line if headings else len(lines) + 1
    _header(lines[: first - 1], memo)
    scanner = MarkerScanner(shown)
    for index, heading in enumerate(headings):
        end = headings[index + 1].parts[0].line - 1 if index + 1 < len(headings) else notes_at
        after = range(heading.parts[-1].line + 1, end + 1)
        body = [heading.rest, *(Segment(n, 1, lines[n - 1]) for n in after)]
        start = heading.parts[0]
        question = MemoQuestion(
            heading.number, _join_words(p.text for p in heading.parts), start.line, start.column
        )
        cleaned = [Segment(s.line, s.column, scanner.strip(s, question.footnotes)) for s in body]
        _answer_and_evidence(question, cleaned)
        memo.questions.append(question)
    memo.notes = _notes(lines[notes_at:])
    memo.findings.extend(scanner.findings)
    return memo


def _headings(lines: list[str]) -> tuple[list[_Heading], int]:
    """The questions, and the index of the line where a notes section starts (or the end)."""
    found: list[_Heading] = []
    i = 0
    while i < len(lines):
        if found and len(lines[i]) <= _MAX_HEADER_CHARS and _NOTES.match(lines[i]):
            return found, i
        heading = _heading(lines, i)
        if heading is None:
            i += 1
            continue
        found.append(heading)
        i = heading.parts[-1].line
    return found, len(lines)


def _heading(lines: list[str], i: int) -> _Heading | None:
    """The question starting on line index `i`: its parts up to the `?`, and what follows."""
    match = _HEADING.match(lines[i])
    if match is None or not 1 <= int(match.group(1)) <= _MAX_QUESTION_NUMBER:
        return None
    parts = [Segment(i + 1, match.start(2) + 1, match.group(2))]
    j = i
    while "?" not in parts[-1].text:
        j += 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j >= len(lines) or len(parts) >= _MAX_QUESTION_LINES or _HEADING.match(lines[j]):
            return None
        parts.append(Segment(j + 1, 1, lines[j]))
    last = parts[-1]
    cut = last.text.index("?") + 1
    parts[-1] = Segment(last.line, last.column, last.text[:cut])
    rest = Segment(last.line, last.column + cut, last.text[cut:])
    return _Heading(int(match.group(1)), parts, rest)


def _header(lines: list[str], memo: Memo) -> None:
    country = year = None
    for number, line in enumerate(lines, start=1):
        if len(line) > _MAX_HEADER_CHARS:
            continue
        if (m := _NUMBER.match(line)) and memo.number is None:
            memo.number = int(m.group(1)) if m.group(1).isdigit() else m.group(1)
            memo.context = _join_words([m.group(2)]) if m.group(2) else None
        elif (m := _COUNTRY_YEAR.match(line)) and memo.country is None:
            memo.country, memo.year, memo.header_line = m.group(1).strip(), int(m.group(2)), number
        elif m := _COUNTRY.match(line):
            country = (m.group(1), number)
        elif m := _YEAR.match(line):
            year = int(m.group(1))
    if memo.country is None and country is not None and year is not None:
        memo.country, memo.year, memo.header_line = country[0], year, country[1]


def _answer_and_evidence(question: MemoQuestion, body: list[Segment]) -> None:
    """The answer opens the first non-blank segment; what follows it is evidence."""
    for k, segment in enumerate(body):
        if not segment.text.strip():
            continue
        lead = len(segment.text) - len(segment.text.lstrip())
        match = _ANSWER.match(segment.text, lead)
        assert match is not None  # the pattern matches every string
        words = match.group(1).strip()
        if _is_answer(words):
            question.answer = words
            question.answer_line, question.answer_column = segment.line, segment.column + lead
            rest = segment.text[match.end() :]
            body = [Segment(segment.line, segment.column + match.end(), rest), *body[k + 1 :]]
        else:
            body = body[k:]
        break
    question.paragraphs = paragraphs(s.text for s in body)


def _is_answer(words: str) -> bool:
    return (
        0 < len(words) <= _ANSWER_MAX_CHARS
        and len(words.split()) <= _ANSWER_MAX_WORDS
        and any(c.isalpha() for c in words)
    )


def paragraphs(lines: Iterable[str]) -> list[str]:
    """Hard-wrapped lines joined back into paragraphs; blank lines separate paragraphs.

    A line ending in a soft hyphen, or in a letter and `-` before a line opening with a letter,
    is joined without a space (`Nagorno-` + `Karabakh`). Linear in the text's length: only
    the end of the paragraph so far is looked at.

    >>> paragraphs(["  One two ", "three.", "", "\\t", "Nagorno-", "Karabakh."])
    ['One two three.', 'Nagorno-Karabakh.']
    """
    out: list[str] = []
    parts: list[str] = []
    for raw in lines:
        line = _SPACE.sub(" ", raw).strip()
        if not line:
            if parts:
                out.append("".join(parts))
            parts = []
        elif not parts:
            parts.append(line)
        elif parts[-1].endswith("\u00ad"):
            parts[-1] = parts[-1][:-1]
            parts.append(line)
        elif _split_word(parts[-1]) and line[0].isalpha():
            parts.append(line)
        else:
            parts.append(" " + line)
    if parts:
        out.append("".join(parts))
    return [p.replace("\u00ad", "") for p in out]


def _split_word(text: str) -> bool:
    """True when `text` ends in a letter and a hyphen (`Nagorno-`)."""
    return len(text) >= 2 and text[-1] == "-" and text[-2].isalpha()


def _join_words(parts: Iterable[str]) -> str:
    return _SPACE.sub(" ", " ".join(parts)).strip()


def _notes(lines: list[str]) -> dict[int, str]:
    """Footnote texts after a notes heading: `1 Curtis, …` or `1. Curtis, …`, maybe wrapped."""
    notes: dict[int, list[str]] = {}
    current: list[str] | None = None
    for line in lines:
        match = re.match(r"^\s*(\d{1,3})[.)]?\s+(\S.*)$", line)
        if match:
            current = notes.setdefault(int(match.group(1)), [])
            current.append(match.group(2))
        elif current is not None and line.strip():
            current.append(line)
        else:
            current = None
    return {n: _join_words(parts) for n, parts in notes.items()}
