"""The universe a project declares, with the command line's options over it.

Membership files named in the settings are relative to the repository and must lie inside
it (cmr reads only files inside a dataset); files given with `--states` are relative to the
working folder, as any command-line path.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from cmr._files import describe
from cmr.coverage._universe import Universe
from cmr.coverage._universe_keys import membership_files
from cmr.project import Project
from cmr.settings import SettingsError


def declared(project: Project, **options: Any) -> Universe:
    """The project's universe (`[universe]`) with command-line `options` over it (None or
    empty: not given). Settings' membership files are relative to the repository and must
    lie inside it; command-line ones are relative to the working folder."""
    table = project.config.get("universe", {})
    where = settings_name(project)
    if not isinstance(table, dict):
        raise SettingsError(f"{where} must be a table of settings")
    given = {k: v for k, v in options.items() if v not in (None, ())}
    if not table and not given:
        raise SettingsError(
            "no universe declared: add [universe] (system, states, first, last) to cmr.toml "
            "or [tool.cmr.universe] to pyproject.toml, or pass --system, --states, --from, --to"
        )
    merged = dict(table)
    if "states" in table:
        merged["states"] = _inside(project, table["states"], where)
    if "states" in given:
        states = given["states"]  # one path (the library's callers) or several (--states)
        listed = [states] if isinstance(states, str | os.PathLike) else list(states)
        paths = [os.fspath(s) if isinstance(s, os.PathLike) else s for s in listed]
        names = membership_files(paths, "--states")
        given["states"] = [_existing(p, "--states") for p in names]
    merged.update({k: list(v) if isinstance(v, tuple) else v for k, v in given.items()})
    if isinstance(merged.get("states"), list):  # a file named twice is read once
        merged["states"] = list(dict.fromkeys(merged["states"]))
    if given:
        where = _with_options(where, given, table)
    return Universe.from_table(merged, where)


def _with_options(where: str, given: dict[str, Any], table: dict[str, Any]) -> str:
    """How messages name a universe made of settings and options (or options alone, which
    must then say everything)."""
    said = ", ".join(f"--{_OPTIONS.get(k, k)}" for k in given)
    if table:
        return f"{where} with {said}"
    missing = [k for k in ("system", "states", "first", "last") if k not in given]
    if missing:
        raise SettingsError(
            "no [universe] in the settings, so the options must say all: pass "
            + ", ".join(f"--{_OPTIONS.get(k, k)}" for k in missing)
        )
    return said


_OPTIONS = {"first": "from", "last": "to", "countries": "country"}


def _existing(name: str, where: str, shown: str | None = None) -> str:
    """`name` made absolute (links kept, so findings name the file as given), when it is a
    regular file; `SettingsError` when it is not (missing, a folder, a FIFO, a link loop)."""
    said = f"{where}: membership file {shown or _shown(name)}"
    try:
        info = os.stat(name)
    except (OSError, ValueError) as exc:
        if isinstance(exc, FileNotFoundError):
            raise SettingsError(f"{said} does not exist") from None
        detail = getattr(exc, "strerror", None) or exc
        raise SettingsError(f"{said} cannot be read ({detail})") from None
    if not stat.S_ISREG(info.st_mode):
        raise SettingsError(f"{said} is {describe(info.st_mode)}, not a regular file")
    return os.path.abspath(name)


def settings_name(project: Project) -> str:
    """Where the universe is declared, as messages name it."""
    file = settings_file(project)
    return {"cmr.toml": "cmr.toml [universe]", None: "[universe]"}.get(
        file, "pyproject.toml [tool.cmr.universe]"
    )


def settings_file(project: Project) -> str | None:
    """The settings file the project's settings come from, as findings name it."""
    if (project.root / "cmr.toml").is_file():
        return "cmr.toml"
    return "pyproject.toml" if project.config else None


def _inside(project: Project, value: Any, where: str) -> list[str]:
    """Settings' paths made absolute, when each names a place inside the repository."""
    root = Path(os.path.realpath(project.root))
    out = []
    for name in membership_files(value, where):
        target = Path(os.path.realpath(root / name))
        if Path(name).is_absolute() or root not in target.parents:
            raise SettingsError(
                f"{where}: states = {_shown(name)} leads outside the repository; cmr reads "
                "only files inside it (or pass --states FILE)"
            )
        out.append(_existing(str(root / name), where, _shown(name)))
    return out


def _shown(name: str) -> str:
    """A file name as messages quote it (a very long one cut)."""
    return repr(name) if len(name) <= 120 else repr(name[:100]) + f"... ({len(name)} characters)"
