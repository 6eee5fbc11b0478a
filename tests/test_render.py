"""The renderers (build_scripts/render/) on a small literal edition, against golden files.

The edition is written out below with the model's dataclasses: a narration, a moderator, an
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
from build_scripts.model import (
    Anchor,
    Annotation,
    Citation,
    Edition,
    Paragraph,
    Participant,
    Placement,
    Question,
    Span,
    Speaker,
    Topic,
    TopicAssignment,
    Transcript,
    TranscriptMeta,
    Turn,
)
from build_scripts.register import Publisher, Source
from build_scripts.render import markdown
from build_scripts.render.annotations import marked_text, reference_order
from build_scripts.render.listings import transcript_listings
from build_scripts.render.markdown import escape
from build_scripts.render.overview import render_home, render_questions, render_transcripts_index
from build_scripts.render.speakers import render_speaker, render_speakers_index
from build_scripts.render.topics import render_topic, render_topics_index
from build_scripts.render.transcript import render_transcript
from build_scripts.resolve import build_indexes

GOLDEN = Path(__file__).parent / "golden"
T = "press-2021-01-02"
SOURCE = Citation("annual-report", "Output rose by 3%.")
PUBLISHER = Publisher("statistics-office", "Statistics Office", "government")
REPORT = Source("annual-report", "Annual report", "statistics-office", "2020-12-31", "https://example.org/report",
                archive_url="https://web.archive.org/web/2021/https://example.org/report")


def literal_edition() -> Edition:
    speakers = {s.id: s for s in [
        Speaker("host", "Moderator", "person", "The moderator is not named in the transcript."),
        Speaker("li-wei", "Li Wei", "person", "Li Wei is the office's spokesperson, according to its website.",
                ("Li Wey",), (SOURCE,)),
        Speaker("daily-news", "Daily News", "organisation"),
    ]}
    meta = TranscriptMeta(
        id=T, title="Press Conference on the Harvest", date="2021-01-02", place="Springfield",
        organiser="Information Office", language="en", publisher="Information Office", source_url="https://example.org/t",
        source_note="As published.", source_status="Official transcript.", text="", text_path="transcript.txt",
        participants=(Participant("host", "moderator", "Moderator", names=("Moderator",), labels=("Moderator",)),
                      Participant("li-wei", "official", "Spokesperson", "Information Office", ("Li Wei", "Li Wey")),
                      Participant("daily-news", "outlet", "Reporter", "Daily News", labels=("Daily News",))))
    turns = [
        Turn("t1", None, "narration", [Paragraph("p1", "The press conference was held on 2 January.", "narration")]),
        Turn("t2", "host", "remark", [Paragraph("p2", "Good morning. Questions, please.", "speech")], "Moderator"),
        Turn("t3", "daily-news", "question", [Paragraph("p3", "Did output rise in 2020? Thank you.", "speech")],
             "Daily News", "q1"),
        Turn("t4", "li-wei", "answer", [
            Paragraph("p4", "Output rose by a record 3 per cent [sic] this year.", "speech", (Span(24, 34),)),
            Paragraph("p5", "(Applause)", "note"),
            Paragraph("p6", "Prices fell too.", "speech")], "Li Wey", "q1"),
    ]
    transcript = Transcript(meta, turns, [Question("q1", 1, "daily-news", ["li-wei"], ["t3", "t4"])])
    topics = {t.id: t for t in [
        Topic("economy", "Economy", "Passages on output and prices."),
        Topic("harvest", "Harvest", "Passages on the harvest.", broader="economy", see_also=("economy",)),
    ]}
    # Nested spans in p4: the outer note's reference comes after the inner one's, so it is defined second.
    annotations = [
        Annotation("claim-output", T, Anchor("Output rose by a record 3 per cent"), "claim",
                   "The *Annual report* gives the same figure.", (SOURCE,), ("economy",), "Editors", "2021-02-01",
                   body_words="The Annual report gives the same figure."),
        Annotation("term-record", T, Anchor("record"), "term", "A record is the highest value so far.", (SOURCE,),
                   (), "Editors", "2021-02-01", body_words="A record is the highest value so far."),
        Annotation("correction-wey", T, Anchor("Prices"), "correction", "The transcript reads so.", (), ("harvest",),
                   "Editors", "2021-02-01", reading="Prices", body_words="The transcript reads so."),
    ]  # body_words as the loader reads them (tests/test_markdown_body.py)
    placements = {"claim-output": Placement("claim-output", "p4", Span(0, 34)),
                  "term-record": Placement("term-record", "p4", Span(17, 23)),
                  "correction-wey": Placement("correction-wey", "p6", Span(0, 6))}
    assignments = [TopicAssignment(T, "harvest", ("t4", "p4", "p1"), meta.origin),
                   TopicAssignment(T, "economy", ("t3",), meta.origin)]
    return Edition(speakers, topics, [transcript], annotations, placements, assignments,
                   publishers={PUBLISHER.id: PUBLISHER}, sources={REPORT.id: REPORT})


EDITION = literal_edition()
IX = build_indexes(EDITION)
TRANSCRIPT = EDITION.transcripts[0]

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
    return markdown._LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2) if not m.group(2)[0].isdigit()
                                    else m.group(1) + m.group(2) + "\\", escaped, count=1)


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
