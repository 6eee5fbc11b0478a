"""The indexes renderers read: cross-links computed once from an Edition (resolve.build_indexes)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Annotation, Paragraph, Participant, Transcript, Turn

PassageKey = tuple[str, str]
"""(transcript id, turn or paragraph id): one place in the corpus."""


@dataclass
class Indexes:
    """Cross-links computed once from an Edition (Pelican's "resolve" step), read by renderers."""

    turns: dict[PassageKey, Turn]
    turn_of_paragraph: dict[PassageKey, Turn]
    paragraphs: dict[PassageKey, Paragraph]
    topics_of_passage: dict[PassageKey, list[str]]
    passages_of_topic: dict[str, list[PassageKey]]
    turns_of_speaker: dict[str, list[PassageKey]]
    topics_of_speaker: dict[str, list[str]]
    speakers_of_topic: dict[str, list[str]]
    annotations_at: dict[PassageKey, list[str]]
    annotations_of_speaker: dict[str, list[str]]
    annotations_of_topic: dict[str, list[str]]
    transcripts_of_speaker: dict[str, list[str]]
    annotation: dict[str, Annotation]
    participations: dict[str, list[tuple[str, Participant]]] = field(default_factory=dict)
    """speaker id → (transcript id, how they appear there), in corpus order."""
    transcripts: dict[str, Transcript] = field(default_factory=dict)
    """transcript id → transcript (a lookup per speaker or note scanning the corpus was quadratic)."""
    annotations_of_transcript: dict[str, list[str]] = field(default_factory=dict)
    topics_of_transcript: dict[str, list[str]] = field(default_factory=dict)
    questions_asked: dict[str, int] = field(default_factory=dict)
    questions_answered: dict[str, int] = field(default_factory=dict)
