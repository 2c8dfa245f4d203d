"""A cache of per-file check results, so that a repeated `cmr check` reads only changed files.

Like ruff's and mypy's caches, an entry is reused only when nothing that could change it has
changed: the file's size, modification and change times and inode (the change time moves on
every write, so an edit that keeps the size and restores the modification time is still
seen), how it is shown, and a salt covering the cmr version, every codebook file, the
bibliography's keys, the settings and the date (checks of future dates depend on it).
Cross-file checks always run again on the cached summaries.

The cache is JSON (never pickle: a cache file in a repository must not be able to run code) in
`.cmr_cache/check.json` beside the codebook folder, with a `.gitignore` so it is never
committed. It is used only when `.cmr_cache` is a real folder (not a link) or absent; files
carry a format number and the cmr version, are read with a size limit and written atomically.
A damaged, foreign or older cache is discarded with a `cache-discarded` warning, an unusable
folder turns the cache off with `cache-unusable`: both are in `CheckCache.findings`.
`cmr check --no-cache` or `CMR_NO_CACHE=1` turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from dataclasses import asdict, fields
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cmr import _atomic, _files
from cmr._version import __version__
from cmr.catalogue import finding
from cmr.findings import Finding

if TYPE_CHECKING:
    from cmr.bibliography import Bibliography
    from cmr.summary import Summary

FOLDER = ".cmr_cache"
FORMAT = 3
LIMIT = 512_000_000
BIB_LIMIT = 64_000_000
Outcome = tuple[list[Finding], "Summary | None"]


def salt(codebook_dir: Path, *parts: object) -> str:
    """A digest of everything besides the file itself that a file's findings depend on."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(codebook_dir.glob("*.yaml")):
        if path.is_symlink() or not path.is_file():  # a FIFO would block; see cmr.releases
            continue
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for part in parts:
        digest.update(b"\0" + repr(part).encode())
    return digest.hexdigest()


def _stamp(path: str) -> list[int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev]


def _shown(path: Path) -> str:
    from cmr.project import shown_relative_to_cwd

    return shown_relative_to_cwd()(path)


def usable(root: Path) -> Finding | None:
    """None when `.cmr_cache` under `root` is a real folder or absent; else why not."""
    folder = root / FOLDER
    try:
        mode = os.lstat(folder).st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        problem = f"{FOLDER} cannot be examined ({exc.strerror or exc})"
    else:
        if stat.S_ISDIR(mode):
            return None
        problem = f"{FOLDER} is {_files.describe(mode)}, not a folder"
    return finding("cache-unusable", _shown(folder), problem=problem)


def load(path: Path, root: Path, limit: int) -> tuple[dict[str, Any] | None, Finding | None]:
    """A cache file's JSON object if it is this cmr's, or None and (when it was there and
    not usable) a `cache-discarded` warning."""
    if not os.path.lexists(path):
        return None, None
    raw = _files.read_bytes(path, root=root, limit=limit)
    if isinstance(raw, _files.FileProblem):
        problem = "it cannot be read: " + finding(raw.code, "", **raw.params).message
        return None, finding("cache-discarded", _shown(path), problem=problem)
    data = raw_json(raw)
    why = _foreign(data)
    if why is not None:
        return None, finding("cache-discarded", _shown(path), problem=why)
    return data, None


def _foreign(data: dict[str, Any] | None) -> str | None:
    """Why a cache file's content is not this cmr's, or None when it is."""
    if data is None:
        return "it is damaged"
    if data.get("tool") != "cmr" or not isinstance(data.get("format"), int):
        return "it was not written by cmr"
    if data["format"] != FORMAT or data.get("version") != __version__:
        return f"it was written by cmr {data.get('version')!s:.20}"
    return None


