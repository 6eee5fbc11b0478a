"""Every internal link and anchor of the built site resolves, and every link is relative.

The site must work from any sub-path (a GitHub Pages project site, a folder on a disk), so a
link is followed the way a browser would from the page's own address, never from a root.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from build_scripts.render import paths
from tests.site_html import follow, page_file, parse

EXTERNAL_SCHEMES = ("http", "https", "mailto")


def ids(path: Path) -> set[str]:
    return {str(i) for i in parse(path).xpath("//@id | //a/@name")}


def html_pages(site: Path) -> list[Path]:
    """Every page a link can lead to. Material's 404 page is left out: a server sends it at any
    depth, so its links are root-based (from site_url) by design."""
    return sorted(p for p in site.rglob("*.html") if p.relative_to(site).as_posix() != "404.html")


def internal_links(page: Path) -> list[tuple[str, str]]:
    """(attribute, value) of every link, script, stylesheet and image that is not external."""
    found = []
    for element, attribute, value, _ in parse(page).iterlinks():
        if element.tag == "form" or urlsplit(value).scheme in EXTERNAL_SCHEMES:
            continue
        found.append((attribute, value))
    return found


def test_the_site_has_its_pages(site: Path) -> None:
    """Guards the walk below against walking nothing."""
    pages = {p.relative_to(site).as_posix() for p in html_pages(site)}
    assert {"index.html", "questions/index.html", "speakers/index.html", "topics/index.html"} <= pages
    assert len(pages) > 20


def test_no_link_is_absolute(site: Path) -> None:
    """Root-relative or site_url links break when the site is served from a sub-path or a disk."""
    offenders = [
        f"{page.relative_to(site)}: {value}"
        for page in html_pages(site)
        for _, value in internal_links(page)
        if value.startswith(("/", "file:")) or "annotated-editions.github.io" in value
    ]
    assert offenders == []


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    broken = []
    checked = 0
    for page in html_pages(site):
        for attribute, value in internal_links(page):
            target, fragment = follow(site, page, value)
            checked += 1
            if target is None:
                broken.append(f"{page.relative_to(site)}: {attribute}={value} (no such file)")
            elif fragment and target.suffix == ".html" and fragment not in ids(target):
                broken.append(f"{page.relative_to(site)}: {attribute}={value} (no id '{fragment}')")
    assert checked > 1000, "the walk found suspiciously few links"
    assert broken == []


@pytest.mark.parametrize(
    "href, expected",
    [
        ("../cgtn/", "speakers/cgtn/index.html"),
        ("#p3", "speakers/xinhua/index.html"),
        ("../../../elsewhere/", None),
        ("../nobody-here/", None),
    ],
)
def test_follow_resolves_like_a_browser(site: Path, href: str, expected: str | None) -> None:
    """The link walker itself: it finds what exists and reports what does not."""
    target, _ = follow(site, site / "speakers" / "xinhua" / "index.html", href)
    assert (target.relative_to(site).as_posix() if target else None) == expected


def test_generated_page_paths_become_directory_urls(site: Path) -> None:
    """paths.py names Markdown files; the site serves each at <name>/ (links rely on it)."""
    for page in (paths.transcript("xinjiang-2020-06-19"), paths.speaker("xinhua"), paths.topic("mosques"), paths.QUESTIONS, paths.SPEAKERS):
        stem = page.removesuffix(".md").removesuffix("index")
        assert page_file(site, stem.rstrip("/") + "/") is not None, page
