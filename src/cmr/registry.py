"""The registry of checks: every check cmr runs, with its scope, its finding codes and its doc.

A check is registered once, where it is written, and the engine (`cmr.checking`) runs the
checks of each scope over what that scope needs:

* `codebook`: the codebook folder (loadable versions, released files unchanged);
* `dataset`: what every file shares (the bibliography, the settings, the observation folder);
* `file`: one observation on its own (run in the worker that reads it);
* `country-year`: every coding of one country-year (duplicates, reconciled codings, the panel's
  choice of observation);
* `country`: one country's adjudicated years in order (the codebook's series rules).

Because each check says its scope, `cmr check FILE` can run exactly the checks that touch
the file, reading the siblings those scopes need; `cmr codes` and `docs/codes.md` are
generated from this registry, so the list of codes and the checks cannot drift apart.

>>> CHECKS["schema"].scope
'file'
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, TypeVar

Scope = Literal["codebook", "dataset", "file", "country-year", "country"]
SCOPES: tuple[Scope, ...] = ("codebook", "dataset", "file", "country-year", "country")
SPANS_FILES: frozenset[str] = frozenset({"country-year", "country"})


@dataclass(frozen=True)
class Check:
    """What a registered check is: a name, a scope, the codes it may report and what it does."""

    name: str
    scope: Scope
    codes: tuple[str, ...]
    doc: str
    fixed: bool = False
    """Its findings cannot be switched off or downgraded: they say that something could not
    be read at all, so a check that hid them would call unread data clean."""

    def to_dict(self) -> dict[str, object]:
        return {"check": self.name, "scope": self.scope, "codes": list(self.codes)}


CHECKS: dict[str, Check] = {}
F = TypeVar("F", bound=Callable[..., object])


def register(
    name: str, scope: Scope, codes: tuple[str, ...], doc: str, *, fixed: bool = False
) -> Check:
    """Add a check to the registry; a name or a code registered twice is a programming error."""
    if name in CHECKS:
        raise RuntimeError(f"check registered twice: {name}")
    if scope not in SCOPES:
        raise RuntimeError(f"check {name}: unknown scope {scope}")
    taken = {code: c.name for c in CHECKS.values() for code in c.codes}
    for code in codes:
        if code in taken:
            raise RuntimeError(f"code {code} registered by {taken[code]} and {name}")
    check = Check(name, scope, codes, " ".join(doc.split()), fixed)
    CHECKS[name] = check
    return check


def fixed_codes() -> frozenset[str]:
    """The codes of the checks marked `fixed`, which settings cannot switch off."""
    return frozenset(code for c in CHECKS.values() if c.fixed for code in c.codes)


def checks(scope: Scope | None = None) -> list[Check]:
    """The registered checks, in registration order, optionally of one scope."""
    return [c for c in CHECKS.values() if scope is None or c.scope == scope]


def check_of(code: str) -> Check | None:
    """The check that reports `code`, if a registered check does."""
    return next((c for c in CHECKS.values() if code in c.codes), None)


def file_check(name: str, codes: tuple[str, ...]) -> Callable[[F], F]:
    """Decorator: register a file-scope check function under `name`; its docstring is its doc."""

    def decorate(func: F) -> F:
        register(name, "file", codes, func.__doc__ or name)
        return func

    return decorate
