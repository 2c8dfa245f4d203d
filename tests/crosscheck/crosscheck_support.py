"""Helpers of the crosscheck tests: a dataset with the repository's Azerbaijan observations,
its settings, and coup lists in the published layouts written from rows given here.

The rows are made up for the tests; they are not the published data.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from support import REPO, make_project

PT_HEADER = "country\tccode\tyear\tmonth\tday\tcoup\tversion"
CLINE_HEADER = (
    "coup_id,cowcode,country,year,month,day,event_type,unrealized,realized,conspiracy,attempt,"
    "military,dissident,rebel,palace,foreign,auto,resign,popular,counter,other,noharm,injured,"
    "killed,harrest,jailed,tried,fled,exile"
)
SETTINGS = """\
[crosscheck.powell-thyne]
successful = "coup_successful"
failed = "coup_attempt_failed"

[crosscheck.cline]
realized = "coup_successful"
attempted = "coup_attempt_failed"
conspiracy = "coup_plot"
"""


def aze_project(tmp_path: Path, settings: str = SETTINGS) -> Path:
    """A dataset with every codebook version, AZE 1992 and 1993 from the repository, and
    `settings` as its cmr.toml."""
    project = make_project(tmp_path / "data", up_to=None)
    shutil.copytree(REPO / "observations" / "AZE", project / "observations" / "AZE")
    (project / "cmr.toml").write_text(settings, encoding="utf-8")
    return project


def pt_file(folder: Path, *rows: str, header: bool = True, name: str = "pt.txt") -> Path:
    """A Powell & Thyne list: tab-separated rows `country ccode year month day coup`."""
    lines = ([PT_HEADER] if header else []) + [f"{r}\tv2026" for r in rows]
    path = folder / name
    path.write_text("\n".join(lines).replace(" ", "\t") + "\n", encoding="utf-8")
    return path


def cline_row(code: int, year: int, month: int, day: int, event_type: str) -> str:
    """A row of the Cline Center CSV with its 0/1 outcome columns set from `event_type`."""
    realized = int(event_type == "coup")
    attempt = int(event_type == "attempted")
    conspiracy = int(event_type == "conspiracy")
    ident = f"{code}{month:02d}{day:02d}{year}"
    flags = f"{1 - realized},{realized},{conspiracy},{attempt}"
    return f'"{ident}",{code},"Azerbaijan",{year},{month},{day},"{event_type}",{flags}' + ",0" * 18


def cline_file(folder: Path, *rows: str, name: str = "cline.csv") -> Path:
    path = folder / name
    path.write_text("\n".join([CLINE_HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def report(result: Any) -> dict[str, Any]:
    """The JSON report a `--format json` run printed."""
    return dict(json.loads(result.output))


def kinds(data: dict[str, Any], file: str = "") -> list[tuple[str, str, str]]:
    """(kind, pointer, first source date) of each item, for the files ending in `file`."""
    return [
        (i["kind"], i["pointer"], i["external"][0]["date"] if i["external"] else "")
        for i in data["items"]
        if i["file"].endswith(file)
    ]


def add_to_observation(path: Path, text: str, before: str = "events:\n") -> None:
    """Insert top-level YAML `text` into an observation file before the line `before`."""
    content = path.read_text(encoding="utf-8")
    path.write_text(content.replace(before, text + before, 1), encoding="utf-8")
