"""A cache of per-file check results, so that a repeated `cmr check` reads only changed files.

Like ruff's and mypy's caches, an entry is reused only when nothing that could change it has
changed: the file's size and modification time, how it is shown, and a salt covering the cmr
version, every codebook file, the bibliography's keys, the settings and the date (checks of
future dates depend on it). Cross-file checks always run again on the cached summaries.

The cache is JSON (never pickle: a cache file in a repository must not be able to run code) in
`.cmr_cache/check.json` beside the codebook folder, with a `.gitignore` so it is never
committed. `cmr check --no-cache` or `CMR_NO_CACHE=1` turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import asdict, fields
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cmr import _atomic
from cmr._version import __version__
from cmr.findings import Finding

if TYPE_CHECKING:
    from cmr.bibliography import Bibliography
    from cmr.summary import Summary

FOLDER = ".cmr_cache"
Outcome = tuple[list[Finding], "Summary | None"]


def salt(codebook_dir: Path, *parts: object) -> str:
    """A digest of everything besides the file itself that a file's findings depend on."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(codebook_dir.glob("*.yaml")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for part in parts:
        digest.update(b"\0" + repr(part).encode())
    return digest.hexdigest()


def _stamp(path: str) -> list[int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_mtime_ns, st.st_size, st.st_ino]


@cache
def _summary_fields() -> tuple[str, ...]:
    from cmr.summary import Summary

    return tuple(f.name for f in fields(Summary))


class CheckCache:
    """Per-file outcomes of the last run, valid for one salt."""

    def __init__(self, root: Path, salt_: str):
        self.path = root / FOLDER / "check.json"
        self.salt = salt_
        self.entries: dict[str, dict[str, Any]] = {}
        self.changed = False
        with contextlib.suppress(OSError, ValueError):
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and data.get("salt") == salt_:
                self.entries = data.get("files", {})

    def get(self, path: str, display: str) -> Outcome | None:
        """The cached outcome of `path`, or None when it may have changed."""
        from cmr.summary import Summary

        entry = self.entries.get(path)
        if entry is None or entry["display"] != display or entry["stamp"] != _stamp(path):
            return None
        findings = [Finding(**{**f, "related": tuple(f["related"])}) for f in entry["findings"]]
        raw = entry["summary"]
        summary = (
            None
            if raw is None
            else Summary(
                **{
                    **raw,
                    "reconciles": tuple(raw["reconciles"]),
                    "change_notes": frozenset(raw["change_notes"]),
                }
            )
        )
        return findings, summary

    def put(self, path: str, display: str, outcome: Outcome) -> None:
        findings, summary = outcome
        stamp = _stamp(path)
        if stamp is None:
            return
        raw = None
        if summary is not None:
            raw = {f: getattr(summary, f) for f in _summary_fields()}
            raw.update(
                data=None,
                reconciles=list(summary.reconciles),
                change_notes=sorted(summary.change_notes),
            )
        self.entries[path] = {
            "display": display,
            "stamp": stamp,
            "summary": raw,
            "findings": [f.to_dict() for f in findings],
        }
        self.changed = True

    def save(self, keep: set[str]) -> None:
        """Write the cache (only entries for `keep`); a cache that cannot be written is skipped."""
        stale = set(self.entries) - keep
        for path in stale:
            del self.entries[path]
        if not (self.changed or stale):
            return
        text = json.dumps(
            {"salt": self.salt, "files": self.entries}, ensure_ascii=False, separators=(",", ":")
        )
        _write(self.path, text)


def enabled(flag: bool) -> bool:
    return flag and os.environ.get("CMR_NO_CACHE", "") in ("", "0")


def bibliography(root: Path, path: Path, use: bool) -> Bibliography:
    """`load_bibliography(path)`, skipping the BibTeX parse when the file is unchanged.

    The parsed entries and findings are kept in `.cmr_cache/bibliography.json` under the
    digest of the file's bytes, so a one-file check does not pay for parsing a large
    bibliography on every run.
    """
    from cmr.bibliography import Bibliography, Entry, load_bibliography

    if not use:
        return load_bibliography(path)
    try:
        digest = hashlib.sha256(__version__.encode() + path.read_bytes()).hexdigest()
    except OSError:
        return load_bibliography(path)
    store = root / FOLDER / "bibliography.json"
    with contextlib.suppress(OSError, ValueError, TypeError, KeyError):
        data = json.loads(store.read_text(encoding="utf-8"))
        if data["digest"] == digest:
            return Bibliography(
                path,
                {e["key"]: Entry(**e) for e in data["entries"]},
                [Finding(**{**f, "related": tuple(f["related"])}) for f in data["findings"]],
            )
    bib = load_bibliography(path)
    text = json.dumps(
        {
            "digest": digest,
            "entries": [asdict(e) for e in bib.entries.values()],
            "findings": [f.to_dict() for f in bib.findings],
        },
        ensure_ascii=False,
    )
    _write(store, text)
    return bib


def _write(path: Path, text: str) -> None:
    """Write a cache file (and the folder's .gitignore); when that fails, skip it."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(exist_ok=True)
        ignore = path.parent / ".gitignore"
        if not ignore.exists():
            _atomic.write_text(ignore, "# written by cmr\n*\n", overwrite=True)
        _atomic.write_text(path, text, overwrite=True)
