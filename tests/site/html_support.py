"""A built site read as a browser would parse it, without a browser: the tags, attributes,
ids, links and comments of each page (the standard library's HTML parser).

Imported as `html_support`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass
class Parsed:
    """What one page holds."""

    tags: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)

    def hrefs(self) -> list[str]:
        return [a["href"] for tag, a in self.tags if tag in ("a", "link") and "href" in a]


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parsed = Parsed()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        self.parsed.tags.append((tag, found))
        if "id" in found:
            self.parsed.ids.append(found["id"])

    def handle_comment(self, data: str) -> None:
        self.parsed.comments.append(data)


def parse(path: Path) -> Parsed:
    """The tags, ids and comments of the page at `path`."""
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    return reader.parsed


def site_pages(site: Path) -> dict[str, Parsed]:
    """Every page of `site`, parsed, by file name."""
    return {p.name: parse(p) for p in sorted(site.glob("*.html"))}


def broken_links(site: Path, pages: dict[str, Parsed]) -> list[str]:
    """Each link of each page that names no file of the site, or a #fragment no element of
    its page has; web links (http, https) are not followed."""
    broken = []
    for name, parsed in pages.items():
        for href in parsed.hrefs():
            parts = urlsplit(href)
            if parts.scheme in ("http", "https") or href == "data:,":
                continue
            target = unquote(parts.path) or name
            if parts.scheme or not (site / target).is_file():
                broken.append(f"{name}: {href} (no such file)")
            elif parts.fragment and unquote(parts.fragment) not in pages.get(target, Parsed()).ids:
                broken.append(f"{name}: {href} (no such id)")
    return broken


def reachable(pages: dict[str, Parsed], start: str = "index.html") -> set[str]:
    """The pages a reader reaches from `start` by following links."""
    seen, todo = {start}, [start]
    while todo:
        for href in pages[todo.pop()].hrefs():
            target = unquote(urlsplit(href).path)
            if target in pages and target not in seen:
                seen.add(target)
                todo.append(target)
    return seen
