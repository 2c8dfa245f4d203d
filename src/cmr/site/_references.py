"""Full references from the bibliography: BibTeX entries as a reader sees them.

`reference(entry)` gives the parts of one reference (authors, year, title, where it appeared,
DOI and URL) as plain text; TeX markup is turned into the characters it stands for. A key the
bibliography lacks cannot occur in a site (the check refuses it), but is shown as the bare key.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote

from cmr.bibliography import Entry

_ACCENTS = {"'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303",
            "c": "\u0327", "v": "\u030c", "u": "\u0306", "=": "\u0304", ".": "\u0307"}  # fmt: skip
_ACCENT = re.compile(r"\\([`'^\"~=.]|[cvu](?=[\s{]))\s*\{?\\?([A-Za-z])\}?")
_SYMBOLS = {r"\&": "&", r"\_": "_", r"\%": "%", r"\$": "$", r"\#": "#", "---": "\u2014",
            "--": "\u2013", "``": "\u201c", "''": "\u201d", "~": "\u00a0"}  # fmt: skip
DOI_PREFIX = re.compile(r"^(https?://(dx\.)?doi\.org/|doi:)", re.IGNORECASE)
DOI_SAFE = "/:;()._-+,=@!$*~"
DOI = re.compile(r"10\.[0-9]{4,9}/\S+")
"""A DOI that gets a link to doi.org; anything else in the field is shown as text."""
WEB = re.compile(r"https?://[^\s/?#]+\S*", re.IGNORECASE)
"""A URL that gets a link: http(s) only, never `javascript:`, `data:` or a relative path."""


def detex(text: str) -> str:
    """`Cline Center Coup d'{\\'E}tat` -> `Cline Center Coup d'État`; whitespace collapsed."""
    text = _ACCENT.sub(lambda m: unicodedata.normalize("NFC", m[2] + _ACCENTS[m[1]]), text)
    for tex, char in _SYMBOLS.items():
        text = text.replace(tex, char)
    text = re.sub(r"\\[a-zA-Z]+\s*", "", text).replace("{", "").replace("}", "")
    return " ".join(text.split())


@dataclass(frozen=True)
class Reference:
    """One source, ready to show: `text` is the reference without its DOI and URL."""

    key: str
    text: str
    short: str = ""
    doi: str = ""
    url: str = ""
    note: str = ""

    @property
    def doi_url(self) -> str:
        """`https://doi.org/<doi>` for a well-formed DOI, else "" (the DOI shows as text)."""
        if not DOI.fullmatch(self.doi):
            return ""
        return f"https://doi.org/{quote(self.doi, safe=DOI_SAFE)}"

    @property
    def url_link(self) -> str:
        """The URL when it is a web address to link to, else "" (it shows as text)."""
        return self.url if WEB.fullmatch(self.url) else ""


def reference(key: str, entry: Entry | None) -> Reference:
    """The reference of bibliography `entry` (None: the key alone)."""
    if entry is None:
        return Reference(key, key, key)
    f = {name: detex(value) for name, value in entry.fields.items()}
    head = [_who(f), _title(f)] if _who(f) else [f"{_title(f)} ({f.get('year', 'n.d.')})"]
    parts = [*head, _where(f), f.get("publisher", ""), f.get("address", "")]
    text = ". ".join(p.rstrip(".") for p in parts if p) + "."
    doi = DOI_PREFIX.sub("", f.get("doi", "")).strip()
    return Reference(key, text, _short(f), doi, f.get("url", ""), f.get("note", ""))


def _short(f: dict[str, str]) -> str:
    """`Narang and Talmadge 2018`, `Curtis 1995`, `Peyton et al. 2021`, or the title."""
    people = (f.get("author") or f.get("editor", "")).split(" and ")
    names = [n.split(",")[0].strip() for n in people if n.strip()]
    year = f.get("year", "n.d.")
    if not names:
        title = f.get("title", "")
        return f"{title[:48]}{'…' if len(title) > 48 else ''} {year}"
    who = " and ".join(names) if len(names) <= 2 else f"{names[0]} et al."
    return f"{who} {year}"


def _who(f: dict[str, str]) -> str:
    """`Narang, Vipin; Talmadge, Caitlin (2018)`, editors marked; "" without names."""
    names = f.get("author") or f.get("editor", "")
    shown = "; ".join(n.strip() for n in names.split(" and ")) if names else ""
    if shown and not f.get("author"):
        shown += " (ed.)"
    if not shown:
        return ""
    return f"{shown} ({f.get('year', 'n.d.')})"


def _title(f: dict[str, str]) -> str:
    title = f.get("title", "")
    return f"{title} (version {f['version']})" if f.get("version") else title


def _where(f: dict[str, str]) -> str:
    """The journal with volume, issue and pages, or the book series or publication note."""
    container = f.get("journal") or f.get("booktitle") or f.get("series", "")
    volume = f.get("volume", "") + (f"({f['number']})" if f.get("number") else "")
    pieces = [p for p in (container, volume) if p]
    where = " ".join(pieces)
    if f.get("pages"):
        where += f": {f['pages']}" if where else f"pp. {f['pages']}"
    return "; ".join(p for p in (where, f.get("howpublished", "")) if p)
