"""The seed transcript, end to end through load and parse: the foundation's must-show list."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from build_scripts.load.files import load_records
from build_scripts.model import Transcript
from build_scripts.parse import parse_transcript

ROOT = Path(__file__).resolve().parent.parent
SEED = "xinjiang-2020-06-19"


@pytest.fixture(scope="module")
def seed() -> Transcript:
    records = load_records(ROOT / "data", ROOT)
    meta = next(m for m in records.transcripts if m.id == SEED)
    transcript, problems = parse_transcript(meta)
    assert problems == []
    return transcript


SEED_SHA256 = "2cd515be81f8b525eae6f8e604278c6190a1e3135aa34be7ca61b4ce847bb914"
"""The digest of the transcript as published (the seed the edition was started from)."""


def test_source_is_kept_verbatim() -> None:
    """The transcript is the source, byte for byte: no edit to data/ may change it."""
    text = (ROOT / "data" / "transcripts" / SEED / "transcript.txt").read_bytes()
    assert hashlib.sha256(text).hexdigest() == SEED_SHA256


def test_ten_questions_answered_in_order(seed: Transcript) -> None:
    answered = [q.answered_by for q in seed.questions]
    assert answered == [
        ["akbar-haydar"],
        ["yalqun-yaqup"],
        ["elijan-anayit"],
        ["muradil-muhtar", "mirzat-talat"],
        ["yalqun-yaqup"],
        ["mehmud-osman"],
        ["mehmud-osman"],
        ["elijan-anayit"],
        ["rahmanjan-dawut"],
        ["elijan-anayit"],
    ]


def test_questions_are_asked_by_outlets(seed: Transcript) -> None:
    assert [q.asked_by for q in seed.questions] == [
        "xinhua",
        "china-news-service",
        "cgtn",
        "xinjiang-broadcast-television",
        "xinjiang-daily",
        "cnr-xinjiang",
        "global-times",
        "china-daily",
        "xinjiang-broadcast-television",
        "tianshannet",
    ]


def test_every_page_break_is_rejoined(seed: Transcript) -> None:
    texts = [p.text for p in seed.paragraphs()]
    for words in [
        "deradicalization work in accordance with the law",
        "and causing immeasurable damage",
        "fully prepared in the centers.",
        "felt uncomfortable, or caught a cold",
        "clarify that America’s allegations",
        "citizens’ freedom of correspondence",
        "in public except those not allowed by law",
        "basic rights. American policies",
        "Hotan Prefecture. But the reality",
        "public places of urban and rural areas",
        "wigs, and bags manufacturing",
        "system by developing vocational colleges",
        "admitted in its annual Trafficking in Persons Report",
        "at least one job within 24 hours",
        "on his neck in Minneapolis",
    ]:
        assert sum(words in t for t in texts) == 1, words
    # no paragraph ends in the middle of a sentence
    assert all(re.search(r"[.!?:”\"’)]$", t) for t in texts), [t[-40:] for t in texts if not re.search(r"[.!?:”\"’)]$", t)]


def test_video_notes_are_notes_not_speech(seed: Transcript) -> None:
    notes = [(t.speaker, p.text) for t in seed.turns for p in t.paragraphs if p.kind == "note"]
    assert notes == [
        ("yalqun-yaqup", "Please watch a short video."),
        ("mehmud-osman", "Please take a watch at two video clips."),
        ("rahmanjan-dawut", "Please watch a short video."),
    ]


def test_both_spellings_resolve_to_one_speaker(seed: Transcript) -> None:
    handovers = [p.text for t in seed.turns for p in t.paragraphs if "goes to Meh" in p.text]
    assert handovers == ["This question goes to Mehmet Osman.", "This question goes to Mehmud Osman."]
    assert seed.questions[5].answered_by == seed.questions[6].answered_by == ["mehmud-osman"]


def test_italics_are_kept_as_emphasis(seed: Transcript) -> None:
    emphasised = [p.text[s.start : s.end] for p in seed.paragraphs() for s in p.emphasis]
    assert "United Nations Global Counterterrorism Strategy" in emphasised
    assert emphasised.count("Constitution") == 4
    assert not any("*" in p.text for p in seed.paragraphs())


def test_lossless_word_for_word(seed: Transcript) -> None:
    source = (ROOT / "data" / "transcripts" / SEED / "transcript.txt").read_text(encoding="utf-8")
    source_words = source.replace("**", " ").replace("*", "").split()
    model_words = seed.heading.split()
    for turn in seed.turns:
        if turn.label:
            model_words += (turn.label + ":").split()
        for paragraph in turn.paragraphs:
            model_words += paragraph.text.split()
    assert model_words == source_words


def test_ids_are_sequential_and_unique(seed: Transcript) -> None:
    assert [p.id for p in seed.paragraphs()] == [f"p{i}" for i in range(1, len(seed.paragraphs()) + 1)]
    assert [t.id for t in seed.turns] == [f"t{i}" for i in range(1, len(seed.turns) + 1)]
