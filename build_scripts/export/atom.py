"""changes.xml: the corrections log as an Atom feed (RFC 4287), newest first."""

from __future__ import annotations

from ..history.changes import ChangeItem
from .xml_text import element, leaf

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
    head = [
        leaf("title", f"{title}: changes"),
        leaf("id", f"{base}/changes/"),
        leaf("updated", items[0].change.time if items else EPOCH),
        leaf("link", rel="self", href=f"{base}/{FILE_NAME}", type="application/atom+xml"),
        leaf("link", rel="alternate", href=f"{base}/changes/", type="text/html"),
        element("author", leaf("name", f"{title} contributors")),
    ]
    entries = [_entry(item, site_url) for item in items]
    body = "\n  ".join(head + entries)
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="{ATOM}">\n  {body}\n</feed>\n').encode()


def _entry(item: ChangeItem, site_url: str) -> str:
    change = item.change
    where = f" ({item.where})" if item.where else ""
    pull = f" (pull request #{change.pull_request})" if change.pull_request else ""
    parts = [
        leaf("title", f"{item.what}: {item.label}{where}"),
        leaf("id", f"{site_url.rstrip('/')}/changes/#{change.commit[:12]}-{item.kind}-{item.record}"),
        leaf("updated", change.time),
        element("author", leaf("name", change.author)),
        leaf("link", rel="alternate", href=page_url(site_url, item.page, item.anchor)),
        leaf("summary", f"{change.summary}{pull}"),
    ]
    return element("entry", "".join(parts))
