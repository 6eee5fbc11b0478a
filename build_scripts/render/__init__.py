"""Render phase: pure functions from the resolved Edition to ``{path under docs/: Markdown}``."""

from __future__ import annotations

from ..indexes import Indexes
from ..model import Edition, Transcript
from . import paths
from .home import render_home
from .listings import Listings
from .overview import render_annotations, render_questions, render_transcripts_index
from .sources import render_about, render_sources
from .speakers import render_speaker, render_speakers_index
from .structured_data import add_structured_data
from .topics import render_topic, render_topics_index
from .transcript import render_transcript


def speaking_ids(edition: Edition) -> set[str]:
    """Speakers that take part in at least one transcript: each has a profile page."""
    return {p.speaker for t in edition.transcripts for p in t.meta.participants}


def render_transcript_page(transcript: Transcript, edition: Edition, ix: Indexes, site_url: str = "/") -> dict[str, str]:
    """``{path: page}`` of one transcript, with its structured data.

    It reads only this transcript, its annotations and topic assignments, and the speakers
    and topics files: generate.py memoises it on those.
    """
    path = paths.transcript(transcript.id)
    return add_structured_data({path: render_transcript(transcript, edition, ix)}, edition, ix, site_url)


def render_edition_pages(edition: Edition, ix: Indexes, listings: Listings) -> dict[str, str]:
    """The pages drawn from the whole edition: home, indexes, speakers, topics, annotations.

    Their lines about passages and annotations come ready-made in ``listings`` (listings.py).
    """
    pages = {
        paths.HOME: render_home(edition, ix),
        paths.TRANSCRIPTS: render_transcripts_index(edition, ix),
        paths.QUESTIONS: render_questions(edition, listings),
        paths.SPEAKERS: render_speakers_index(edition, ix, listings),
        paths.TOPICS: render_topics_index(edition, ix),
        paths.ANNOTATIONS: render_annotations(edition, ix, listings),
        paths.SOURCES: render_sources(edition, ix),
    }
    if edition.about:
        pages[paths.ABOUT] = render_about(edition)
    for speaker_id in sorted(speaking_ids(edition)):
        pages[paths.speaker(speaker_id)] = render_speaker(edition.speakers[speaker_id], edition, ix, listings)
    for topic in edition.topics.values():
        pages[paths.topic(topic.id)] = render_topic(topic, edition, ix, listings)
    return pages
