"""The public corrections log: every change to a published record after its first publication.

A pure function of the edition (with its history): the Changes page (render/changes.py) and
the Atom feed (export/atom.py) both list these items, newest first.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..indexes import Indexes
from ..model import Edition
from .records import Change

KIND_OF_RECORD = {"annotation": "Note", "speaker": "Profile", "transcript": "Transcript metadata"}


@dataclass(frozen=True)
class ChangeItem:
    change: Change
    kind: str
    """"annotation", "speaker" or "transcript"."""
    record: str
    """The record's id."""
    label: str
    """What the record is, in words: the annotated words, a speaker's name, a transcript's title."""
    page: str
    """The generated page it is on, relative to docs/ (render/paths.py)."""
    anchor: str
    """The fragment on that page ('' for the page itself)."""
    where: str
    """The passage concerned, in words ('' when the record is not attached to one)."""
    fields: tuple[str, ...]
    """The fields of its entry the change touched."""

    @property
    def what(self) -> str:
        return f"{KIND_OF_RECORD[self.kind]} revised ({', '.join(self.fields)})"


def change_items(edition: Edition, ix: Indexes) -> list[ChangeItem]:
    """Each change after a record's first publication, newest first (ties: by record)."""
    items: list[ChangeItem] = []
    for annotation in edition.annotations:
        placement = edition.placements.get(annotation.id)
        if annotation.status != "published" or placement is None:
            continue
        key = (annotation.transcript, placement.paragraph)
        paragraph = ix.paragraphs[key]
        words = paragraph.text[placement.span.start : placement.span.end]
        title = ix.transcripts[annotation.transcript].meta.title
        items += _items(
            edition,
            "annotation",
            annotation.id,
            f"“{words}”",
            f"transcripts/{annotation.transcript}.md",
            f"fn:{annotation.id}",
            f"¶ {placement.paragraph[1:]} of {title}",
        )
    speaking = {p.speaker for t in edition.transcripts for p in t.meta.participants}
    for speaker in edition.speakers.values():
        if speaker.id in speaking:
            items += _items(edition, "speaker", speaker.id, speaker.name, f"speakers/{speaker.id}.md", "", "")
    for transcript in edition.transcripts:
        items += _items(edition, "transcript", transcript.id, transcript.meta.title, f"transcripts/{transcript.id}.md", "", "")
    return sorted(items, key=lambda i: (i.change.time, i.change.commit, i.kind, i.record), reverse=True)


def _items(edition: Edition, kind: str, record: str, label: str, page: str, anchor: str, where: str) -> list[ChangeItem]:
    found = edition.history.of(kind, record)
    if found is None:
        return []
    fields = found.fields or tuple(() for _ in found.changes)
    return [
        ChangeItem(change, kind, record, label, page, anchor, where, touched) for change, touched in list(zip(found.changes, fields))[1:]
    ]
