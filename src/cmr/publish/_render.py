"""`render_codebook(project, book, fmt)`: the codebook as Markdown, HTML or PDF.

Markdown and HTML come from the templates in `templates/`, filled with `_book.book_context`;
the PDF is the HTML printed by Chromium (`cmr.publish._pdf`), made deterministic.

>>> render_codebook(Project.find(), Codebooks("codebook").latest, "md")[:12]  # doctest: +SKIP
b'# Civil\\xe2\\x80\\x93mi'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from cmr.codebook import Codebook
from cmr.project import Project
from cmr.publish._book import book_context
from cmr.publish._citation import Citable, citable

__all__ = ["RENDERERS", "render_codebook"]


def render_codebook(
    project: Project,
    book: Codebook,
    fmt: str,
    *,
    cited: Citable | None = None,
    when: dt.datetime | None = None,
) -> bytes:
    """The codebook `book` as `fmt` (`md`, `html` or `pdf`), with the dataset's citation
    (`cited`, default `citable(project)`); a PDF is dated `when` (see `_pdf.stable_pdf`).
    Raises `PublishError` or `EnvironmentProblem`."""
    if fmt not in RENDERERS:
        raise ValueError(f"unknown codebook format {fmt!r}; use one of {', '.join(RENDERERS)}")
    context = book_context(project, book, cited or citable(project, book))
    return RENDERERS[fmt]({**context, "when": when})


def _markdown(context: dict[str, Any]) -> bytes:
    text = _environment(html=False).get_template("codebook.md.j2").render(context)
    return (re.sub(r"\n{3,}", "\n\n", text).rstrip() + "\n").encode("utf-8")


def _html(context: dict[str, Any]) -> bytes:
    page: str = _environment(html=True).get_template("codebook.html.j2").render(context)
    return page.encode("utf-8")


def _pdf(context: dict[str, Any]) -> bytes:
    from cmr.publish._pdf import print_pdf

    return print_pdf(_html(context).decode("utf-8"), context["when"])


RENDERERS: dict[str, Callable[[dict[str, Any]], bytes]] = {
    "md": _markdown,
    "html": _html,
    "pdf": _pdf,
}


def _environment(*, html: bool) -> Any:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("cmr.publish", "templates"),
        autoescape=html,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["cell"] = lambda text: str(text).replace("|", "\\|")
    env.filters["inline"] = _inline
    return env


def _inline(text: str) -> Any:
    """HTML of codebook prose: escaped, with `code` spans as <code>."""
    from markupsafe import Markup, escape

    escaped = str(escape(text))
    return Markup(re.sub(r"`([^`]+)`", r"<code>\1</code>", escaped))
