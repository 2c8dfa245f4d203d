"""Each rule kind owns the schema of its parameters; the meta-schema is built from them."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from support import REPO

from cmr.rules import REGISTRY

META = REPO / "src" / "cmr" / "data" / "codebook.schema.json"


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "build", REPO / "scripts" / "build_meta_schema.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_meta_schema_is_built_from_the_kinds() -> None:
    """Rebuilding the meta-schema's rule definitions from the kinds changes nothing."""
    committed = META.read_text(encoding="utf-8")
    assert _script().build(json.loads(committed)) == committed, (
        "run `python scripts/build_meta_schema.py`"
    )


def test_every_kind_has_a_parameter_schema() -> None:
    """Each registered kind reads its own schema, which names the kind and its code."""
    for kind, cls in REGISTRY.items():
        schema = cls.params_schema()
        assert schema["properties"]["kind"] == {"const": kind}
        assert "code" in schema["required"]


def test_bad_parameter_is_a_located_codebook_error(project: Path, run_cli) -> None:
    """A rule with a parameter its kind's schema refuses is a codebook finding on its line."""
    book = project / "codebook" / "1.1.0.yaml"
    text = book.read_text(encoding="utf-8")
    bad = text.replace("    check: monotone\n", "    check: sometimes\n", 1)
    assert bad != text
    draft = project / "codebook" / "1.9.0.yaml"
    draft.write_text(
        bad.replace("version: 1.1.0", "version: 1.9.0").replace(
            "status: released", "status: draft"
        ),
        encoding="utf-8",
    )
    line = bad.splitlines().index("    check: sometimes") + 1
    result = run_cli("check", project=project)
    assert f"1.9.0.yaml:{line}:" in result.output and "codebook-invalid" in result.output
