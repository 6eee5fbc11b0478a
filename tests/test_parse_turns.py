"""The turn state machine on small literal texts: questions, answers, hand-overs, notes, problems."""

from __future__ import annotations

from build_scripts.model import Participant, Transcript, TranscriptMeta
from build_scripts.parse import parse_transcript
from build_scripts.problems import Problem
from tests.factories import PEOPLE


def meta_of(text: str, participants: tuple[Participant, ...] = PEOPLE, **layout: object) -> TranscriptMeta:
    """A transcript's metadata around ``text``, with the fixture's participants unless others are given."""
    return TranscriptMeta("t", "Title", "2001", "P", "O", "en", "Pub", None, "", "", participants, text, "t.txt", dict(layout))


def parse(text: str, **layout: object) -> tuple[Transcript, list[Problem]]:
    return parse_transcript(meta_of("Title\n\nJane Smith, Fixture Gazette.\n\n" + text, **layout))


def shape(transcript: Transcript) -> list[tuple[str, str | None, str | None]]:
    return [(t.kind, t.speaker, t.question) for t in transcript.turns]


def test_handover_starts_the_named_speakers_answer() -> None:
    transcript, problems = parse("Fixture Gazette: Why?\n\nModerator: This question goes to Jane Smith.\n\nBecause.")
    assert problems == []
    assert shape(transcript)[1:] == [("question", "gazette", "q1"), ("remark", "mod", "q1"), ("answer", "smith", "q1")]
    assert transcript.questions[0].answered_by == ["smith"]


def test_a_note_after_a_handover_does_not_take_the_floor() -> None:
    transcript, _ = parse("Fixture Gazette: Why?\n\nModerator: This question goes to Jane Smith.\n\n(Applause.)\n\nBecause.")
    assert [(p.kind, p.text) for p in transcript.turns[2].paragraphs] == [
        ("speech", "This question goes to Jane Smith."),
        ("note", "(Applause.)"),
    ]
    assert shape(transcript)[-1] == ("answer", "smith", "q1")


def test_handover_to_an_outlet_makes_a_question() -> None:
    transcript, problems = parse(
        "Moderator: Over to the Fixture Gazette.\n\nWhy?\n\nJane Smith: Because.", handover_patterns=[r"Over to the (?P<outlet>[\w ]+)\."]
    )
    assert problems == []
    assert shape(transcript)[2:] == [("question", "gazette", "q1"), ("answer", "smith", "q1")]


def test_a_remark_after_an_answer_closes_the_question() -> None:
    transcript, _ = parse("Fixture Gazette: Why?\n\nJane Smith: Because.\n\nModerator: Next.")
    assert shape(transcript)[-1] == ("remark", "mod", None)


def test_an_answer_with_no_question_is_a_remark() -> None:
    transcript, _ = parse("Jane Smith: Good morning.")
    assert shape(transcript)[-1] == ("remark", "smith", None)


def test_follow_ups_join_the_open_question_only_when_configured() -> None:
    text = "Fixture Gazette: Why?\n\nJane Smith: Because.\n\nFixture Gazette: And then?\n\nJane Smith: Then."
    assert len(parse(text)[0].questions) == 2
    transcript = parse(text, follow_ups=True)[0]
    assert [(q.asked_by, q.turns) for q in transcript.questions] == [("gazette", ["t2", "t3", "t4", "t5"])]


def test_unknown_label_is_kept_as_text_and_reported() -> None:
    transcript, problems = parse("Moderator: Hello.\n\nSecret Visitor:\n\nHi.")
    assert "Secret Visitor:" in [p.text for p in transcript.paragraphs()]
    errors = [(p.path, p.line, p.message) for p in problems if p.severity == "error"]
    assert errors == [("t.txt", 7, "unknown speaker label 'Secret Visitor'")]


def test_a_declared_name_missing_from_the_text_is_reported() -> None:
    meta = meta_of("Title\n\nText.", (Participant("x", "official", "R", names=("Nobody Here",)),))
    _, problems = parse_transcript(meta)
    assert [p.message for p in problems if p.severity == "error"] == ["participant 'x': 'Nobody Here' never occurs in t.txt"]


def test_emphasis_becomes_spans() -> None:
    transcript, _ = parse("Moderator: the *Act* and a * star.")
    paragraph = transcript.turns[-1].paragraphs[0]
    assert paragraph.text == "the Act and a * star."
    assert [paragraph.text[s.start : s.end] for s in paragraph.emphasis] == ["Act"]
