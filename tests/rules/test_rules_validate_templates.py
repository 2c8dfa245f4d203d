"""Codebook rules with broken message templates are refused when the codebook loads."""

from __future__ import annotations

from pathlib import Path

import pytest

from cmr import _yaml
from cmr.codebook import CodebookError, parse_codebook

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("message", ["{id} {variable!x} broken", "{id} unbalanced {"])
def test_bad_template_is_a_codebook_error(message: str):
    """An unknown conversion or an unbalanced brace is a codebook-invalid finding."""
    data = _yaml.loads((REPO / "codebook" / "1.1.0.yaml").read_text(encoding="utf-8"))
    data["rules"][0]["message"] = message
    with pytest.raises(CodebookError) as info:
        parse_codebook(data)
    assert "message" in info.value.findings[0].message
