"""The dataset's mapping of a source's categories onto its codebook's event types.

The mapping is data, in `[crosscheck.<source>]` of `cmr.toml` (or `[tool.cmr.crosscheck.
<source>]` of pyproject.toml): each category of the source (`successful`, `failed` for
Powell & Thyne; `realized`, `attempted`, `conspiracy` for the Cline Center) names an event type
of the codebook; a category left out is not compared. `codes` adds country codes in the
source's system for an ISO3 code, where the source numbers a state otherwise than the
country table (Serbia as Yugoslavia, 345, in the Gleditsch & Ward list); `tolerance_days`
lets two dates that far apart still name the same event.

    [crosscheck.powell-thyne]
    successful = "coup_successful"
    failed = "coup_attempt_failed"
    codes = { SRB = [340, 345] }

Anything else is refused with one line (`SettingsError`, exit 2).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from cmr.codebook import Codebook
from cmr.crosscheck._sources import Source
from cmr.settings import SettingsError

OPTIONS = ("codes", "tolerance_days")
_ISO3 = re.compile(r"[A-Z]{3}")


@dataclass(frozen=True)
class Mapping:
    """A source's categories as event types, extra country codes and the date tolerance."""

    source: Source
    types: dict[str, str]
    codes: dict[str, tuple[int, ...]] = field(default_factory=dict)
    tolerance_days: int = 0

    @property
    def event_types(self) -> frozenset[str]:
        return frozenset(self.types.values())


def mapping_for(config: dict[str, Any], source: Source, book: Codebook) -> Mapping:
    """The validated `[crosscheck.<source>]` table of `config` (a project's settings),
    checked against `book` (the latest codebook)."""
    table = config.get("crosscheck", {})
    if not isinstance(table, dict):
        raise SettingsError("crosscheck must be a table of sources ([crosscheck.<source>])")
    own = table.get(source.name)
    if own is None:
        raise SettingsError(
            f"no [crosscheck.{source.name}] table in the settings: map the source's "
            f"categories ({', '.join(source.categories)}) to event types of codebook "
            f"{book.version} ({', '.join(book.events.codes) or 'it declares none'})"
        )
    if not isinstance(own, dict):
        raise SettingsError(f"crosscheck.{source.name} must be a table")
    return _mapping(own, source, book)


def _mapping(own: dict[str, Any], source: Source, book: Codebook) -> Mapping:
    known = (*source.categories, *OPTIONS)
    for key in own:
        if key not in known:
            close = difflib.get_close_matches(str(key), known, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise SettingsError(
                f"crosscheck.{source.name}: unknown key {key!r}{hint}; use {', '.join(known)}"
            )
    types = {c: _event_type(own[c], source, c, book) for c in source.categories if c in own}
    if not types:
        raise SettingsError(
            f"crosscheck.{source.name} maps none of the source's categories "
            f"({', '.join(source.categories)}) to an event type"
        )
    codes = _codes(own.get("codes", {}), source)
    return Mapping(source, types, codes, _tolerance(own.get("tolerance_days", 0), source))


def _event_type(value: Any, source: Source, category: str, book: Codebook) -> str:
    where = f"crosscheck.{source.name}.{category}"
    if not isinstance(value, str) or not value:
        raise SettingsError(f"{where} must name an event type of the codebook")
    if value not in book.events.codes:
        if not book.events:
            raise SettingsError(
                f"{where} = {value!r}: codebook {book.version} declares no event types"
            )
        close = difflib.get_close_matches(value, book.events.codes, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise SettingsError(
            f"{where} = {value!r} is not an event type of codebook {book.version}{hint}"
        )
    return value


def _codes(value: Any, source: Source) -> dict[str, tuple[int, ...]]:
    where = f"crosscheck.{source.name}.codes"
    if not isinstance(value, dict):
        raise SettingsError(f"{where} must be a table of ISO3 codes, e.g. {{ SRB = [340, 345] }}")
    out = {}
    for iso3, codes in value.items():
        items = codes if isinstance(codes, list) else [codes]
        if not _ISO3.fullmatch(str(iso3)) or not items or not all(_plain_int(c) for c in items):
            raise SettingsError(
                f"{where}.{iso3}: give an ISO3 code (three capitals) and a list of whole "
                "numbers, e.g. SRB = [340, 345]"
            )
        out[str(iso3)] = tuple(sorted(set(items)))
    return out


def _tolerance(value: Any, source: Source) -> int:
    if not _plain_int(value) or not 0 <= value <= 366:
        raise SettingsError(
            f"crosscheck.{source.name}.tolerance_days must be a whole number of days, 0 to 366"
        )
    return int(value)


def _plain_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
