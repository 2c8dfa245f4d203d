"""The headless Chromium the browser tests of the site share: launched once per session."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from browser_support import ARGS, CHROMIUM


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Chromium, launched on first use and closed at the end of the session."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()
