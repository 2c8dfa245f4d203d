"""Where a dataset's codebook, observations and bibliography live, and its settings.

A dataset repository is found by walking up from the working directory to the first folder
holding a `cmr.toml`, a `pyproject.toml` with a `[tool.cmr]` table, or a `codebook/` folder.
When none is found, `Project.find` still returns the starting folder (library callers work on
plain folders) with `found` False; `dataset` refuses it with `NotADataset`, one line for the
commands that need a dataset.
Settings (all optional, paths relative to that folder):

    [tool.cmr]                      # or the top level of cmr.toml
    codebook = "codebook"
    observations = "observations"
    bibliography = "observations/references.bib"
"""

from __future__ import annotations

import difflib
import os
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class ProjectError(Exception):
    """A settings file that cannot be read: a usage error, reported without a traceback."""


class NotADataset(ProjectError):
    """No dataset around the folder a command was run in: a usage error (exit 2)."""


@dataclass(frozen=True)
class Project:
    root: Path
    config: dict[str, Any] = field(default_factory=dict)
    found: bool = field(default=True, compare=False)
    """False when no folder from the start upwards marks a dataset (see the module doc)."""

    @classmethod
    def find(cls, start: str | Path | None = None) -> Project:
        """The project that contains `start` (default: the working directory)."""
        here = Path(start or Path.cwd()).resolve()
        for folder in (here, *here.parents):
            config = _read_config(folder)
            if config is not None or (folder / "codebook").is_dir():
                return cls(folder, config or {})
        return cls(here, {}, found=False)

    @classmethod
    def dataset(cls, start: str | Path | None = None) -> Project:
        """`find(start)`, or `NotADataset` when no dataset holds `start`.

        >>> Project.dataset("/")  # doctest: +SKIP
        NotADataset: not inside a cmr dataset (no codebook/ folder found from /); ...
        """
        project = cls.find(start)
        if not project.found:
            raise NotADataset(
                f"not inside a cmr dataset (no codebook/ folder found from {project.root}); "
                "run it in a dataset or pass -C DIR"
            )
        return project

    def _path(self, key: str, default: str) -> Path:
        return self.root / str(self.config.get(key, default))

    @property
    def codebook_dir(self) -> Path:
        return self._path("codebook", "codebook")

    @property
    def observations_dir(self) -> Path:
        return self._path("observations", "observations")

    @property
    def bibliography(self) -> Path:
        return self._path("bibliography", "observations/references.bib")

    def input_holding(self, path: str | Path) -> str | None:
        """`"observation"` or `"codebook"` when `path` is that folder or inside it (links
        followed), else None: commands never write among the files they are made from."""
        where = os.path.realpath(path)
        for name, folder in (
            ("observation", self.observations_dir),
            ("codebook", self.codebook_dir),
        ):
            inside = os.path.realpath(folder)
            if where == inside or where.startswith(os.path.join(inside, "")):
                return name
        return None

    def display(self, path: Path) -> str:
        """A path as findings show it: relative to the working directory when possible."""
        return shown_relative_to_cwd()(path)


def shown_relative_to_cwd() -> Callable[[str | Path], str]:
    """A function showing paths relative to the working directory (resolved once).

    Absolute paths under the working directory lose that prefix; other paths are shown as
    given. It works on strings, because `cmr check` calls it once per file.
    """
    cwd = os.path.join(os.path.realpath(os.getcwd()), "")

    def show(path: str | Path) -> str:
        text = os.fspath(path)
        if os.path.isabs(text):
            if not text.startswith(cwd):
                try:
                    text = os.path.realpath(text)
                except OSError:  # a link the process may not follow (/proc/1/cwd)
                    return text
            if text.startswith(cwd):
                return text[len(cwd) :]
        return text

    return show


def _read_config(folder: Path) -> dict[str, Any] | None:
    for name, table in (("cmr.toml", None), ("pyproject.toml", "cmr")):
        path = folder / name
        if not path.is_file():
            continue
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            raise ProjectError(f"{path}: not UTF-8 text; save it as UTF-8") from None
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ProjectError(f"{path}: {exc}") from None
        if table is None:
            return _validated(data, path, folder)
        tool = data.get("tool", {})
        section = tool.get(table) if isinstance(tool, dict) else None
        if isinstance(section, dict):
            return _validated(section, path, folder)
        if section is not None or not isinstance(tool, dict):
            raise ProjectError(f"{path}: [tool.{table}] must be a table of settings")
    return None


PATH_KEYS = {"codebook": "a folder", "observations": "a folder", "bibliography": "a file"}
TEXT_KEYS = ("dataset_version", "license")
OTHER_KEYS = (
    "severity",
    "select",
    "ignore",
    "min_evidence_chars",
    "universe",
    "crosscheck",
    "site",
    "release",
)


def _validated(config: dict[str, Any], source: Path, folder: Path) -> dict[str, Any]:
    """`config` when every key is known and every path stays inside the repository."""
    known = [*PATH_KEYS, *TEXT_KEYS, *OTHER_KEYS]
    for key, value in config.items():
        if key not in known:
            close = difflib.get_close_matches(str(key), known, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ProjectError(f"{source}: unknown setting {key!r}{hint}")
        if key in TEXT_KEYS and (
            not isinstance(value, str) or not value.strip() or not value.isprintable()
        ):
            raise ProjectError(f"{source}: {key} must be text on one line")
        if key in PATH_KEYS:
            _inside(key, value, source, folder)
    return config


def _inside(key: str, value: Any, source: Path, folder: Path) -> None:
    """A path setting must be relative text naming a place inside the repository."""
    what = PATH_KEYS[key]
    if not isinstance(value, str) or not value.strip() or "\0" in value:
        raise ProjectError(f"{source}: {key} must be the path of {what} in the repository")
    root = folder.resolve()
    target = (folder / value).resolve()
    if os.path.isabs(value) or (target != root and root not in target.parents):
        raise ProjectError(
            f"{source}: {key} = {value!r} leads outside the repository; cmr reads only "
            "files inside it"
        )
    folder_wanted = what == "a folder"
    if target.exists() and target.is_dir() != folder_wanted:
        raise ProjectError(f"{source}: {key} = {value!r} must be {what}")