def raw_json(raw: bytes) -> dict[str, Any] | None:
    """The JSON object in `raw`, or None when it is not one."""
    try:
        data = json.loads(raw.decode("utf-8"))  # bytes alone would let UTF-16 through
    except (ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def dump(**content: Any) -> str:
    """A cache file's text: the format, cmr's version and `content`."""
    data = {"tool": "cmr", "format": FORMAT, "version": __version__, **content}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


@cache
def _summary_fields() -> tuple[str, ...]:
    from cmr.summary import Summary

    return tuple(f.name for f in fields(Summary))


class CheckCache:
    """Per-file outcomes of the last run, valid for one salt; `findings` are its warnings."""

    def __init__(self, root: Path, salt_: str):
        self.root = root
        self.path = root / FOLDER / "check.json"
        self.salt = salt_
        self.entries: dict[str, dict[str, Any]] = {}
        self.changed = False
        self.findings: list[Finding] = []
        self._seen: dict[str, list[int] | None] = {}
        unusable = usable(root)
        self.off = unusable is not None
        if unusable is not None:
            self.findings.append(unusable)
            return
        data, warning = load(self.path, root / FOLDER, LIMIT)
        self.findings.extend([warning] if warning else [])
        self.changed = warning is not None
        files = data.get("files") if data and data.get("salt") == salt_ else None
        if isinstance(files, dict):
            self.entries = files

    def get(self, path: str, display: str) -> Outcome | None:
        """The cached outcome of `path`, or None when it may have changed."""
        stamp = self._seen[path] = _stamp(path)
        entry = self.entries.get(path)
        try:
            if entry is None or entry["display"] != display or entry["stamp"] != stamp:
                return None
            return _outcome(entry)
        except (KeyError, TypeError, ValueError, AttributeError):
            self._damaged()
            return None

    def _damaged(self) -> None:
        """An entry that cannot be read: drop them all, once, with a warning."""
        self.entries = {}
        self.changed = True
        self.findings.append(
            finding("cache-discarded", _shown(self.path), problem="an entry is damaged")
        )

    def put(self, path: str, display: str, outcome: Outcome) -> None:
        """Keep `outcome` under the stamp `path` had when `get` looked (before it was read)."""
        stamp = self._seen.pop(path, None) or _stamp(path)
        if stamp is None or self.off:
            return
        findings, summary = outcome
        self.entries[path] = {
            "display": display,
            "stamp": stamp,
            "summary": _raw_summary(summary),
            "findings": [f.to_dict() for f in findings],
        }
        self.changed = True

    def save(self, keep: set[str]) -> None:
        """Write the cache (only entries for `keep`); a cache that cannot be written is skipped."""
        stale = set(self.entries) - keep
        for path in stale:
            del self.entries[path]
        if self.off or not (self.changed or stale):
            return
        write(self.root, self.path.name, dump(salt=self.salt, files=self.entries))


def _outcome(entry: dict[str, Any]) -> Outcome:
    from cmr.summary import Summary

    findings = [Finding(**{**f, "related": tuple(f["related"])}) for f in entry["findings"]]
    raw = entry["summary"]
    if raw is None:
        return findings, None
    summary = Summary(
        **{
            **raw,
            "reconciles": tuple(raw["reconciles"]),
            "change_notes": frozenset(raw["change_notes"]),
            "cited": frozenset(raw["cited"]),
        }
    )
    return findings, summary


def _raw_summary(summary: Summary | None) -> dict[str, Any] | None:
    if summary is None:
        return None
    raw = {f: getattr(summary, f) for f in _summary_fields()}
    raw.update(
        data=None,
        reconciles=list(summary.reconciles),
        change_notes=sorted(summary.change_notes),
        cited=sorted(summary.cited),
    )
    return raw


def enabled(flag: bool) -> bool:
    return flag and os.environ.get("CMR_NO_CACHE", "") in ("", "0")


def bibliography(root: Path, path: Path, use: bool) -> Bibliography:
    """`load_bibliography(path)`, skipping the BibTeX parse when the file is unchanged.

    The parsed entries and findings are kept in `.cmr_cache/bibliography.json` under the
    digest of the file's bytes, so a one-file check does not pay for parsing a large
    bibliography on every run. The file is looked at first as any input is (`cmr._files`):
    a FIFO, a link out of the repository or a huge file is a finding, never read.
    """
    from cmr.bibliography import Bibliography, load_bibliography

    if not os.path.lexists(path):
        return Bibliography(path, exists=False)
    raw = _files.read_bytes(path, root=root, limit=BIB_LIMIT)
    if isinstance(raw, _files.FileProblem):
        problem = finding(raw.code, _shown(path), raw.line, raw.column, **raw.params)
        return Bibliography(path, findings=[problem], exists=False)
    if not use or usable(root) is not None:
        return load_bibliography(path)
    digest = hashlib.sha256(__version__.encode() + raw).hexdigest()
    store = root / FOLDER / "bibliography.json"
    data, warning = load(store, root / FOLDER, BIB_LIMIT)
    with contextlib.suppress(KeyError, TypeError, ValueError, AttributeError):
        if data is not None and data["digest"] == digest:
            return _cached_bibliography(path, data)
    bib = load_bibliography(path)
    text = dump(
        digest=digest,
        entries=[asdict(e) for e in bib.entries.values()],
        findings=[f.to_dict() for f in bib.findings],
    )
    write(root, store.name, text)
    bib.findings.extend([warning] if warning else [])
    return bib


def _cached_bibliography(path: Path, data: dict[str, Any]) -> Bibliography:
    from cmr.bibliography import Bibliography, Entry

    return Bibliography(
        path,
        {e["key"]: Entry(**e) for e in data["entries"]},
        [Finding(**{**f, "related": tuple(f["related"])}) for f in data["findings"]],
    )


def write(root: Path, name: str, text: str) -> None:
    """Write `.cmr_cache/<name>` (and the folder's .gitignore) atomically, only into a real
    folder of `root`; when that cannot be done, skip it."""
    folder = root / FOLDER
    with contextlib.suppress(OSError):
        with contextlib.suppress(FileExistsError):
            folder.mkdir()
        if usable(root) is not None or not folder.is_dir():
            return
        ignore = folder / ".gitignore"
        if not os.path.lexists(ignore):
            _atomic.write_text(ignore, "# written by cmr\n*\n", overwrite=True)
        _atomic.write_text(folder / name, text, overwrite=True)
