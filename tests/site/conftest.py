"""The headless Chromium the browser tests of the site share (launched once per session), and
per module one recorded page: a module sets `VIEWPORT_WIDTH` for its page's width."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from browser_support import ARGS, CHROMIUM, Recorder


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Chromium, launched on first use and closed at the end of the session."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def recorder() -> Recorder:
    """What the module's page asks for and says (requests, console, dialogs)."""
    return Recorder()


@pytest.fixture(scope="module")
def page(request: pytest.FixtureRequest, browser: Any, recorder: Recorder) -> Iterator[Any]:
    """One recorded page for the module, `VIEWPORT_WIDTH` (default 1100) pixels wide."""
    width = getattr(request.module, "VIEWPORT_WIDTH", 1100)
    context = browser.new_context(viewport={"width": width, "height": 900})
    recorder.attach(context)
    opened = context.new_page()
    yield opened
    context.close()
