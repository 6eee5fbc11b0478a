"""The home page (build_scripts/render/home.py) beyond its golden file: without a summary, with citations
shared between sentences, and which questions it names."""

from __future__ import annotations

import dataclasses

from build_scripts.guide import SummarySentence
from build_scripts.model import Citation, Edition
from build_scripts.render import paths
from build_scripts.render.home import most_annotated, orientation
from build_scripts.resolve import build_indexes
from tests.factories import EDITION, IX, SOURCE, TRANSCRIPT


def with_summary(*sentences: SummarySentence) -> Edition:
    transcript = dataclasses.replace(TRANSCRIPT, meta=dataclasses.replace(TRANSCRIPT.meta, summary=sentences))
    return dataclasses.replace(EDITION, transcripts=[transcript])


def test_without_a_summary_the_facts_of_the_event_stand_in_its_place() -> None:
    edition = with_summary()
    text = orientation(edition.transcripts[0], edition, build_indexes(edition), paths.HOME)
    assert 'class="event-box"' in text and "home-summary" not in text and "Sources of the summary" not in text
    assert "[Start reading](transcripts/press-2021-01-02.md)" in text


def test_a_citation_in_two_sentences_is_listed_once_and_numbered_alike() -> None:
    other = Citation("annual-report", "Prices fell.")  # the same work, another pinpoint: a second entry
    edition = with_summary(SummarySentence("One.", (SOURCE, other)), SummarySentence("Two.", (other,)))
    text = orientation(edition.transcripts[0], edition, build_indexes(edition), paths.HOME)
    assert text.count("[source 2](#summary-press-2021-01-02-source-2)") == 2
    assert text.count('<span id="summary-press-2021-01-02-source-') == 2


def test_the_questions_named_are_those_with_most_notes_in_their_turns() -> None:
    ranked = most_annotated(TRANSCRIPT, IX)
    placed = {EDITION.placements[a.id].paragraph for a in EDITION.annotations}
    in_q1 = sum(1 for a in EDITION.annotations if EDITION.placements[a.id].paragraph in {"p3", "p4", "p5", "p6"})
    assert placed and [(q.id, n) for q, n in ranked] == [("q1", in_q1)]
    assert most_annotated(dataclasses.replace(TRANSCRIPT, questions=[]), IX) == []
