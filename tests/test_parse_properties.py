"""Properties of the parser on any text (hypothesis): it never crashes, loses nothing, and repeats itself.

"Loses nothing" generalises tests/test_parse_seed.py::test_lossless_word_for_word: the words of
the source, markup aside, are the words of the model (heading, then each turn's label and
paragraphs) in the same order. Markup means ``*`` and ``_`` (bold and emphasis) and the colon
after a label; they are removed from both sides before comparing.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_scripts.model import Participant, TranscriptMeta
from build_scripts.parse import parse_transcript
from tests.factories import assert_lossless

PARTICIPANTS = (
    Participant("moderator", "moderator", "Moderator", labels=("Moderator",)),
    Participant("jane-smith", "official", "Minister", names=("Jane Smith",)),
    Participant("lee-wong", "guest", "Guest", names=("Lee Wong", "Li Wong")),
    Participant("gazette", "outlet", "Reporter", names=("Fixture Gazette",), labels=("Reporter from Fixture Gazette",)),
)
LAYOUTS: tuple[dict[str, object], ...] = (
    {},
    {"paragraphs": "lines", "follow_ups": True, "bare_labels": ["Q", "A"], "title_lines": 1},
    {
        "inline_note_patterns": [r"\[[^\[\]\n]*\]", r"\((?:Laughter|Applause)\.?\)"],
        "handover_patterns": [r"Next, (?P<name>[A-Z]\w+ [A-Z]\w+) of (?P<outlet>[A-Z][\w ]+?)\."],
    },
)
EXACT = (True, True, False)


def meta(text: str, layout: dict[str, object]) -> TranscriptMeta:
    return TranscriptMeta(
        id="fixture",
        title="Fixture Title",
        date="2001",
        place="Nowhere",
        organiser="Nobody",
        language="en",
        publisher="Invented",
        source_url=None,
        source_note="",
        source_status="",
        participants=PARTICIPANTS,
        text=text,
        text_path="fixture/transcript.txt",
        layout=layout,
    )


FRAGMENTS = st.sampled_from(
    [
        "Moderator:",
        "**Moderator:**",
        "Reporter from Fixture Gazette:",
        "**Reporter from\nFixture Gazette:**",
        "Jane Smith:",
        "MS. SMITH:",
        "Smith:",
        "Lee Wong:",
        "Q",
        "Q:",
        "A",
        "A:",
        "Answer:",
        "Fixture Title",
        "Unknown Person:",
        "This question goes to Jane Smith.",
        "This question goes to Nobody Known.",
        "Next, Ann Bell of Fixture Gazette.",
        "I'd like to ask Lee Wong to answer.",
        "Please watch a short video.",
        "(Laughter.)",
        "[inaudible]",
        "word[crosstalk]word",
        "*emphasis*",
        "*",
        "**",
        "__",
        "_x_",
        ":",
        "::",
        "Thank you.",
        "and so",
        "the end",
        "?",
        "—",
        "“quoted”",
        "(CGTN)",
        "12,995",
        "é",
        "\u00a0",
        "\u2028",
    ]
)
SEPARATORS = st.sampled_from([" ", " ", "\n", "\n\n", "\n \u00a0\n", "\r\n", "\n\n\n\n", "\t", ""])


@st.composite
def transcript_like(draw: st.DrawFn) -> str:
    """Text built from labels, notes, hand-overs and markup, joined by every kind of separator."""
    pieces = draw(st.lists(st.tuples(FRAGMENTS, SEPARATORS), max_size=40))
    return "".join(fragment + separator for fragment, separator in pieces)


ANY_TEXT = st.one_of(st.text(), transcript_like(), st.text(alphabet=st.sampled_from("Q A:*_ \n\u00a0.()[]Moderator")))
# No example database: a test never writes into the working tree.
SETTINGS = settings(max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(text=ANY_TEXT, which=st.integers(0, len(LAYOUTS) - 1))
def test_never_crashes_and_loses_nothing(text: str, which: int) -> None:
    transcript, problems = parse_transcript(meta(text, LAYOUTS[which]))
    assert_lossless(text, transcript, exact=EXACT[which])
    for problem in problems:
        assert problem.line >= 1 and problem.message


@SETTINGS
@given(text=ANY_TEXT, which=st.integers(0, len(LAYOUTS) - 1))
def test_deterministic(text: str, which: int) -> None:
    first = parse_transcript(meta(text, LAYOUTS[which]))
    second = parse_transcript(meta(text, dict(LAYOUTS[which])))
    assert repr(first) == repr(second)


@SETTINGS
@given(text=transcript_like())
def test_ids_are_sequential_and_questions_consistent(text: str) -> None:
    transcript, _ = parse_transcript(meta(text, {}))
    assert [t.id for t in transcript.turns] == [f"t{i}" for i in range(1, len(transcript.turns) + 1)]
    paragraphs = transcript.paragraphs()
    assert [p.id for p in paragraphs] == [f"p{i}" for i in range(1, len(paragraphs) + 1)]
    turns = {t.id: t for t in transcript.turns}
    for question in transcript.questions:
        assert turns[question.turns[0]].kind == "question"
        assert all(turns[t].question == question.id for t in question.turns)


def test_lossless_check_can_fail() -> None:
    """The comparison itself notices a dropped word and a glued pair (so the properties are not vacuous)."""
    source = "Moderator: one two three."
    transcript, _ = parse_transcript(meta(source, {}))
    assert_lossless(source, transcript)
    for damaged in ("one three.", "one twothree.", "one two three. four"):
        transcript.turns[0].paragraphs[0].text = damaged
        with pytest.raises(AssertionError):
            assert_lossless(source, transcript, exact=False)
