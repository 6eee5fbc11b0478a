"""Question subjects (edition.yml ``questions:``) given to the parsed questions.

Questions are numbered by the parser, so only after parsing can a subject be matched to its
question: a number the transcript does not have, or one given twice, is an error at its line.
Questions left without a subject keep their asker as heading, and `make check` lists them as still to do.
"""

from __future__ import annotations

from ..model import Question, Transcript, TranscriptMeta
from ..problems import Problem

HINT = "number questions as `python -m build_scripts report <id>` does (Q9 → number: 9)"


def give_subjects(questions: list[Question], meta: TranscriptMeta) -> list[Problem]:
    """Set each question's ``subject`` from ``meta.subjects``; the problems found doing so."""
    problems: list[Problem] = []
    by_number = {q.number: q for q in questions}
    given: dict[int, int] = {}  # number → the line it was first given at
    for item in meta.subjects:
        at = item.origin
        question = by_number.get(item.number)
        if question is None:
            problems.append(
                Problem(at.path, at.line, at.col, f"there is no question {item.number} (the transcript has {len(questions)})", HINT)
            )
        elif item.number in given:
            problems.append(
                Problem(
                    at.path,
                    at.line,
                    at.col,
                    f"question {item.number} is given a subject twice (first at line {given[item.number]})",
                    "keep one",
                )
            )
        else:
            given[item.number] = at.line
            question.subject = item.subject
    return problems


def subject_gaps(transcripts: list[Transcript]) -> list[Problem]:
    """One warning per transcript with questions left without a subject: still to write, as the register's
    gaps are (listed by `make check` in a terminal, never failing it), since such a heading still names its asker."""
    gaps = []
    for transcript in transcripts:
        missing = [f"Q{q.number}" for q in transcript.questions if not q.subject]
        if missing:
            meta = transcript.meta
            at = meta.subjects[0].origin if meta.subjects else meta.origin
            listed = ", ".join(missing)
            message = f"{len(missing)} of {len(transcript.questions)} questions have no subject ({listed}); their headings name the asker"
            hint = "add '- number: N' and 'subject:' under 'questions:' for each (docs/adding-a-transcript.md, section 7)"
            gaps.append(Problem(at.path, at.line, at.col, message, hint, "warning"))
    return gaps
