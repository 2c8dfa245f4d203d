"""Authors: people and organisations, read from BibTeX names, CFF entries or settings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

__all__ = ["Author", "from_bibtex", "from_cff", "from_setting"]


@dataclass(frozen=True)
class Author:
    """A person (`family`, `given`) or an organisation (`name` only), with an optional ORCID."""

    family: str = ""
    given: str = ""
    name: str = ""
    orcid: str = ""

    @property
    def is_person(self) -> bool:
        return bool(self.family)

    def inverted(self) -> str:
        """`Narang, Vipin`; an organisation's name as it is."""
        return f"{self.family}, {self.given}" if self.given else self.family or self.name

    def initials(self) -> str:
        """`Narang, V.`, as APA lists authors."""
        if not self.is_person or not self.given:
            return self.inverted()
        parts = re.split(r"([\s-]+)", self.given)
        short = "".join(p if not p.strip(" -") else f"{p[0]}." for p in parts)
        return f"{self.family}, {short}"

    def cff(self) -> dict[str, str]:
        """The CFF 1.2.0 mapping of this author."""
        out = {"family-names": self.family} if self.is_person else {"name": self.name}
        if self.given:
            out["given-names"] = self.given
        if self.orcid:
            out["orcid"] = self.orcid
        return out


def from_bibtex(names: str) -> tuple[Author, ...]:
    """The authors of a BibTeX `author` field (`Last, First and First Last and {Org}`)."""
    out = []
    for raw in re.split(r"\s+and\s+", names.strip()):
        text = raw.strip()
        if text.startswith("{") and text.endswith("}"):
            out.append(Author(name=text[1:-1]))
        elif "," in text:
            family, given = (p.strip() for p in text.split(",", 1))
            out.append(Author(_plain(family), _plain(given)))
        elif text:
            *given, family = text.split()
            out.append(Author(_plain(family), _plain(" ".join(given))))
    return tuple(out)


def from_setting(text: str) -> Author:
    """An author of the `release.authors` setting: `Family, Given` is a person, anything
    else an organisation."""
    if "," in text:
        family, given = (p.strip() for p in text.split(",", 1))
        return Author(family, given)
    return Author(name=text.strip())


def from_cff(item: Any) -> Author | None:
    """An author of a CFF `authors` list, or None when it names nobody."""
    if not isinstance(item, dict):
        return None
    family = " ".join(str(item[k]) for k in ("name-particle", "family-names") if item.get(k))
    given, name = str(item.get("given-names") or ""), str(item.get("name") or "")
    orcid = str(item.get("orcid") or "")
    if not family and not name:
        return None
    return Author(family, given if family else "", "" if family else name, orcid)


def _plain(text: str) -> str:
    return text.replace("{", "").replace("}", "").strip()
