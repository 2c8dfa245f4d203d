"""A damaged, foreign, redirected or outdated `.cmr_cache`: never a crash, never a stale answer,
never a write outside the repository.

The command-line cases assert that `cmr check` gives exactly the findings of a `--no-cache`
run, twice (the second run reads the rebuilt cache); the library cases assert the warning
findings `CheckCache` offers its caller (`cache-discarded`, `cache-unusable`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from adversarial_support import Ran, snapshot

from cmr import _cache
from cmr._version import __version__

CACHE = Path(".cmr_cache")


def _findings(ran: Ran) -> list[str]:
    """The finding lines, less the cache's own warnings."""
    out = []
    for line in ran.out.splitlines():
        parts = line.split(": ", 2)
        severity, _, code = parts[1].partition(" ") if len(parts) > 1 else ("", "", "")
        if severity in ("error", "warning", "info") and not code.startswith("cache-"):
            out.append(line)
    return sorted(out)


def _reference(cmr: Callable[..., Ran]) -> list[str]:
    ran = cmr("check", "--no-cache")
    assert ran.code in (0, 1)
    return _findings(ran)


def _valid_cache(cmr: Callable[..., Ran], dataset: Path) -> dict:
    assert cmr("check").code in (0, 1)
    return json.loads((dataset / CACHE / "check.json").read_text(encoding="utf-8"))


CHECK_JSON: dict[str, Callable[[dict], bytes]] = {
    "garbage": lambda good: b"{not json",
    "empty-file": lambda good: b"",
    "nul-bytes": lambda good: b"\0" * 100,
    "utf16": lambda good: json.dumps(good).encode("utf-16"),
    "list": lambda good: b"[]",
    "null": lambda good: b"null",
    "string": lambda good: b'"cache"',
    "empty-object": lambda good: b"{}",
    "format-1-layout": lambda good: json.dumps({"salt": good["salt"], "files": {}}).encode(),
    "other-format": lambda good: json.dumps({**good, "format": 99}).encode(),
    "format-as-text": lambda good: json.dumps({**good, "format": "2"}).encode(),
    "other-version": lambda good: json.dumps({**good, "version": "0.0.1"}).encode(),
    "other-tool": lambda good: json.dumps({**good, "tool": "ruff"}).encode(),
    "files-a-list": lambda good: json.dumps({**good, "files": []}).encode(),
    "entry-a-number": lambda good: json.dumps(
        {**good, "files": dict.fromkeys(good["files"], 1)}
    ).encode(),
    "entry-missing-keys": lambda good: json.dumps(
        {**good, "files": {k: {"display": 1} for k in good["files"]}}
    ).encode(),
    "findings-wrong-shape": lambda good: json.dumps(
        {
            **good,
            "files": {k: {**v, "findings": [{"line": "x"}]} for k, v in good["files"].items()},
        }
    ).encode(),
    "summary-wrong-shape": lambda good: json.dumps(
        {**good, "files": {k: {**v, "summary": {"x": 1}} for k, v in good["files"].items()}}
    ).encode(),
    "deeply-nested": lambda good: b"[" * 100_000 + b"]" * 100_000,
    "truncated": lambda good: json.dumps(good).encode()[:-10],
}


@pytest.mark.parametrize("name", sorted(CHECK_JSON))
def test_damaged_check_cache(cmr: Callable[..., Ran], dataset: Path, name: str) -> None:
    """A damaged or foreign check.json is discarded: the findings are a fresh run's, twice."""
    expected = _reference(cmr)
    good = _valid_cache(cmr, dataset)
    (dataset / CACHE / "check.json").write_bytes(CHECK_JSON[name](good))
    for _ in range(2):
        ran = cmr("check")
        assert ran.code in (0, 1) and _findings(ran) == expected, ran.text
    rebuilt = json.loads((dataset / CACHE / "check.json").read_text(encoding="utf-8"))
    assert rebuilt["format"] == _cache.FORMAT and rebuilt["version"] == __version__


