"""Helpers the tests share: the repository's paths and observations written from data.

Imported as `support` (tests/ is on the path); fixtures stay in conftest.py.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"


PINNED = "1.1.0"
"""The codebook version `make_project` stops at: tests written against its questions and
missing codes keep their meaning when a later version is released."""


def make_project(tmp_path: Path, *, up_to: str | None = PINNED) -> Path:
    """Make `tmp_path` a fresh dataset project: the repository's codebook (its versions up to
    `up_to`; None: all), a one-entry bibliography and an empty observation folder."""
    shutil.copytree(REPO / "codebook", tmp_path / "codebook")
    if up_to is not None:
        _drop_versions_after(tmp_path / "codebook", up_to)
    (tmp_path / "observations").mkdir()
    (tmp_path / "observations" / "references.bib").write_text(
        textwrap.dedent(
            """\
            @book{curtis1995,
              author = {Curtis, Glenn E.},
              title = {Armenia, Azerbaijan, and Georgia: Country Studies},
              publisher = {Library of Congress, Federal Research Division},
              year = {1995},
              langid = {english},
            }
            """
        ),
        encoding="utf-8",
    )
    _add_codebook_sources(tmp_path)
    return tmp_path


def _add_codebook_sources(project: Path) -> None:
    """Append the repository's entries for the keys the copied codebooks cite (concept
    sources, the lineage's origin): `cmr check` looks them up in the bibliography."""
    import re

    from cmr.codebook import Codebooks

    books = Codebooks(project / "codebook")
    wanted = {k for v in books.versions for _, k in books.get(v).cited_keys()}  # type: ignore[union-attr]
    if not wanted:
        return
    text = (REPO / "observations" / "references.bib").read_text(encoding="utf-8")
    blocks = re.split(r"(?m)^(?=@)", text)
    found = [b.rstrip() for b in blocks if (m := re.match(r"@\w+\{([^,]+),", b)) and m[1] in wanted]
    with (project / "observations" / "references.bib").open("a", encoding="utf-8") as fh:
        fh.write("\n" + "\n\n".join(found) + "\n")


def _key(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.split("."))


def _drop_versions_after(folder: Path, up_to: str) -> None:
    """Remove codebook versions after `up_to`, with their schema and their released lines."""
    later = {p.stem for p in folder.glob("*.yaml") if _key(p.stem) > _key(up_to)}
    for version in later:
        (folder / f"{version}.yaml").unlink()
        (folder / "schema" / f"observation-{version}.schema.json").unlink(missing_ok=True)
    released = folder / "released.sha256"
    if later and released.exists():
        lines = released.read_text(encoding="utf-8").splitlines(keepends=True)
        kept = [ln for ln in lines if not any(ln.rstrip().endswith(f"  {v}.yaml") for v in later)]
        released.write_text("".join(kept), encoding="utf-8")


def observation_data(
    project: Path,
    *,
    iso3c: str = "AZE",
    year: int = 1993,
    coder: str = "tester",
    answer: str = "no",
    **fields: object,
) -> dict:
    """A valid observation for `project`'s latest codebook; `fields` override top-level keys."""
    from cmr.codebook import Codebooks

    book = Codebooks(project / "codebook").latest
    data: dict = {
        "codebook": book.version,
        "country": "Azerbaijan",
        "iso3c": iso3c,
        "cown": 373,
        "year": year,
        "coder": coder,
        "coded_on": "2026-11-01",
        "answers": {
            q.variable: {
                "answer": answer,
                "confidence": "medium",
                "evidence": f"Evidence for {q.variable} in {year}: the sources consulted "
                "describe the situation in enough detail to answer (1990-1993).",
                "citations": [{"key": "curtis1995", "pages": "120-121"}],
            }
            for q in book.questions
        },
    }
    data.update(fields)
    return data


def write_observation(project: Path, data: dict, relpath: str | None = None) -> Path:
    """Write `data` as YAML under project/observations (default <ISO3>/<year>.yaml)."""
    import yaml

    rel = relpath or f"{data['iso3c']}/{data['year']}.yaml"
    path = project / "observations" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def cmr_run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run `cmr ARGS` in `project` as a user does (a subprocess); fail on a traceback."""
    done = subprocess.run(
        [sys.executable, "-c", "from cmr.cli import main; main()", *args],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done


def run_on_terminal(
    project: Path, *args: str, env: dict[str, str] | None = None
) -> tuple[str, str]:
    """Run `cmr ARGS` in `project` with stderr on a pseudo-terminal, as at a coder's
    terminal: (what stdout got, what the terminal got). stdout goes to a file, so that
    nothing can fill up while the terminal is read."""
    import os

    master, slave = os.openpty()
    with open(project / "stdout.txt", "wb") as stdout:
        proc = subprocess.Popen(
            [sys.executable, "-c", "from cmr.cli import main; main()", *args],
            cwd=project,
            stdin=subprocess.DEVNULL,
            stdout=stdout,
            stderr=slave,
            env={**os.environ, **(env or {})},
        )
        os.close(slave)
        seen = b""
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:  # the terminal closed: the process is done with it
                break
            if not data:
                break
            seen += data
        proc.wait(timeout=120)
    os.close(master)
    return (project / "stdout.txt").read_text(encoding="utf-8"), seen.decode("utf-8")
