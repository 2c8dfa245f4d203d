"""Hostile observation files under `cmr coverage`: special files are never opened, broken
YAML is an unreadable case, odd `as_of`, `unit` and `cown` values are no traceback."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import UNIVERSE, observation
from support import cmr_run


def report_of(dataset: Path) -> tuple[int, dict]:
    """Run `cmr coverage --format json` on the declared universe: exit status and report."""
    (dataset / "cmr.toml").write_text(UNIVERSE, encoding="utf-8")
    done = cmr_run(dataset, "coverage", "--format", "json")
    return done.returncode, json.loads(done.stdout)


def _statuses(report: dict, iso3c: str) -> dict[int, str]:
    return {c["year"]: c["status"] for c in report["cases"] if c["iso3c"] == iso3c}


def test_fifo_and_device_as_observations_are_unreadable_cases(
    dataset: Path, write: Callable[..., Path]
) -> None:
    """A FIFO and a link to /dev/zero named like observations are not opened (the command
    would wait or read forever): their cases are `unreadable`, for `cmr check` to explain."""
    if not hasattr(os, "mkfifo") or not Path("/dev/zero").exists():
        pytest.skip("needs FIFOs and /dev/zero")
    write("AZE/1992.yaml", observation(year=1992))
    os.mkfifo(dataset / "observations" / "AZE" / "1993.yaml")
    (dataset / "observations" / "AZE" / "1994.yaml").symlink_to("/dev/zero")
    code, report = report_of(dataset)
    assert code == 0
    assert _statuses(report, "AZE") == {
        1991: "missing",
        1992: "final",
        1993: "unreadable",
        1994: "unreadable",
        1995: "missing",
    }


def test_broken_yaml_is_an_unreadable_case(dataset: Path, write: Callable[..., Path]) -> None:
    """An alias bomb, deep nesting, a list, Latin-1 bytes and a UTF-16 file are unreadable
    cases, placed by their paths, with no finding of coverage's own."""
    aliases = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n"
        for p, n in zip("abcdefg", "bcdefgh", strict=True)
    )
    write("ARM/1991.yaml", observation("ARM", 1991, 371) + aliases)
    write("ARM/1992.yaml", "[" * 100_000)
    write("ARM/1993.yaml", "- a list\n")
    (dataset / "observations" / "ARM" / "1994.yaml").write_bytes(b"country: Arm\xe9nia\n")
    (dataset / "observations" / "ARM" / "1995.yaml").write_bytes(
        observation("ARM", 1995, 371).encode("utf-16")
    )
    code, report = report_of(dataset)
    assert code == 0 and report["findings"] == []
    statuses = _statuses(report, "ARM")
    assert [statuses[y] for y in range(1991, 1996)] == ["unreadable"] * 5


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ({"as_of": "5"}, []),
        ({"as_of": "'1993-02-30'"}, []),
        ({"unit": "[1]", "as_of": "'1993-06-01'"}, []),
        ({"unit": "nonsense"}, []),
        ({"codebook": "'9.9.9'"}, []),
        ({"cown": "99999999999999999999999"}, ["coverage-code-differs"]),
        ({"cown": "'373'"}, []),
        ({"cown": "true"}, []),
    ],
)
def test_odd_values_are_no_traceback(
    dataset: Path, write: Callable[..., Path], extra: dict[str, str], expected: list[str]
) -> None:
    """Odd `as_of`, `unit`, `codebook` and `cown` values leave the case placed by its path
    and code, with at most the finding the rule gives (`cmr check` reports the rest)."""
    text = observation(year=1993)
    for key, value in extra.items():
        lines = [ln for ln in text.splitlines() if not ln.startswith(f"{key}:")]
        text = "\n".join([*lines[:-1], f"{key}: {value}", lines[-1]]) + "\n"
    write("AZE/1993.yaml", text)
    code, report = report_of(dataset)
    assert code == 0
    assert [f["code"] for f in report["findings"]] == expected
    assert _statuses(report, "AZE")[1993] == "final"


def test_reference_date_in_another_year_is_not_a_membership_problem(
    dataset: Path, write: Callable[..., Path]
) -> None:
    """An `as_of` outside the observation's year is `cmr check`'s `as-of-outside-year`, not
    a reference date outside the state's membership: Germany 1988 is a full member year."""
    write("DEU/1988.yaml", observation("DEU", 1988, 255, unit="war_outbreak", as_of="'2100-01-01'"))
    code, report = report_of(dataset)
    assert code == 0
    assert [f["code"] for f in report["findings"]] == ["coverage-code-differs"]
