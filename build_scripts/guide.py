"""What the editors write to lead a reader into a transcript (edition.yml): a short subject for each
question, and a few sourced sentences saying what the event was, when, who spoke and who asked."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Citation, Origin


@dataclass(frozen=True)
class QuestionSubject:
    """``questions: - number: 9, subject: Forced labour``: what question 9 asks about, in a few words."""

    number: int
    subject: str
    origin: Origin = Origin("edition.yml")


@dataclass(frozen=True)
class SummarySentence:
    """One sentence of ``summary:``, with what says so: works of the register (data/sources.yml), each with
    a pinpoint, and passages of the transcript itself (turn or paragraph ids)."""

    text: str
    sources: tuple[Citation, ...] = ()
    passages: tuple[str, ...] = ()
    origin: Origin = Origin("edition.yml")  # its ``passages:``, which the check of passage ids points at; else its text
