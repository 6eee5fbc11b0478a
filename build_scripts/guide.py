"""What the editors write to lead a reader into a transcript (edition.yml): a short subject for each question."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Origin


@dataclass(frozen=True)
class QuestionSubject:
    """``questions: - number: 9, subject: Forced labour``: what question 9 asks about, in a few words."""

    number: int
    subject: str
    origin: Origin = Origin("edition.yml")
