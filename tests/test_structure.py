"""The structure of every layout fixture with a golden file (expected.yml, checked by a person): speaker
and kind of each turn, asker, outlet, answerers and turns of each question; and the editor overrides."""

from __future__ import annotations

import pytest

from build_scripts.model import Origin, Override, Transcript, TranscriptMeta
from build_scripts.parse import parse_transcript
from build_scripts.problems import Problem
from tests.factories import PEOPLE
from tests.structure_score import GOLDEN, Score, expected, parse_fixture, score, structure


def test_at_least_twelve_fixtures_have_a_golden_file() -> None:
    assert len(GOLDEN) >= 12


@pytest.mark.parametrize("name", GOLDEN)
def test_with_overrides_the_structure_is_exactly_right(name: str) -> None:
    assert structure(parse_fixture(name, with_overrides=True)) == expected(name)


def test_from_metadata_alone_almost_everything_is_right() -> None:
    total = Score(0, 0, 0, 0)
    for name in GOLDEN:
        total += score(parse_fixture(name, with_overrides=False), expected(name))
    turns, questions = total.percent()
    assert turns >= 98 and questions >= 95, (turns, questions)


def test_the_score_notices_a_wrong_speaker_and_a_wrong_answerer() -> None:
    transcript = parse_fixture("fixture-floor-passes", with_overrides=False)
    golden = expected("fixture-floor-passes")
    right = score(transcript, golden)
    transcript.turns[4].speaker = "fixture-ana-ruiz"  # "Dr. Ruiz?" is the minister's
    transcript.questions[0].answered_by.append("fixture-minister-okonjo")
    wrong = score(transcript, golden)
    assert (wrong.turns_right, wrong.questions_right) == (right.turns_right - 1, right.questions_right - 1)


TEXT = """Title

Moderator: Welcome. Jane Smith will answer.

Fixture Gazette: Why the delay?

Jane Smith: The weather.

Unlabelled words that an editor knows are the gazette's.

Fixture Gazette: Thanks, and is the bridge open?

Jane Smith: It is. And the ferry

runs
"""


def parse_with(*overrides: Override) -> tuple[Transcript, list[Problem]]:
    meta = TranscriptMeta("t", "Title", "2001", "P", "O", "en", "Pub", None, "", "", PEOPLE, TEXT, "t.txt", overrides=overrides)
    return parse_transcript(meta)


def at(line: int | None = None, quote: str = "", yaml_line: int = 40, **fields: object) -> Override:
    return Override(line, quote, origin=Origin("t/edition.yml", yaml_line, 5), **fields)  # type: ignore[arg-type]


def test_an_override_sets_a_blocks_speaker_by_line_or_quote() -> None:
    plain, _ = parse_with()
    assert [t.speaker for t in plain.turns][-3:] == ["smith", "gazette", "smith"]
    by_line, problems = parse_with(at(9, speaker="gazette"))
    assert problems == [] and [t.speaker for t in by_line.turns][2:4] == ["smith", "gazette"]
    by_quote, _ = parse_with(at(quote="editor KNOWS", speaker="gazette"))
    assert structure(by_quote) == structure(by_line)


def test_overrides_set_kind_question_and_membership() -> None:
    transcript, problems = parse_with(at(3, kind="question"), at(11, belongs_to=1))
    assert problems == []
    assert [(t.kind, t.question) for t in transcript.turns][:3] == [("question", "q1"), ("question", "q2"), ("answer", "q2")]
    assert transcript.turns[-2].question == "q1"
    asked, _ = parse_with(at(3, question="gazette"))
    assert asked.questions[0].asked_by == "gazette" and asked.turns[0].kind == "question"


def test_join_next_overrides_the_page_break_rule() -> None:
    joined, _ = parse_with()
    assert joined.turns[-1].paragraphs[-1].text == "It is. And the ferry runs"
    cut, problems = parse_with(at(13, join_next=False))
    assert problems == [] and [p.text for p in cut.turns[-1].paragraphs] == ["It is. And the ferry", "runs"]


@pytest.mark.parametrize(
    ("override", "message"),
    [
        (at(2, speaker="smith"), "override: line 2 of t.txt is blank, a title line or beyond the end"),
        (at(quote="not in the text", kind="note"), "override: the quote is not in t.txt"),
        (at(quote="Jane Smith", kind="note"), "override: the quote is in 3 blocks of t.txt (lines 3, 7, 13)"),
        (at(5, speaker="nobody"), "override: 'nobody' is not a participant of t"),
        (at(5, belongs_to=9), "override: there is no question 9 (the transcript has 2)"),
    ],
)
def test_an_override_that_matches_nothing_is_a_problem_at_its_line(override: Override, message: str) -> None:
    _, problems = parse_with(override)
    assert [(p.path, p.line, p.message) for p in problems] == [("t/edition.yml", 40, message)]


def test_two_overrides_that_contradict_are_a_problem_at_the_second() -> None:
    _, problems = parse_with(at(9, speaker="gazette"), at(quote="editor knows", speaker="smith", yaml_line=44))
    assert [p.line for p in problems] == [44]
    assert problems[0].message.startswith("override: contradicts the override at line 40 (speaker of the block at line 9")
