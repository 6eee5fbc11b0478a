"""Render phase: pure functions from the resolved Edition to ``{path under docs/: Markdown}``."""

from __future__ import annotations

from ..model import Edition, Indexes
from . import paths
from .overview import render_annotations, render_home, render_questions, render_transcripts_index
from .speakers import render_speaker, render_speakers_index
from .structured_data import add_structured_data
from .topics import render_topic, render_topics_index
from .transcript import render_transcript


def speaking_ids(edition: Edition) -> set[str]:
    """Speakers that take part in at least one transcript: each has a profile page."""
    return {p.speaker for t in edition.transcripts for p in t.meta.participants}


def render_pages(edition: Edition, ix: Indexes, site_url: str = "/") -> dict[str, str]:
    """Every generated page of the site; ``site_url`` (mkdocs.yml) makes structured data absolute."""
    pages = {
        paths.HOME: render_home(edition, ix),
        paths.TRANSCRIPTS: render_transcripts_index(edition, ix),
        paths.QUESTIONS: render_questions(edition, ix),
        paths.SPEAKERS: render_speakers_index(edition, ix),
        paths.TOPICS: render_topics_index(edition, ix),
        paths.ANNOTATIONS: render_annotations(edition, ix),
    }
    for transcript in edition.transcripts:
        pages[paths.transcript(transcript.id)] = render_transcript(transcript, edition, ix)
    for speaker_id in sorted(speaking_ids(edition)):
        pages[paths.speaker(speaker_id)] = render_speaker(edition.speakers[speaker_id], edition, ix)
    for topic in edition.topics.values():
        pages[paths.topic(topic.id)] = render_topic(topic, edition, ix)
    return add_structured_data(pages, edition, ix, site_url)
