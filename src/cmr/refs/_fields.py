"""The fields each BibTeX entry type requires.

The classic types follow BibTeX's table of required fields (Oren Patashnik, *BibTeXing*,
btxdoc, 1988, section 3.1 "Entry Types"); the types only biblatex knows (`online`, `report`,
`thesis`, `collection`) follow biblatex's (Philipp Lehman et al., *The biblatex Package*,
section 2.1.1 "Regular Types"). A type neither table names (`misc` among them: BibTeX requires
nothing of it) requires nothing. Each requirement is a tuple of fields any one of which
satisfies it (`author` or `editor`), and the biblatex names stand in for the BibTeX ones:
`date` for `year`, `journaltitle` for `journal`, `institution` for `school`.

>>> missing_fields("article", {"title": "T", "journaltitle": "J", "date": "1995"})
['author']
"""

from __future__ import annotations

from collections.abc import Mapping

Need = tuple[str, ...]

_AUTHOR, _EDITED = ("author",), ("author", "editor")
_YEAR, _TITLE = ("year", "date"), ("title",)
_PUBLISHER, _BOOKTITLE = ("publisher",), ("booktitle",)

REQUIRED: dict[str, tuple[Need, ...]] = {
    # BibTeX (btxdoc, section 3.1)
    "article": (_AUTHOR, _TITLE, ("journal", "journaltitle"), _YEAR),
    "book": (_EDITED, _TITLE, _PUBLISHER, _YEAR),
    "booklet": (_TITLE,),
    "inbook": (_EDITED, _TITLE, ("chapter", "pages"), _PUBLISHER, _YEAR),
    "incollection": (_AUTHOR, _TITLE, _BOOKTITLE, _PUBLISHER, _YEAR),
    "inproceedings": (_AUTHOR, _TITLE, _BOOKTITLE, _YEAR),
    "conference": (_AUTHOR, _TITLE, _BOOKTITLE, _YEAR),
    "manual": (_TITLE,),
    "mastersthesis": (_AUTHOR, _TITLE, ("school", "institution"), _YEAR),
    "phdthesis": (_AUTHOR, _TITLE, ("school", "institution"), _YEAR),
    "proceedings": (_TITLE, _YEAR),
    "techreport": (_AUTHOR, _TITLE, ("institution", "school"), _YEAR),
    "unpublished": (_AUTHOR, _TITLE, ("note",)),
    # biblatex only (biblatex manual, section 2.1.1)
    "online": (_EDITED, _TITLE, _YEAR, ("doi", "eprint", "url")),
    "report": (_AUTHOR, _TITLE, ("type",), ("institution",), _YEAR),
    "thesis": (_AUTHOR, _TITLE, ("type",), ("institution", "school"), _YEAR),
    "collection": (("editor",), _TITLE, _YEAR),
}


def missing_fields(entry_type: str, fields: Mapping[str, str]) -> list[str]:
    """The requirements of `entry_type` that `fields` leave unmet, as `a or b` each."""
    have = {name for name, value in fields.items() if value.strip()}
    needs = REQUIRED.get(entry_type.lower(), ())
    return [" or ".join(need) for need in needs if not have.intersection(need)]
