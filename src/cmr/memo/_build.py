"""A parsed `Memo` → the data of an observation file, or the findings that refuse it.

Choices a memo cannot make for itself:

* confidence: legacy memos rate none, so every answer gets the codebook's lowest level
  (`low` in codebook 1.0.0) unless `confidence` is given: the answers are unreviewed;
* citations: one per footnote marker under the question, `{key: fn<N>, footnote: N}`, or the
  key and pages of the `--footnotes` CSV; an answer without footnotes cites `cite_memo` when
  given (a bibliography entry for the memo itself, with `pages: question <N>`), otherwise
  nothing;
* a missing-code answer keeps the memo's wording in its `note`; without evidence text its
  evidence says so. A value answer without evidence is refused.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from cmr import countries
from cmr.catalogue import finding
from cmr.codebook import Codebook, Question
from cmr.findings import Finding
from cmr.memo._answers import answer_code
from cmr.memo._footnotes import FootnoteMap
from cmr.memo._match import Matcher
from cmr.memo._parse import Memo, MemoQuestion


@dataclass(frozen=True)
class Options:
    """What the coder decides for every memo of a call."""

    coder: str = "legacy-memo"
    coded_on: dt.date | None = None
    confidence: str | None = None
    footnotes: FootnoteMap | None = None
    cite_memo: str | None = None


def build_observation(
    memo: Memo,
    book: Codebook,
    shown: str,
    options: Options,
) -> tuple[dict[str, Any] | None, list[Finding]]:
    """The observation's data, or None with the findings that explain the refusal."""
    findings = list(memo.findings)
    header = _header(memo, book, shown, options, findings)
    matched = _match(memo, book, shown, findings)
    answers = {}
    for q in book.questions:
        if q.variable in matched:
            answers[q.variable] = _answer(
                memo, q, matched[q.variable], shown, options, _confidence(book, options), findings
            )
    if header is None or any(f.severity == "error" for f in findings):
        return None, findings
    return {**header, "answers": answers}, findings


def _header(
    memo: Memo, book: Codebook, shown: str, options: Options, findings: list[Finding]
) -> dict[str, Any] | None:
    if memo.country is None or memo.year is None:
        findings.append(finding("memo-header-missing", shown))
        return None
    if memo.number is None:
        findings.append(finding("memo-number-missing", shown))
    country = countries.resolve(memo.country)
    if country is None:
        findings.append(finding("country-unknown", shown, memo.header_line, name=memo.country))
        return None
    today = options.coded_on or dt.date.today()
    high = book.max_year or max(today.year, dt.date.today().year)
    if not book.min_year <= memo.year <= high:
        findings.append(
            finding(
                "year-implausible",
                shown,
                memo.header_line,
                year=memo.year,
                low=book.min_year,
                high=high,
            )
        )
    data: dict[str, Any] = {
        "codebook": book.version,
        "country": country.name,
        "iso3c": country.iso3c,
        "cown": country.cown,
        "year": memo.year,
        "coder": options.coder,
        "coded_on": today.isoformat(),
    }
    if memo.number is not None:
        data["memo"] = memo.number
    if memo.context:
        data["context"] = memo.context
    data["notes"] = _notes(memo, shown, _confidence(book, options))
    return data


def _confidence(book: Codebook, options: Options) -> str:
    return options.confidence or book.confidence[0]


def _notes(memo: Memo, shown: str, confidence: str) -> str:
    name = shown.replace("\\", "/").rsplit("/", 1)[-1]
    text = (
        f"Imported by cmr import-memo from {name}. The memo rates no confidence: every "
        f"answer has confidence {confidence!r} until a coder reviews it."
    )
    if memo.notes:
        text += "\n\nThe memo's footnotes:\n" + "\n".join(
            f"[{n}] {note}" for n, note in sorted(memo.notes.items())
        )
    return text


