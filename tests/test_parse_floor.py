"""Whole-turn judgements (parse/floor.py): does a questioner ask, does a turn only pass the floor."""

from __future__ import annotations

import pytest

from build_scripts.parse.floor import asks, calls_on, floor_pass
from build_scripts.parse.labels import Labels
from build_scripts.parse.layout import Layout
from tests.factories import PEOPLE

LABELS = Labels(PEOPLE, Layout())


@pytest.mark.parametrize(
    ("text", "asking"),
    [
        ("Why the delay?", True),
        ("Your comment on the report.", True),  # a request, no question mark
        ("I wonder whether the bridge will be open by the time the winter comes.", True),
        ("Am I on? Can you hear me?", False),  # a sound check
        ("Good evening. Ana Ruiz, Channel 5 News.", False),  # an introduction
        ("Thank you.", False),
        ("Hi. Am I on? Great. Does the agreement need ratification?", True),
    ],
)
def test_asks(text: str, asking: bool) -> None:
    assert asks(text) is asking


@pytest.mark.parametrize(
    ("text", "to", "next_question"),
    [
        ("Jane Smith?", "smith", False),
        ("Minister Smith, your reply?", "smith", False),  # a title before a surname
        ("Ms. Smith, anything to add?", "smith", False),
        ("Next question, please.", None, True),
        ("Over to the Secretary.", None, False),
        ("Thank you.", None, False),
    ],
)
def test_floor_passes(text: str, to: str | None, next_question: bool) -> None:
    passed = floor_pass(text, LABELS, "mod")
    assert passed is not None and (passed.to, passed.next_question) == (to, next_question)


@pytest.mark.parametrize(
    "text", ["Because the weather turned.", "Jane Smith will answer that one in a moment.", "Yes.", "The Fixture Gazette has it wrong."]
)
def test_anything_more_is_not_a_floor_pass(text: str) -> None:
    assert floor_pass(text, LABELS, "mod") is None


def test_a_speakers_own_name_passes_nothing() -> None:
    assert floor_pass("Jane Smith?", LABELS, "smith") is None


@pytest.mark.parametrize(
    ("text", "call"),
    [
        ("Yes, Pablo.", "addressed"),
        ("Go ahead, Matt.", "addressed"),
        ("Said.", "bare"),
        ("No.", None),
        ("Yes.", None),
        ("It opens on Thursday.", None),
    ],
)
def test_calls_on(text: str, call: str | None) -> None:
    assert calls_on(text) == call
