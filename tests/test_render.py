"""The renderers (build_scripts/render/) on a small literal edition, against golden files.

The edition (tests/factories.py: literal_edition) is written with the model's dataclasses: a narration, a moderator, an
official, an outlet, one question with its answer, a transcriber's note, emphasis, nested
annotations and two related topics. Each page it renders is compared with tests/golden/<name>.md;
after an intended change, regenerate them with ``UPDATE_GOLDEN=1 pytest tests/test_render.py``
and review the diff.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from build_scripts.indexes import Indexes
from build_scripts.invisible import JOINERS, hides_text
from build_scripts.model import Edition
from build_scripts.render import markdown
from build_scripts.render.annotations import marked_text, reference_order
from build_scripts.render.home import render_home
from build_scripts.render.listings import transcript_listings
from build_scripts.render.markdown import escape
from build_scripts.render.overview import render_questions, render_transcripts_index
from build_scripts.render.speakers import render_speaker, render_speakers_index
from build_scripts.render.topics import render_topic, render_topics_index
from build_scripts.render.transcript import render_transcript
from build_scripts.resolve import build_indexes
from tests.factories import EDITION, IX, TRANSCRIPT, T, literal_edition

GOLDEN = Path(__file__).parent / "golden"


PAGES: dict[str, Callable[[Edition, Indexes], str]] = {
    "transcript": lambda e, ix: render_transcript(TRANSCRIPT, e, ix),
    "speaker-official": lambda e, ix: render_speaker(e.speakers["li-wei"], e, ix, transcript_listings(TRANSCRIPT, e, ix)),
    "speaker-moderator": lambda e, ix: render_speaker(e.speakers["host"], e, ix, transcript_listings(TRANSCRIPT, e, ix)),
    "speaker-outlet": lambda e, ix: render_speaker(e.speakers["daily-news"], e, ix, transcript_listings(TRANSCRIPT, e, ix)),
    "speakers-index": lambda e, ix: render_speakers_index(e, ix, transcript_listings(TRANSCRIPT, e, ix)),
    "topic-harvest": lambda e, ix: render_topic(e.topics["harvest"], e, ix, transcript_listings(TRANSCRIPT, e, ix)),
    "topic-economy": lambda e, ix: render_topic(e.topics["economy"], e, ix, transcript_listings(TRANSCRIPT, e, ix)),
    "topics-index": render_topics_index,
    "questions": lambda e, ix: render_questions(e, transcript_listings(TRANSCRIPT, e, ix)),
    "home": render_home,
    "transcripts-index": render_transcripts_index,
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_matches_its_golden_file(name: str) -> None:
    rendered = PAGES[name](EDITION, IX)
    golden = GOLDEN / f"{name}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(rendered, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden}; run with UPDATE_GOLDEN=1 and review it"
    assert rendered == golden.read_text(encoding="utf-8")


def test_rendering_is_deterministic() -> None:
    again = literal_edition()
    again_ix = build_indexes(again)
    assert all(render(EDITION, IX) == render(again, again_ix) for render in PAGES.values())


def test_footnotes_are_defined_in_the_order_they_are_referenced() -> None:
    """Python-Markdown numbers footnotes by definition: nested spans must not swap the numbers."""
    paragraph = TRANSCRIPT.turns[3].paragraphs[0]
    annotations = [IX.annotation[a] for a in IX.annotations_at[(T, "p4")]]
    text = marked_text(paragraph, annotations, EDITION)
    referenced = [a.id for a in annotations if f"[^{a.id}]" in text]
    referenced.sort(key=lambda a: text.index(f"[^{a}]"))
    assert [a.id for a in reference_order(annotations, EDITION)] == referenced == ["term-record", "claim-output"]
    page = render_transcript(TRANSCRIPT, EDITION, IX)
    assert page.index("[^term-record]:") < page.index("[^claim-output]:")


def test_speaker_line_names_the_role_once() -> None:
    page = render_transcript(TRANSCRIPT, EDITION, IX)
    assert "**[Moderator](../speakers/host.md)**\n" in page
    assert "Moderator** · Moderator" not in page
    assert "**[Li Wei](../speakers/li-wei.md)** · Spokesperson" in page


def test_topic_page_lists_a_paragraph_of_a_listed_turn_once() -> None:
    page = render_topic(EDITION.topics["harvest"], EDITION, IX, transcript_listings(TRANSCRIPT, EDITION, IX))
    assert page.count("Output rose by") == 1, "p4 is inside t4, which is listed whole"
    assert "#p1)" in page and "#t4)" in page and "#p4)" not in page


def _escape_without_shortcut(text: str) -> str:
    """``escape`` as first written: both passes on every string, however plain."""
    escaped = markdown._WHITESPACE.sub(" ", text).translate(markdown._ESCAPES)
    # Joiners are marked or kept by their neighbours (invisible.py), after the translation, as escape does.
    escaped = JOINERS.sub(lambda m: markdown._MARKED[m.group()] if hides_text(m.string, m.start()) else m.group(), escaped)
    return markdown._LINE_START.sub(
        lambda m: m.group(1) + "\\" + m.group(2) if not m.group(2)[0].isdigit() else m.group(1) + m.group(2) + "\\", escaped, count=1
    )


ESCAPE_PIECES = st.sampled_from(list("\\`*_[]{}|#+-=.<>&\x00\x1f\x7f\x85\x9f\xa0\u2009\u3000\t\n\r 1٣a") + ["  ", " -", " 12."])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(ESCAPE_PIECES, st.text(max_size=4))).map("".join))
def test_escape_shortcut_changes_nothing(text: str) -> None:
    """The search that lets plain strings skip both passes misses no character they would change."""
    assert escape(text) == _escape_without_shortcut(text)


def test_other_whitespace_is_every_whitespace_but_the_space() -> None:
    every_character = "".join(map(chr, range(sys.maxunicode + 1)))
    assert set(markdown.OTHER_WHITESPACE) == set(re.findall(r"\s", every_character)) - {" "}


def test_links_between_pages_are_relative() -> None:
    assert markdown.link("transcripts/a.md", "speakers/b.md", "p1") == "../speakers/b.md#p1"
    assert markdown.link("index.md", "topics/c.md") == "topics/c.md"
    assert markdown.link("topics/index.md", "topics/c.md") == "c.md"
