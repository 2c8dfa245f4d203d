"""The dataset's version: from the settings, else from the dataset repository's release tag.

One version story: a release is a git tag `v<VERSION>` (`v1.2.0`, `v2026.1`) on the dataset
repository, the same tag setuptools-scm reads for the package's version. `dataset_version`
answers, in order:

1. the `dataset_version` setting (`[tool.cmr]` or `cmr.toml`), when set;
2. `1.2.0`, when HEAD carries exactly the release tag `v1.2.0` and nothing is changed;
3. a describe-style development version, PEP 440 like setuptools-scm's: `1.2.1.dev3+g1a2b3c4`
   three commits after `v1.2.0` (`0.0.1.dev12+g1a2b3c4` in a repository without release tags),
   with `.dirty` in the local part when files differ from HEAD (setuptools-scm writes the
   date there instead; a dataset version stays the same from day to day);
4. `0.0.0+unversioned` outside git, or when git is missing or fails: never a traceback.

>>> dataset_version(cmr.project.Project.find())        # doctest: +SKIP
'1.2.1.dev3+g1a2b3c4'
"""

from __future__ import annotations

import math
import re
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

__all__ = [
    "TAG_PREFIX",
    "UNVERSIONED",
    "commit_date",
    "commit_time",
    "dataset_version",
    "git_version",
    "head_release",
    "release_version",
    "version_key",
]

TAG_PREFIX = "v"
UNVERSIONED = "0.0.0+unversioned"

# PEP 440 public versions (N[.N]...[{a|b|rc}N][.postN][.devN]) and semantic versions
# (N.N.N[-pre]), each optionally with a local or build part of letters, digits and dots.
_PEP440 = (
    r"\d+(?:\.\d+)*(?:(?:a|b|rc)\d+)?(?:\.post\d+)?(?:\.dev\d+)?(?:\+[a-z0-9]+(?:\.[a-z0-9]+)*)?"
)
_SEMVER = (
    r"\d+\.\d+\.\d+(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?"
)
_VERSION = re.compile(rf"(?:{_PEP440}|{_SEMVER})")
_DESCRIBED = re.compile(r"(?P<tag>.+)-(?P<distance>\d+)-g(?P<node>[0-9a-f]+)")


class Dataset(Protocol):
    """What `dataset_version` reads of a `cmr.project.Project`: its folder and settings."""

    @property
    def root(self) -> Path: ...

    @property
    def config(self) -> Mapping[str, Any]: ...


def release_version(text: str) -> str | None:
    """`text` as a release version (a leading `v` dropped), or None when it is not a PEP 440
    or semantic version.

    >>> release_version("v1.2.0"), release_version("1.2"), release_version("latest")
    ('1.2.0', '1.2', None)
    """
    bare = text[1:] if text[:1] in ("v", "V") else text
    return bare if bare.isascii() and _VERSION.fullmatch(bare) else None


def dataset_version(project: Dataset) -> str:
    """The version of the dataset in `project` (see the module doc for the order)."""
    configured = project.config.get("dataset_version")
    if isinstance(configured, str) and configured.strip():
        return configured
    return git_version(project.root) or UNVERSIONED


def git_version(root: Path) -> str | None:
    """The version git gives the repository holding `root`, or None without one."""
    head = _git(root, "rev-parse", "--short", "HEAD")
    if head is None:
        return None
    dirty = _git(root, "status", "--porcelain") not in ("", None)
    exact = head_release(root)
    if exact is not None:
        return f"{exact}+dirty" if dirty else exact
    local = f"+g{head}" + (".dirty" if dirty else "")
    described = _git(root, "describe", "--tags", "--long", "--match", f"{TAG_PREFIX}[0-9]*")
    found = _DESCRIBED.fullmatch(described or "")
    base = release_version(found["tag"]) if found else None
    if found is None or base is None or "+" in base:
        count = _git(root, "rev-list", "--count", "HEAD") or "0"
        return f"0.0.1.dev{count}{local}"
    return f"{_next(base)}.dev{found['distance']}{local}"


def head_release(root: Path) -> str | None:
    """The version of the release tag on HEAD (the highest, if several), or None."""
    return _tagged(_git(root, "tag", "--points-at", "HEAD", "--list", f"{TAG_PREFIX}*"))


def _tagged(lines: str | None) -> str | None:
    """The highest release version among tag names, one a line."""
    versions = [v for t in (lines or "").split() if (v := release_version(t)) is not None]
    return max(versions, key=version_key) if versions else None


_PHASES = {"a": -3, "alpha": -3, "b": -2, "beta": -2, "c": -1, "rc": -1, "pre": -1, "preview": -1}
_PRE = re.compile(r"[-_.]?(alpha|a|beta|b|preview|pre|rc|c)[-_.]?(\d*)", re.IGNORECASE)
_POST = re.compile(r"[-_.]?(post|rev|r)[-_.]?(\d*)", re.IGNORECASE)
_DEV = re.compile(r"[-_.]?(dev)[-_.]?(\d*)", re.IGNORECASE)
Key = tuple[tuple[int, ...], int, int, int, float, str, str]


def version_key(version: str) -> Key:
    """A key that orders versions as PEP 440 does and is equal for two spellings of one
    version: `1.2` and `1.2.0`, `1.3.0rc1` and the semantic `1.3.0-rc.1`, `1.3.0-alpha` and
    `1.3.0a0`. A development release comes first, then the pre-releases (other semantic
    pre-release parts as candidates), the final release and its post-releases.

    >>> version_key("1.3.0-rc.1") == version_key("1.3rc1")
    True
    """
    public, _, local = version.partition("+")
    numbers = re.match(r"\d+(?:\.\d+)*", public)
    head = tuple(int(n) for n in numbers[0].split(".")) if numbers else ()
    while head[-1:] == (0,):
        head = head[:-1]
    rest = public[numbers.end() :] if numbers else public
    parts = []
    for pattern in (_PRE, _POST, _DEV):
        found = pattern.match(rest)
        parts.append(found)
        rest = rest[found.end() :] if found else rest
    pre, post, dev = parts
    phase = _PHASES[pre[1].lower()] if pre else -1 if rest else -4 if dev and not post else 0
    return (
        head,
        phase,
        int(pre[2] or 0) if pre else 0,
        int(post[2] or 0) if post else -1,
        int(dev[2] or 0) if dev else math.inf,
        rest.lower(),
        local.lower(),
    )


def _next(version: str) -> str:
    """The version a development build after `version` leads to: its last number plus one
    (`1.2.0` -> `1.2.1`); a pre-release leads to itself (`1.3.0rc1` -> `1.3.0rc1`)."""
    if not re.fullmatch(r"\d+(?:\.\d+)*", version):
        return version.split("+")[0].replace("-", "")
    *head, last = version.split(".")
    return ".".join([*head, str(int(last) + 1)])


def _git(root: Path, *args: str) -> str | None:
    """The stripped output of `git -C root ARGS`, or None when git is missing or fails."""
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def commit_date(root: Path) -> str | None:
    """The day (UTC, `YYYY-MM-DD`) of the commit at HEAD, or None outside git."""
    import datetime as dt

    seconds = commit_time(root)
    if seconds is None:
        return None
    return dt.datetime.fromtimestamp(seconds, dt.UTC).date().isoformat()


def commit_time(root: Path) -> int | None:
    """The commit time of HEAD in seconds since 1970, or None outside git."""
    seconds = _git(root, "log", "-1", "--format=%ct")
    return int(seconds) if seconds and seconds.isdigit() else None
