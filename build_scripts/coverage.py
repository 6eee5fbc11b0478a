"""Where the edition is thin, for contributors: the Coverage page (render/coverage.py) and `make coverage`.

A pure function of the edition: questions and turns with no note, notes per kind and per
topic, sources without an archive copy, drafts waiting for review. The page and the terminal
print the same sections.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .indexes import Indexes
from .model import Annotation, Edition, Transcript, Turn
from .render.note_filter import KIND_NAMES


@dataclass(frozen=True)
class Gap:
    """One line of a section: its text, and the generated page (and fragment) it is about, if any."""

    text: str
    page: str = ""
    anchor: str = ""


@dataclass(frozen=True)
class Section:
    title: str
    summary: str
    items: tuple[Gap, ...]


def coverage(edition: Edition, ix: Indexes, drafts: list[Annotation]) -> list[Section]:
    """Every section, in the order the page and the terminal print them (``drafts``: every draft note)."""
    unasked = [gap for t in edition.transcripts for gap in _questions_without_notes(t, edition, ix)]
    silent = [gap for t in edition.transcripts for gap in _turns_without_notes(t, edition, ix)]
    turns = sum(1 for t in edition.transcripts for turn in t.turns if turn.kind != "narration")
    questions = sum(len(t.questions) for t in edition.transcripts)
    kinds: Counter[str] = Counter(a.kind for a in edition.annotations)
    topics = Counter(t for a in edition.annotations for t in a.topics)
    unarchived = [s for s in edition.sources.values() if not s.archive_url]
    return [
        Section("Questions with no note", f"{len(unasked)} of {questions}", tuple(unasked)),
        Section("Turns with no note", f"{len(silent)} of {turns} spoken turns", tuple(silent)),
        Section(
            "Notes per kind",
            f"{len(edition.annotations)} published notes",
            tuple(Gap(f"{name}: {kinds[kind]}") for kind, name in KIND_NAMES.items()),
        ),
        Section(
            "Notes per topic",
            "fewest first",
            tuple(
                Gap(f"{t.title}: {topics[t.id]}", f"topics/{t.id}.md")
                for t in sorted(edition.topics.values(), key=lambda t: (topics[t.id], t.title))
            ),
        ),
        Section(
            "Sources without an archive copy",
            f"{len(unarchived)} of {len(edition.sources)}",
            tuple(Gap(f"{s.id}: {s.title} ({s.origin.path}:{s.origin.line})") for s in unarchived),
        ),
        Section(
            "Drafts waiting for review", str(len(drafts)), tuple(Gap(f"{a.id} ({a.kind}, {a.origin.path}:{a.origin.line})") for a in drafts)
        ),
    ]


def all_drafts(edition: Edition) -> list[Annotation]:
    """The draft notes, whether left out of the edition (published) or kept in it (`make serve`)."""
    return edition.drafts + [a for a in edition.annotations if a.status == "draft"]


def _noted(transcript: Transcript, turn: Turn, ix: Indexes) -> bool:
    return any(ix.annotations_at.get((transcript.id, p.id)) for p in turn.paragraphs)


def _questions_without_notes(transcript: Transcript, edition: Edition, ix: Indexes) -> list[Gap]:
    turns = {turn.id: turn for turn in transcript.turns}
    gaps = []
    for question in transcript.questions:
        if not any(_noted(transcript, turns[t], ix) for t in question.turns if t in turns):
            asker = edition.speakers[question.asked_by].name if question.asked_by else "unnamed"
            gaps.append(Gap(f"{transcript.meta.title}: Q{question.number} ({asker})", f"transcripts/{transcript.id}.md", question.id))
    return gaps


def _turns_without_notes(transcript: Transcript, edition: Edition, ix: Indexes) -> list[Gap]:
    gaps = []
    for turn in transcript.turns:
        if turn.kind != "narration" and not _noted(transcript, turn, ix):
            who = edition.speakers[turn.speaker].name if turn.speaker in edition.speakers else (turn.label or "unnamed")
            words = " ".join(turn.paragraphs[0].text.split()[:12]) if turn.paragraphs else ""
            gaps.append(Gap(f"{transcript.meta.title}, {turn.id} ({who}): {words} …", f"transcripts/{transcript.id}.md", turn.id))
    return gaps


def coverage_text(sections: list[Section]) -> str:
    """The sections as plain text, for the terminal (`make coverage`)."""
    out = []
    for section in sections:
        out.append(f"{section.title} ({section.summary})")
        out += [f"  - {gap.text}" for gap in section.items]
    return "\n".join(out) + "\n"
