"""HTML to PDF through Chromium's print-to-PDF, with the PDF made deterministic.

Chromium is found at `CMR_CHROMIUM` or `/usr/bin/chromium` and driven by Playwright (the
`pdf` extra: `pip install "cmr[pdf]"`); `playwright install` is never needed. Chromium stamps
each PDF with the moment it was printed (`/CreationDate`, `/ModDate`); those stamps are
rewritten, byte for byte the same length so that the cross-reference offsets stay valid, to the
release moment (`SOURCE_DATE_EPOCH`, default 1980-01-01), and the document id derived from
them, so the same HTML gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from pathlib import Path

from cmr.errors import EnvironmentProblem

__all__ = ["ENV", "chromium_path", "print_pdf", "stable_pdf"]

ENV = "CMR_CHROMIUM"
DEFAULT = "/usr/bin/chromium"
ARGS = [
    *("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"),
    *("--disable-background-networking", "--disable-component-update", "--disable-sync"),
]
_FOOTER = (
    '<div style="width:100%;font-size:8px;text-align:center;color:#555">'
    '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
)


def chromium_path() -> Path:
    """The Chromium binary to print with, or `EnvironmentProblem` saying what to install."""
    path = Path(os.environ.get(ENV) or DEFAULT)
    if not (path.is_file() and os.access(path, os.X_OK)):
        raise EnvironmentProblem(
            f"no Chromium at {path}: install it (Debian: apt install chromium) or set {ENV} "
            "to its path; PDF output needs it"
        )
    return path


def print_pdf(html: str, when: dt.datetime | None = None) -> bytes:
    """`html` printed to an A4 PDF with page numbers, dated `when` (see `stable_pdf`)."""
    browser = chromium_path()
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        raise EnvironmentProblem(
            "PDF output needs Playwright: pip install 'cmr[pdf]' (Chromium itself comes from "
            "your system)"
        ) from None
    try:
        with sync_playwright() as p:
            chrome = p.chromium.launch(executable_path=str(browser), args=ARGS)
            page = chrome.new_page()
            page.set_content(html, wait_until="load")
            raw = page.pdf(
                format="A4",
                print_background=True,
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=_FOOTER,
                margin={"top": "18mm", "bottom": "20mm", "left": "18mm", "right": "18mm"},
            )
            chrome.close()
    except Error as exc:
        first = (str(exc).strip().splitlines() or ["failed"])[0]
        raise EnvironmentProblem(f"Chromium at {browser} could not print: {first}") from None
    return stable_pdf(raw, when)


_DATE = re.compile(rb"/(CreationDate|ModDate) ?\(D:(\d{14})([^)]*)\)")
_ID = re.compile(rb"/ID ?\[ ?<([0-9A-Fa-f]+)> ?<([0-9A-Fa-f]+)> ?\]")


def stable_pdf(raw: bytes, when: dt.datetime | None = None) -> bytes:
    """`raw` with its dates set to `when` (default: `SOURCE_DATE_EPOCH`, else 1980-01-01 UTC)
    and its document id, if any, derived from the content."""
    from cmr.export._epoch import moment

    when = when or moment() or dt.datetime(1980, 1, 1, tzinfo=dt.UTC)
    stamp = when.astimezone(dt.UTC).strftime("%Y%m%d%H%M%S").encode()

    def date(m: re.Match[bytes]) -> bytes:
        zone = b"+00'00'" if len(m[3]) == 7 else b"Z".ljust(len(m[3]), b" ")[: len(m[3])]
        return m[0].replace(m[2] + m[3], stamp + zone)

    dated = _DATE.sub(date, raw)
    digest = hashlib.sha256(_ID.sub(b"", dated)).hexdigest().upper().encode()

    def ident(m: re.Match[bytes]) -> bytes:
        return m[0].replace(m[1], digest[: len(m[1])]).replace(m[2], digest[: len(m[2])])

    return _ID.sub(ident, dated)
