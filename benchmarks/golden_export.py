"""Digests of every file `cmr export` writes, to prove a change to the export byte-identical.

    python benchmarks/golden_export.py record benchmarks/golden/synthetic-2000.json --files 2000
    python benchmarks/golden_export.py compare benchmarks/golden/synthetic-2000.json --files 2000

Exports the synthetic dataset of `_synthetic.make_dataset` with a fixed `SOURCE_DATE_EPOCH`
and stores (`record`) or compares (`compare`) the sha256 of each file written.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _synthetic import make_dataset

from cmr.export import export
from cmr.project import Project

EPOCH = "1700000000"


def digests(project: Path, jobs: int | None = None) -> dict[str, str]:
    """sha256 of every file an export of `project` writes, by file name."""
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "dist"
        run = export(out, project=Project.find(project), jobs=jobs)
        assert run.result.success, [f.render() for f in run.result.findings]
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.iterdir())}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=("record", "compare"))
    parser.add_argument("digests", type=Path)
    parser.add_argument("--files", type=int, default=2000)
    args = parser.parse_args()
    found = digests(make_dataset(n_files=args.files))
    if args.action == "record":
        args.digests.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n")
        print(f"recorded {len(found)} digests in {args.digests}")
        return 0
    expected = json.loads(args.digests.read_text())
    differ = sorted(k for k in expected.keys() | found.keys() if expected.get(k) != found.get(k))
    print("identical" if not differ else f"DIFFERENT: {', '.join(differ)}")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
