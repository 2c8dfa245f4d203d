"""Element ids (and so `#fragment`s) made from the dataset's names, unique on their page.

A question's section is `#<variable>` (`AZE-1993.html#oversight_body`) when the variable is a
plain name; anything else a codebook may use (a dot, a hyphen, a space, letters of another
script, a name such as `references` that a page uses for its own sections) becomes
`q-<safe part>-<hash>`, so no question's id can clash with another's or with the page's own.
Prefixed families (`ref-<key>`, `scale-<name>`, `rule-<code>`) keep names made of URL-safe
characters and hash the rest the same way. The search index links with the same ids.
"""

from __future__ import annotations

import hashlib
import re

PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
"""A variable shown as its own id: no hyphen, so never one of the prefixed families."""
SAFE = re.compile(r"[A-Za-z0-9_.:-]+")
"""A name kept after its family's prefix."""
RESERVED = frozenset(
    {
        "answers", "changes", "citing", "codebook", "concepts", "countries", "dataset",
        "events", "lineage", "matrix", "origin", "questions", "references", "rules",
        "scales", "units", "universe", "vocabulary",
    }
)  # fmt: skip
"""The pages' own ids without a hyphen (the test of the templates keeps this list whole)."""


def anchor(name: object, prefix: str = "") -> str:
    """The id of `name`: `oversight_body`, `ref-curtis1995`; `q-a_1-3f2c…` for `a.1`.

    >>> anchor("oversight_body"), anchor("curtis1995", "ref"), anchor("references")[:13]
    ('oversight_body', 'ref-curtis1995', 'q-references-')
    """
    text = str(name)
    if prefix and SAFE.fullmatch(text):
        return f"{prefix}-{text}"
    if not prefix and PLAIN.fullmatch(text) and text not in RESERVED:
        return text
    safe = re.sub(r"[^A-Za-z0-9_]+", "_", text).strip("_")[:40] or "x"
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return f"{prefix or 'q'}-{safe}-{digest}"
