"""Parse phase: raw transcript text + metadata → Transcript (turns, paragraphs, questions)."""

from .turns import parse_transcript

__all__ = ["parse_transcript"]
