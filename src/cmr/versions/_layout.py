"""Edits of an observation's layout: the version it names, its status, new questions.

New questions are written as `cmr new` writes an unanswered one: the id and text as a
comment, the codes allowed, then empty `answer`, `confidence`, `evidence` and `citations`.
"""

from __future__ import annotations

import re
from typing import Any

from cmr.codebook import Codebook
from cmr.versions._edit import EditError, Edits, child, is_block_mapping, scalar


def add_questions(edits: Edits, answers: Any, added: list[str], target: Codebook) -> None:
    if not added:
        return
    first_key, first_value = answers.value[0]
    indent = " " * first_key.start_mark.column
    inner = indent + "  "
    if is_block_mapping(first_value) and first_value.value:
        inner = " " * first_value.value[0][0].start_mark.column
    block = []
    for variable in added:
        q = target.by_variable[variable]
        block += [
            f"{indent}# {q.id} {' '.join(q.text.split())}",
            f"{indent}# answer: {' | '.join(q.scale.codes)}",
            f"{indent}{variable}:",
            f"{inner}answer:",
            f"{inner}confidence:",
            f"{inner}evidence: ''",
            f"{inner}citations: []",
        ]
    edits.after_node(answers.value[-1][1], "".join(f"{line}\n" for line in block))


def retarget(edits: Edits, root: Any, text: str, old: str, new: str, *, draft: bool) -> None:
    version = child(root, "codebook")
    if version is None:
        raise EditError("it has no `codebook:` line")
    plain = version[1].style not in ("'", '"') and re.fullmatch(r"[0-9]+(\.[0-9]+){2,3}", new)
    edits.replace(version[1], new if plain else scalar(new, True))
    first = text.split("\n", 1)[0]
    if first.startswith("#") and f"observation-{old}.schema.json" in first:
        fixed = first.replace(f"observation-{old}.schema.json", f"observation-{new}.schema.json")
        edits.spans.append((0, len(first), fixed))
    status = child(root, "status")
    if draft and status is None:
        edits.after_node(version[1], "status: draft\n")
    elif draft and status is not None and status[1].value != "draft":
        edits.replace(status[1], "draft")