def _fifo(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


def _link_dev_zero(path: Path) -> None:
    path.unlink()
    path.symlink_to("/dev/zero")


def _sparse(path: Path) -> None:
    with path.open("wb") as fh:
        fh.truncate(_cache.LIMIT + 1)


def _folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


CHECK_FILES: dict[str, Callable[[Path], None]] = {
    "fifo": _fifo,
    "link-to-dev-zero": _link_dev_zero,
    "sparse-over-limit": _sparse,
    "folder": _folder,
}


@pytest.mark.parametrize("name", sorted(CHECK_FILES))
def test_check_cache_that_is_not_a_file(cmr: Callable[..., Ran], dataset: Path, name: str) -> None:
    """A cache file that is a FIFO, a device link, huge or a folder is never read."""
    expected = _reference(cmr)
    _valid_cache(cmr, dataset)
    CHECK_FILES[name](dataset / CACHE / "check.json")
    ran = cmr("check", timeout=30)
    assert ran.code in (0, 1) and _findings(ran) == expected, ran.text


@pytest.mark.parametrize("name", ["garbage", "other-version", "list", "fifo"])
def test_damaged_bibliography_cache(cmr: Callable[..., Ran], dataset: Path, name: str) -> None:
    """A damaged bibliography.json is rebuilt; the findings are a fresh run's."""
    expected = _reference(cmr)
    _valid_cache(cmr, dataset)
    store = dataset / CACHE / "bibliography.json"
    if name == "fifo":
        _fifo(store)
    else:
        good = json.loads(store.read_text(encoding="utf-8"))
        store.write_bytes(CHECK_JSON[name](good))
    ran = cmr("check", timeout=30)
    assert ran.code in (0, 1) and _findings(ran) == expected, ran.text


def _outside_folder(dataset: Path) -> Path:
    outside = dataset.parent / "elsewhere"
    outside.mkdir()
    (dataset / CACHE).symlink_to(outside)
    return outside


@pytest.mark.parametrize("where", ["outside", "inside"])
def test_linked_cache_folder_is_not_written(
    cmr: Callable[..., Ran], dataset: Path, where: str
) -> None:
    """A `.cmr_cache` link (outside or inside the repository) is not written through."""
    expected = _reference(cmr)
    if where == "outside":
        target = _outside_folder(dataset)
    else:
        target = dataset / "observations" / "cachedir"
        target.mkdir()
        (dataset / CACHE).symlink_to(target)
    before = snapshot(dataset)
    for _ in range(2):
        ran = cmr("check")
        assert ran.code in (0, 1) and _findings(ran) == expected, ran.text
    assert list(target.iterdir()) == []
    assert snapshot(dataset) == before


def test_cache_path_that_is_a_file(cmr: Callable[..., Ran], dataset: Path) -> None:
    """A regular file called `.cmr_cache` is left alone; the check runs uncached."""
    expected = _reference(cmr)
    (dataset / CACHE).write_text("mine\n", encoding="utf-8")
    ran = cmr("check")
    assert ran.code in (0, 1) and _findings(ran) == expected
    assert (dataset / CACHE).read_text(encoding="utf-8") == "mine\n"


def test_edit_keeping_size_and_mtime_is_seen(cmr: Callable[..., Ran], dataset: Path) -> None:
    """An edit that keeps the file's size and restores its modification time is re-checked."""
    path = dataset / "observations" / "AZE" / "1993.yaml"
    assert cmr("check").code in (0, 1)
    before = os.stat(path)
    text = path.read_text(encoding="utf-8")
    assert "cown: 373" in text
    path.write_text(text.replace("cown: 373", "cown: 999", 1), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(path).st_size == before.st_size
    ran = cmr("check")
    assert ran.code == 1 and "country-code-mismatch" in ran.codes(), ran.text


def test_cache_survives_many_runs_identically(cmr: Callable[..., Ran], dataset: Path) -> None:
    """Cached runs report exactly what uncached runs report."""
    expected = _reference(cmr)
    for _ in range(3):
        assert _findings(cmr("check")) == expected


# The library: the warnings CheckCache offers its caller.


def _store(root: Path, text: str | None) -> _cache.CheckCache:
    if text is not None:
        (root / CACHE).mkdir(exist_ok=True)
        (root / CACHE / "check.json").write_text(text, encoding="utf-8")
    return _cache.CheckCache(root, "salt")


def _good(**change: object) -> str:
    data = {"tool": "cmr", "format": _cache.FORMAT, "version": __version__, "salt": "salt"}
    return json.dumps({**data, "files": {}, **change})


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (None, None),
        (_good(), None),
        (_good(salt="other"), None),
        ("{not json", "cache-discarded"),
        ("[]", "cache-discarded"),
        (_good(version="0.0.1"), "cache-discarded"),
        (_good(format=1), "cache-discarded"),
        (_good(tool="x"), "cache-discarded"),
        (json.dumps({"salt": "salt", "files": {}}), "cache-discarded"),
    ],
    ids=["absent", "good", "other-salt", "garbage", "list", "version", "format", "tool", "old"],
)
def test_cache_warnings(tmp_path: Path, text: str | None, code: str | None) -> None:
    """A foreign, older or damaged cache is one `cache-discarded` warning; a new salt is none."""
    store = _store(tmp_path, text)
    assert [f.code for f in store.findings] == ([code] if code else [])
    assert all(f.severity == "warning" for f in store.findings)
    if code:
        assert store.findings[0].file.endswith("check.json")


def test_damaged_entry_warns_once(tmp_path: Path) -> None:
    """Damaged entries discard the cache with a single warning, and `get` misses."""
    store = _store(tmp_path, _good(files={"a": 1, "b": {"display": 1}}))
    assert store.get("a", "a") is None and store.get("b", "b") is None
    assert [f.code for f in store.findings] == ["cache-discarded"]


@pytest.mark.parametrize("kind", ["link", "file"])
def test_unusable_folder_warns_and_writes_nothing(tmp_path: Path, kind: str) -> None:
    """A linked or non-folder `.cmr_cache` is one `cache-unusable` warning; save writes nothing."""
    outside = tmp_path / "outside"
    outside.mkdir()
    root = tmp_path / "repo"
    root.mkdir()
    if kind == "link":
        (root / CACHE).symlink_to(outside)
    else:
        (root / CACHE).write_text("x", encoding="utf-8")
    store = _cache.CheckCache(root, "salt")
    assert [f.code for f in store.findings] == ["cache-unusable"]
    store.put(str(root), "r", ([], None))
    store.save({str(root)})
    assert list(outside.iterdir()) == []
