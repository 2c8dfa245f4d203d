"""The registry of checks: every code a check reports is catalogued and owned by one check."""

from __future__ import annotations

import cmr.checking  # noqa: F401 - registers every check
from cmr.catalogue import KINDS
from cmr.registry import CHECKS, SCOPES, check_of

COMMAND_FAMILIES = {
    "memo",
    "export",
    "agreement",
    "bib",
    "publish",
    "site",
    "external",
    "coverage",
    "crosscheck",
}


def test_registered_codes_are_catalogued() -> None:
    """Each code a registered check declares has a catalogue entry (severity, message)."""
    missing = [(c.name, code) for c in CHECKS.values() for code in c.codes if code not in KINDS]
    assert missing == []


def test_every_check_code_has_an_owner() -> None:
    """Each catalogue code outside the other commands' families belongs to a check."""
    orphans = [
        k.code
        for k in KINDS.values()
        if k.family not in COMMAND_FAMILIES and check_of(k.code) is None
    ]
    assert orphans == []


def test_every_scope_has_checks() -> None:
    """Each scope the engine knows has at least one registered check, with a doc."""
    for scope in SCOPES:
        found = [c for c in CHECKS.values() if c.scope == scope]
        assert found and all(c.doc for c in found), scope


def test_codes_lists_check_and_scope(run_cli) -> None:
    """`cmr codes` prints each code with the check and scope that report it."""
    output = run_cli("codes").output
    line = next(ln for ln in output.splitlines() if ln.startswith("coded-on-before-year"))
    assert "dates (file)" in line
    line = next(ln for ln in output.splitlines() if ln.startswith("duplicate-observation"))
    assert "duplicates (country-year)" in line
