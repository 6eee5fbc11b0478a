"""Lines of the edition-wide pages, made per transcript (build_scripts/render/listings.py)."""

from __future__ import annotations

from build_scripts.render import paths
from build_scripts.render.listings import FOLDER_PAGE, Listings, transcript_listings
from build_scripts.render.markdown import link
from tests.factories import EDITION, IX, TRANSCRIPT, T


def test_lines_made_for_the_folder_page_link_alike_from_every_speaker_and_topic_page() -> None:
    target = paths.transcript(T)
    from_pages = {link(page, target, "p1") for page in (FOLDER_PAGE, paths.speaker("li-wei"), paths.topic("harvest"))}
    assert from_pages == {f"../transcripts/{T}.md#p1"}


def test_a_transcript_lists_its_topic_passages_spoken_paragraphs_annotations_and_questions() -> None:
    listings = transcript_listings(TRANSCRIPT, EDITION, IX)
    assert set(listings.topic_passages) == {key for key, topics in IX.topics_of_passage.items() if key[0] == T and topics}
    assert set(listings.annotations) == set(listings.listed_annotations) == {a.id for a in EDITION.annotations}
    assert set(listings.questions) == {T}
    spoken = {(T, p.id) for turn in TRANSCRIPT.turns if turn.speaker for p in turn.paragraphs}
    assert set(listings.speaker_paragraphs) == spoken


def test_words_of_a_turn_leave_out_the_transcribers_notes() -> None:
    listings = transcript_listings(TRANSCRIPT, EDITION, IX)
    turn = next(t for t in TRANSCRIPT.turns if any(p.kind == "note" for p in t.paragraphs))
    said = sum(len(p.text.split()) for p in turn.paragraphs if p.kind != "note")
    assert listings.turn_words[(T, turn.id)] == said < sum(len(p.text.split()) for p in turn.paragraphs)


def test_update_adds_every_kind_of_line() -> None:
    merged = Listings()
    merged.update(transcript_listings(TRANSCRIPT, EDITION, IX))
    assert merged == transcript_listings(TRANSCRIPT, EDITION, IX)
    assert all(vars(merged).values())
