"""The `[tool.cmr.site]` settings (or `[site]` in cmr.toml), checked before any work.

    [tool.cmr.site]
    title = "Civil–military relations"   # the site's name (default: the codebook's title)
    lang = "en"                          # the language of the pages, a BCP 47 tag

Anything else is a usage error (`cmr.settings.SettingsError`, exit 2) naming the key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from cmr.settings import SettingsError

_LANG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")
KEYS = ("title", "lang")


@dataclass(frozen=True)
class SiteSettings:
    """What the dataset says about its site; None: the default."""

    title: str | None = None
    lang: str = "en"


def site_settings(config: dict[str, Any]) -> SiteSettings:
    """The `site` table of a project's settings, validated."""
    table = config.get("site", {})
    if not isinstance(table, dict):
        raise SettingsError("site: must be a table of settings (title, lang)")
    for key, value in table.items():
        if key not in KEYS:
            raise SettingsError(f"site.{key}: unknown setting; the site takes {', '.join(KEYS)}")
        if not isinstance(value, str) or not value.strip() or not value.isprintable():
            raise SettingsError(f"site.{key}: must be a non-empty line of text")
    lang = table.get("lang", "en")
    if not _LANG.fullmatch(lang):
        raise SettingsError(f"site.lang: {lang!r} is not a language tag such as en or pt-BR")
    return SiteSettings(table.get("title"), lang)
