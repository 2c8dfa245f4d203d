"""What the browser tests of the site share: where Chromium is, how it is launched, and a
recorder of every request, failed request, console message and page error.

Imported as `browser_support`; the session-wide `browser` fixture is in tests/site/conftest.py.
"""

from __future__ import annotations

import os
from typing import Any

import pytest

CHROMIUM = os.environ.get("CMR_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

needs_chromium = pytest.mark.skipif(
    not os.access(CHROMIUM, os.X_OK), reason=f"no Chromium at {CHROMIUM} to drive"
)


class Recorder:
    """Every request, failed request, console error or warning, page error and dialog of a
    browser context."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self.dialogs: list[str] = []

    def attach(self, context: Any) -> None:
        context.on("request", lambda r: self.requests.append(r.url))
        context.on("requestfailed", lambda r: self.failed.append(f"{r.url} {r.failure}"))
        context.on("page", self.watch)

    def watch(self, page: Any) -> None:
        page.on("console", self._console)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", self._dialog)

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(message.text)
        elif message.type == "warning":
            self.warnings.append(message.text)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()
