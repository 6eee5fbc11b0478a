"""Reading the built site as a browser would: pages parsed, links followed from a page's own address."""

from __future__ import annotations

import posixpath
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urldefrag

import lxml.html


@cache
def parse(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(path.read_bytes())


def page_file(site: Path, url_path: str) -> Path | None:
    """The file a static server would send for a path relative to the site root."""
    target = site / url_path
    if url_path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


def follow(site: Path, page: Path, href: str) -> tuple[Path | None, str]:
    """(file reached, fragment) for an internal href written on ``page``."""
    base = posixpath.dirname(page.relative_to(site).as_posix())
    url, fragment = urldefrag(href)
    if not url:
        return page, unquote(fragment)
    joined = posixpath.normpath(posixpath.join(base, unquote(url)))
    if url.endswith("/"):
        joined += "/"
    if joined.startswith("../") or joined == "..":
        return None, fragment  # climbs out of the site: broken wherever the site is hosted
    return page_file(site, "" if joined == "." else joined), unquote(fragment)
