"""Question subjects from edition.yml given to the parsed questions (build_scripts/parse/subjects.py)."""

from __future__ import annotations

import dataclasses

from build_scripts.guide import QuestionSubject
from build_scripts.model import Origin, Question, Transcript, TranscriptMeta
from build_scripts.parse.subjects import give_subjects, subject_gaps
from tests.factories import PEOPLE

META = TranscriptMeta("t", "Title", "2001", "P", "O", "en", "Pub", None, "", "", PEOPLE, "", "t.txt", origin=Origin("e.yml"))


def questions(count: int) -> list[Question]:
    return [Question(f"q{n}", n, None, [], [f"t{n}"]) for n in range(1, count + 1)]


def subject(number: int, text: str, line: int) -> QuestionSubject:
    return QuestionSubject(number, text, Origin("e.yml", line, 13))


def test_each_question_gets_the_subject_written_for_its_number() -> None:
    asked = questions(2)
    meta = dataclasses.replace(META, subjects=(subject(2, "Harvest", 5), subject(1, "Prices", 3)))
    assert give_subjects(asked, meta) == []
    assert [q.subject for q in asked] == ["Prices", "Harvest"]


def test_a_number_the_transcript_lacks_is_an_error_at_its_line() -> None:
    asked = questions(2)
    problems = give_subjects(asked, dataclasses.replace(META, subjects=(subject(3, "Rain", 7),)))
    assert [(p.path, p.line, p.col, p.severity) for p in problems] == [("e.yml", 7, 13, "error")]
    assert problems[0].message == "there is no question 3 (the transcript has 2)"
    assert [q.subject for q in asked] == ["", ""]


def test_a_number_given_twice_is_an_error_and_the_first_subject_stays() -> None:
    asked = questions(1)
    problems = give_subjects(asked, dataclasses.replace(META, subjects=(subject(1, "Prices", 3), subject(1, "Costs", 5))))
    assert [(p.line, p.message) for p in problems] == [(5, "question 1 is given a subject twice (first at line 3)")]
    assert asked[0].subject == "Prices"


def test_questions_without_a_subject_are_one_warning_per_transcript() -> None:
    asked = questions(3)
    meta = dataclasses.replace(META, subjects=(subject(2, "Harvest", 5),))
    give_subjects(asked, meta)
    gaps = subject_gaps([Transcript(meta, [], asked)])
    assert [(g.path, g.line, g.severity) for g in gaps] == [("e.yml", 5, "warning")]
    assert gaps[0].message.startswith("2 of 3 questions have no subject (Q1, Q3)")
    assert subject_gaps([Transcript(META, [], questions(1))])[0].line == 1  # none written: the file's first line
    assert subject_gaps([Transcript(META, [], [])]) == []
