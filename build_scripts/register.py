"""The source register's model: publishers, the works they publish, and how notes cite them.

A note or profile cites a work by its id (model.Citation); the work (Source) is written once in
data/sources.yml, and its publisher (Publisher) once in data/publishers.yml, labelled by one rule:
its type, and who owns or funds it, from a cited source.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit

from .model import Origin

if TYPE_CHECKING:
    from .model import Citation, Edition

PublisherType = Literal[
    "government",
    "state-owned-media",
    "intergovernmental",
    "legislature-or-court",
    "academic",
    "news-organisation",
    "think-tank",
    "ngo-or-advocacy",
    "other",
]

PUBLISHER_TYPES: dict[str, str] = {
    "government": "Government or state body",
    "state-owned-media": "State-owned media",
    "intergovernmental": "Intergovernmental body",
    "legislature-or-court": "Legislature or court",
    "academic": "Academic",
    "news-organisation": "News organisation",
    "think-tank": "Think tank",
    "ngo-or-advocacy": "NGO or advocacy group",
    "other": "Other",
}
"""Each type's label, in the order the Sources page lists them."""

NAMED_BY_ITSELF = ("government", "intergovernmental", "legislature-or-court")
"""Types whose name says who it answers to: their ownership label needs no cited source."""


@dataclass(frozen=True)
class Publisher:
    """Who publishes a work (data/publishers.yml), labelled by the one rule in CONTRIBUTING.md."""

    id: str
    name: str
    type: PublisherType
    ownership: str = ""
    ownership_source: str = ""
    """A source id that states the ownership or funding."""
    ownership_quote: str = ""
    """The words of that source which state it."""
    url: str = ""
    origin: Origin = Origin("data/publishers.yml")


@dataclass(frozen=True)
class Source:
    """One work in the register (data/sources.yml), written once however often it is cited."""

    id: str
    title: str
    publisher: str
    date: str = ""
    """YYYY, YYYY-MM or YYYY-MM-DD; empty for an undated page."""
    url: str = ""
    """The publisher's own page or document."""
    archive_url: str = ""
    read_at: str = ""
    """The copy actually read, when it is not ``url`` (a mirror or repost: never ``url``)."""
    authors: tuple[str, ...] = ()
    language: str = "en"
    note: str = ""
    origin: Origin = Origin("data/sources.yml")


@dataclass(frozen=True)
class RepostHost:
    """A web host that only reposts or mirrors others' work (data/repost-hosts.yml)."""

    host: str
    what: str
    origin: Origin = Origin("data/repost-hosts.yml")


@dataclass(frozen=True)
class Reference:
    """A citation with its work and publisher looked up: what renderers and exports print."""

    citation: Citation
    source: Source
    publisher: Publisher

    @property
    def link(self) -> str:
        """The address to follow: the publisher's own page, else the copy read, else the archive."""
        return self.source.url or self.source.read_at or self.source.archive_url

    @property
    def type_label(self) -> str:
        return PUBLISHER_TYPES[self.publisher.type]


def references(citations: tuple[Citation, ...], edition: Edition) -> list[Reference]:
    """The citations' works and publishers (the check has made sure every id is known)."""
    found = []
    for citation in citations:
        source = edition.sources[citation.source]
        found.append(Reference(citation, source, edition.publishers[source.publisher]))
    return found


def host(url: str) -> str:
    """The host of ``url``, lower case, without a leading 'www.'."""
    return (urlsplit(url).hostname or "").removeprefix("www.")


def same_work_key(url: str) -> str:
    """``url`` as two listings of one work compare: no scheme, 'www.', fragment or trailing slash."""
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    return f"{host(url)}{path}" + (f"?{parts.query}" if parts.query else "")
