"""Where each generated page lives, relative to docs/. One place, so links never disagree."""

from __future__ import annotations

HOME = "index.md"
QUESTIONS = "questions.md"
ANNOTATIONS = "annotations.md"
SPEAKERS = "speakers/index.md"
TOPICS = "topics/index.md"
DOWNLOADS = "downloads/index.md"
SOURCES = "sources.md"
ABOUT = "about.md"
TRANSCRIPTS = "transcripts/index.md"
CHANGES = "changes.md"
COVERAGE = "coverage.md"
CHANGES_FEED = "changes.xml"


def transcript(transcript_id: str) -> str:
    return f"transcripts/{transcript_id}.md"


def speaker(speaker_id: str) -> str:
    return f"speakers/{speaker_id}.md"


def topic(topic_id: str) -> str:
    return f"topics/{topic_id}.md"


def download(name: str) -> str:
    return f"downloads/{name}"
