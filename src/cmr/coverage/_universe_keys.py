"""Each key of `[universe]` checked and converted, or a one-line `SettingsError` naming it
(`where`: the settings file and table, with the command-line options that set it)."""

from __future__ import annotations

import difflib
from typing import Any

from cmr import countries
from cmr.external import SYSTEMS
from cmr.settings import SettingsError

KEYS = ("system", "states", "first", "last", "countries", "exclude", "codes")
MIN_YEAR, MAX_YEAR = 1, 9999

Filter = tuple[str | int, ...]


def known_keys(table: dict[str, Any], where: str) -> None:
    for key in table:
        if key not in KEYS:
            close = difflib.get_close_matches(str(key), KEYS, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise SettingsError(f"{where}: unknown setting {key!r}{hint}")


def system_of(value: Any, where: str) -> str:
    if value not in SYSTEMS:
        raise SettingsError(f"{where}: system must be one of {', '.join(SYSTEMS)}, not {value!r}")
    return str(value)


def membership_files(value: Any, where: str) -> tuple[str, ...]:
    """The `states` setting as a tuple of file names; `SettingsError` unless it is a name or
    a list of names (not empty, no NUL character)."""
    files = [value] if isinstance(value, str) else value
    if not isinstance(files, list) or not files:
        raise SettingsError(f"{where}: states must be the path of a membership file or a list")
    for item in files:
        if not isinstance(item, str) or not item.strip() or "\0" in item:
            raise SettingsError(f"{where}: states must name files, not {item!r}")
    return tuple(files)


def year_of(table: dict[str, Any], key: str, where: str) -> int:
    value = table[key]
    if isinstance(value, bool) or not isinstance(value, int) or not MIN_YEAR <= value <= MAX_YEAR:
        raise SettingsError(f"{where}: {key} must be a year (a whole number), not {value!r}")
    return value


def filter_of(table: dict[str, Any], key: str, where: str) -> Filter:
    value = table.get(key, [])
    if not isinstance(value, list):
        raise SettingsError(f"{where}: {key} must be a list of ISO3 codes or state numbers")
    return tuple(_entry(item, key, where) for item in value)


def _entry(item: Any, key: str, where: str) -> str | int:
    """An ISO3 code (any case, given back in capitals) or a state number."""
    if isinstance(item, int) and not isinstance(item, bool) and item > 0:
        return item
    if isinstance(item, str) and item.strip().isdigit():
        return int(item.strip())
    if isinstance(item, str) and len(item.strip()) == 3 and item.strip().isalpha():
        return item.strip().upper()
    raise SettingsError(
        f"{where}: {key} must list ISO3 codes or state numbers; {item!r} is neither"
    )


def codes_of(value: Any, where: str) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """`codes = {ISO3 = [numbers]}`: each number given to one country only."""
    said = f"{where}: codes must be a table of ISO3 code = [state numbers]"
    if not isinstance(value, dict):
        raise SettingsError(said)
    out: list[tuple[str, tuple[int, ...]]] = []
    seen: set[int] = set()
    for key, numbers in sorted(value.items()):
        if not (isinstance(key, str) and len(key) == 3 and key.isalpha()):
            raise SettingsError(f"{said}; {key!r} is no ISO3 code")
        if countries.by_iso3(key.upper()) is None:
            raise SettingsError(f"{said}; {key!r} is no country countrycode knows")
        if not isinstance(numbers, list) or not all(
            isinstance(n, int) and not isinstance(n, bool) and n > 0 for n in numbers
        ):
            raise SettingsError(f"{said}; {key} = {numbers!r} is not a list of numbers")
        if seen & set(numbers):
            raise SettingsError(
                f"{where}: codes gives {sorted(seen & set(numbers))} to two countries"
            )
        seen |= set(numbers)
        out.append((key.upper(), tuple(numbers)))
    return tuple(out)