def _match(
    memo: Memo, book: Codebook, shown: str, findings: list[Finding]
) -> dict[str, MemoQuestion]:
    """Memo questions by codebook variable; unknown, repeated and missing ones are findings."""
    if not memo.questions:
        findings.append(finding("memo-no-questions", shown, memo.header_line))
        return {}
    matcher = Matcher(book)
    matched: dict[str, MemoQuestion] = {}
    for mq in memo.questions:
        result = matcher.match(mq.text)
        q = result.question
        if q is None:
            hint = (
                f" (closest: {result.closest.id} {result.closest.text!r})"
                if result.closest is not None and result.ratio >= 0.5
                else ""
            )
            findings.append(
                finding(
                    "memo-question-unknown",
                    shown,
                    mq.line,
                    mq.column,
                    number=mq.number,
                    version=book.version,
                    text=mq.text[:120],
                    hint=hint,
                )
            )
        elif q.variable in matched:
            findings.append(
                finding(
                    "memo-question-twice",
                    shown,
                    mq.line,
                    mq.column,
                    number=mq.number,
                    id=q.id,
                    variable=q.variable,
                    first=matched[q.variable].line,
                )
            )
        else:
            matched[q.variable] = mq
    for q in book.questions:
        if q.variable not in matched:
            line = _where_missing(book, q, matched, memo.last_line)
            findings.append(
                finding(
                    "memo-question-missing", shown, line, id=q.id, variable=q.variable, text=q.text
                )
            )
    return matched


def _where_missing(
    book: Codebook, question: Question, matched: dict[str, MemoQuestion], last_line: int
) -> int:
    """The line of the next codebook question the memo has: where the missing one belongs."""
    later = book.questions[book.questions.index(question) + 1 :]
    return next((matched[q.variable].line for q in later if q.variable in matched), last_line)


def _answer(
    memo: Memo,
    q: Question,
    mq: MemoQuestion,
    shown: str,
    options: Options,
    confidence: str,
    findings: list[Finding],
) -> dict[str, Any]:
    if mq.answer is None:
        findings.append(
            finding("memo-answer-missing", shown, mq.line, mq.column, number=mq.number, id=q.id)
        )
        return {}
    code = answer_code(q.scale, mq.answer)
    if code is None:
        findings.append(
            finding(
                "memo-answer-not-in-scale",
                shown,
                mq.answer_line,
                mq.answer_column,
                answer=mq.answer,
                id=q.id,
                variable=q.variable,
                allowed=", ".join(q.scale.codes),
            )
        )
        return {}
    missing = q.scale.value_of(code) is None
    evidence = "\n\n".join(mq.paragraphs)
    if not evidence and not missing:
        findings.append(
            finding(
                "memo-evidence-missing",
                shown,
                mq.answer_line,
                mq.answer_column,
                number=mq.number,
                id=q.id,
            )
        )
    entry: dict[str, Any] = {
        "answer": code,
        "confidence": confidence,
        "evidence": evidence or f"The memo answers {mq.answer!r} and gives no evidence.",
        "citations": _citations(memo, mq, shown, options, findings),
    }
    if missing:
        entry["note"] = f"The legacy memo answers {mq.answer!r}."
    return entry


def _citations(
    memo: Memo, mq: MemoQuestion, shown: str, options: Options, findings: list[Finding]
) -> list[dict[str, Any]]:
    table = options.footnotes
    ids = _memo_ids(memo, shown)
    out: list[dict[str, Any]] = []
    for note in mq.footnotes:
        ref = table.lookup(ids, note.number) if table is not None else None
        if ref is None:
            out.append({"key": f"fn{note.number}", "footnote": note.number})
            if table is not None:
                findings.append(
                    finding(
                        "memo-footnote-unmapped",
                        shown,
                        note.line,
                        note.column,
                        footnote=note.number,
                        csv=table.shown,
                    )
                )
        else:
            pages = {"pages": ref.pages} if ref.pages else {}
            out.append({"key": ref.key, **pages, "footnote": note.number})
    if not out and options.cite_memo:
        key = options.cite_memo.replace("{memo}", str(memo.number or ""))
        out.append({"key": key, "pages": f"question {mq.number}"})
    return out


def _memo_ids(memo: Memo, shown: str) -> tuple[str, ...]:
    """How a CSV row may name this memo: its number, its file name, its file name's stem."""
    name = shown.replace("\\", "/").rsplit("/", 1)[-1]
    ids = [name, name.rsplit(".", 1)[0]]
    return (str(memo.number), *ids) if memo.number is not None else tuple(ids)
