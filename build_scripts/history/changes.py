"""The public corrections log: every change to a published record after its first publication.

A pure function of the edition (with its history): the Changes page (render/changes.py) and
the Atom feed (export/atom.py) both list these items, newest first. A record whose entry was
removed from data/ is listed once, as removed, by what its last entry said it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from ..indexes import Indexes
from ..model import Edition
from ..render import paths
from .records import Change, Removal

KIND_OF_RECORD = {
    "annotation": "Note",
    "speaker": "Profile",
    "transcript": "Transcript metadata",
    "source": "Source",
    "publisher": "Publisher",
    "topic": "Topic",
}


@dataclass(frozen=True)
class ChangeItem:
    change: Change
    kind: str
    """A key of KIND_OF_RECORD."""
    record: str
    """The record's id."""
    label: str
    """What the record is, in words: the annotated words, a speaker's name, a transcript's title."""
    page: str
    """The generated page it is on, relative to docs/ (render/paths.py); '' when there is none (a removed record's)."""
    anchor: str
    """The fragment on that page ('' for the page itself)."""
    where: str
    """The passage concerned, in words ('' when the record is not attached to one)."""
    fields: tuple[str, ...]
    """The fields of its entry the change touched."""
    removed: bool = False
    """The change removed the record."""

    @property
    def what(self) -> str:
        if self.removed:
            return f"{KIND_OF_RECORD[self.kind]} removed"
        return f"{KIND_OF_RECORD[self.kind]} revised ({', '.join(self.fields)})"


def change_items(edition: Edition, ix: Indexes) -> list[ChangeItem]:
    """Each change after a record's first publication, and each removal, newest first (ties: by record)."""
    items: list[ChangeItem] = []
    for annotation in edition.annotations:
        placement = edition.placements.get(annotation.id)
        if annotation.status != "published" or placement is None:
            continue
        paragraph = ix.paragraphs[(annotation.transcript, placement.paragraph)]
        words = paragraph.text[placement.span.start : placement.span.end]
        where = f"¶ {placement.paragraph[1:]} of {ix.transcripts[annotation.transcript].meta.title}"
        items += _items(
            edition, "annotation", annotation.id, f"“{words}”", paths.transcript(annotation.transcript), f"fn:{annotation.id}", where
        )
    speaking = {p.speaker for t in edition.transcripts for p in t.meta.participants}
    for speaker in edition.speakers.values():
        if speaker.id in speaking:
            items += _items(edition, "speaker", speaker.id, speaker.name, paths.speaker(speaker.id), "", "")
    for transcript in edition.transcripts:
        items += _items(edition, "transcript", transcript.id, transcript.meta.title, paths.transcript(transcript.id), "", "")
    for source in edition.sources.values():
        items += _items(edition, "source", source.id, f"“{source.title}”", paths.SOURCES, f"src-{source.id}", "")
    for publisher in edition.publishers.values():
        items += _items(edition, "publisher", publisher.id, publisher.name, paths.SOURCES, f"publisher-{publisher.id}", "")
    for topic in edition.topics.values():
        items += _items(edition, "topic", topic.id, topic.title, paths.topic(topic.id), "", "")
    for (kind, record), removal in edition.history.removed.items():
        item = removed_item(edition, kind, record, removal)
        if item is not None:
            items.append(item)
    return sorted(items, key=lambda i: (i.change.time, i.change.commit, i.kind, i.record), reverse=True)


def _items(edition: Edition, kind: str, record: str, label: str, page: str, anchor: str, where: str) -> list[ChangeItem]:
    found = edition.history.of(kind, record)
    if found is None:
        return []
    fields = found.fields or tuple(() for _ in found.changes)
    return [
        ChangeItem(change, kind, record, label, page, anchor, where, touched) for change, touched in list(zip(found.changes, fields))[1:]
    ]


def removed_item(edition: Edition, kind: str, record: str, removal: Removal) -> ChangeItem | None:
    """The removal of a record, described by its last entry; None for a note that was still a draft
    (never published) or a kind the log does not follow."""
    if kind not in KIND_OF_RECORD:
        return None
    entry = last_entry(removal.text)
    if kind == "annotation" and entry.get("status") == "draft":
        return None
    anchor = entry.get("anchor")
    quote = anchor.get("quote") if isinstance(anchor, dict) else None
    named = entry.get("name") or entry.get("title")
    label = f"“{quote}”" if isinstance(quote, str) else str(named) if isinstance(named, str) else record
    transcript = entry.get("transcript") if kind == "annotation" else None
    where = ""
    if isinstance(transcript, str) and transcript in {t.id for t in edition.transcripts}:
        where = "in " + next(t.meta.title for t in edition.transcripts if t.id == transcript)
    return ChangeItem(removal.change, kind, record, label, "", "", where, (), removed=True)


def last_entry(text: str) -> dict[str, Any]:
    """The fields of a removed entry's last text (a list item, or a whole edition.yml); {} if it no longer parses."""
    try:
        value = yaml.safe_load(text)
    except yaml.YAMLError:
        return {}
    value = value[0] if isinstance(value, list) and value else value
    return value if isinstance(value, dict) else {}
