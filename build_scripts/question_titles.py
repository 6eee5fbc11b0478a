"""How a question is named wherever it is listed: by the subject the editors gave it, else by who asked."""

from __future__ import annotations

from .model import Edition, Question, Transcript


def asker_label(question: Question, edition: Edition) -> str:
    """'Jane Roe (Harbour Gazette)' when the moderator named both, the asker's name, or 'Question'."""
    asker = edition.speakers[question.asked_by].name if question.asked_by else "Question"
    return f"{asker} ({edition.speakers[question.outlet].name})" if question.outlet else asker


def question_title(question: Question, edition: Edition) -> str:
    """'Q9 · Forced labour'; a question with no subject in edition.yml keeps its asker: 'Q9 · Xinhua'."""
    return f"Q{question.number} · {question.subject or asker_label(question, edition)}"


def question_title_of(question_id: str | None, transcript: Transcript, edition: Edition) -> str | None:
    """The title of the question a turn belongs to ('Q9 · Forced labour'); None for a turn outside any question."""
    question = next((q for q in transcript.questions if q.id == question_id), None) if question_id else None
    return question_title(question, edition) if question else None
