"""changes.xml: the corrections log as an Atom feed (RFC 4287), newest first."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..history.changes import ChangeItem

ATOM = "http://www.w3.org/2005/Atom"
FILE_NAME = "changes.xml"
EPOCH = "1970-01-01T00:00:00Z"
"""The feed's <updated> when nothing has changed yet (Atom requires one; the build must be deterministic)."""


def page_url(site_url: str, page: str, anchor: str = "") -> str:
    """The public URL of a generated page (MkDocs' directory URLs: transcripts/x.md → transcripts/x/)."""
    path = page[: -len("index.md")] if page.endswith("index.md") else page[:-3] + "/"
    return f"{site_url.rstrip('/')}/{path}" + (f"#{anchor}" if anchor else "")


def atom_feed(items: list[ChangeItem], site_url: str, title: str) -> bytes:
    """The feed document; ``items`` newest first (history/changes.py)."""
    base = site_url.rstrip("/")
    feed = ET.Element("feed", xmlns=ATOM)
    _leaf(feed, "title", f"{title}: changes")
    _leaf(feed, "id", f"{base}/changes/")
    _leaf(feed, "updated", items[0].change.time if items else EPOCH)
    _leaf(feed, "link", rel="self", href=f"{base}/{FILE_NAME}", type="application/atom+xml")
    _leaf(feed, "link", rel="alternate", href=f"{base}/changes/", type="text/html")
    _leaf(ET.SubElement(feed, "author"), "name", f"{title} contributors")
    for item in items:
        _entry(feed, item, site_url)
    feed.text = "\n  "  # one child a line; an entry's own children stay on its line
    for child in feed:
        child.tail = feed.text
    feed[-1].tail = "\n"
    body: bytes = ET.tostring(feed, encoding="utf-8")
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + body + b"\n"


def _leaf(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> None:
    ET.SubElement(parent, tag, attrs).text = text


def _entry(feed: ET.Element, item: ChangeItem, site_url: str) -> None:
    change, base = item.change, site_url.rstrip("/")
    where = f" ({item.where})" if item.where else ""
    pull = f" (pull request #{change.pull_request})" if change.pull_request else ""
    entry = ET.SubElement(feed, "entry")
    _leaf(entry, "title", f"{item.what}: {item.label}{where}")
    _leaf(entry, "id", f"{site_url.rstrip('/')}/changes/#{change.commit[:12]}-{item.kind}-{item.record}")
    _leaf(entry, "updated", change.time)
    _leaf(ET.SubElement(entry, "author"), "name", change.author)
    # A removed record has no page of its own: its entry leads to the log itself.
    _leaf(entry, "link", rel="alternate", href=page_url(site_url, item.page, item.anchor) if item.page else f"{base}/changes/")
    _leaf(entry, "summary", f"{change.summary}{pull}")
