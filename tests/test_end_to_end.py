"""The published edition, read from the built HTML: every id of the JSON export has its place,
every page its links both ways, and a reader's path from a question to its answer and back."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from tests.site_html import follow, page_file, parse

SEED = "xinjiang-2020-06-19"
TRANSCRIPT_URL = f"transcripts/{SEED}/"


@pytest.fixture(scope="module")
def export(site: Path) -> dict[str, Any]:
    return dict(json.loads((site / "downloads" / f"{SEED}.json").read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def transcript_page(site: Path) -> Path:
    page = page_file(site, TRANSCRIPT_URL)
    assert page is not None
    return page


def by_id(page: Path, element_id: str) -> lxml.html.HtmlElement:
    found = parse(page).xpath("//*[@id=$i]", i=element_id)
    assert found, f"no id '{element_id}' on {page}"
    return found[0]


def hrefs(element: lxml.html.HtmlElement) -> list[str]:
    return [str(h) for h in element.xpath(".//a/@href")]


def targets(site: Path, page: Path, element: lxml.html.HtmlElement) -> list[tuple[Path | None, str]]:
    return [follow(site, page, h) for h in hrefs(element)]


def reading_text(paragraph: lxml.html.HtmlElement) -> str:
    """A paragraph's words as a reader sees them, without the ¶ control and footnote numbers."""
    clone = lxml.html.fromstring(lxml.html.tostring(paragraph))
    for extra in clone.xpath('.//a[contains(@class, "permalink")] | .//sup[starts-with(@id, "fnref")]'):
        extra.drop_tree()
    return str(clone.text_content()).strip()


def heading_text(heading: lxml.html.HtmlElement) -> str:
    """A heading's words without the ¶ permalink the toc extension adds."""
    return "".join(str(t) for t in heading.xpath('.//text()[not(ancestor::a[@class="headerlink"])]')).strip()


def content(page: Path) -> lxml.html.HtmlElement:
    return parse(page).xpath('//article[contains(@class, "md-content__inner")]')[0]


# The transcript page -------------------------------------------------------------------------


def test_every_paragraph_of_the_export_is_on_the_transcript_page(export: dict[str, Any], transcript_page: Path) -> None:
    for turn in export["turns"]:
        for paragraph in turn["paragraphs"]:
            element = by_id(transcript_page, paragraph["id"])
            assert f"para-{paragraph['kind']}" in element.get("class", "").split()
            assert f"#{paragraph['id']}" in hrefs(element), "no permalink control"
            assert reading_text(element) == paragraph["text"], "the text must be shown untouched"


def test_turns_show_their_speaker_and_kind_in_reading_order(export: dict[str, Any], transcript_page: Path, site: Path) -> None:
    shown = [str(i) for i in parse(transcript_page).xpath('//div[contains(@class, "turn ")]/@id')]
    assert shown == [t["id"] for t in export["turns"]]
    for turn in export["turns"]:
        element = by_id(transcript_page, turn["id"])
        assert f"turn-{turn['kind']}" in element.get("class", "").split()
        header = element.xpath('./p[contains(@class, "speaker")]')
        if turn["speaker"] is None:
            assert header == []
            continue
        reached = targets(site, transcript_page, header[0])
        assert reached == [(page_file(site, f"speakers/{turn['speaker']}/"), "")]


def test_a_role_equal_to_the_name_is_not_repeated(transcript_page: Path) -> None:
    headers = [str(h.text_content()) for h in parse(transcript_page).xpath('//p[contains(@class, "speaker")]')]
    assert headers
    for header in headers:
        name, _, role = header.partition(" · ")
        assert name.strip().casefold() != role.strip().casefold(), header


def test_questions_are_numbered_headings_with_anchors(export: dict[str, Any], transcript_page: Path) -> None:
    for question in export["questions"]:
        heading = by_id(transcript_page, question["id"])
        assert heading.tag == "h2"
        assert question["subject"], "every question of the seed has a subject in edition.yml"
        assert heading_text(heading) == f"Q{question['number']} · {question['subject']}"


def test_the_table_of_contents_names_each_question_by_its_subject(export: dict[str, Any], transcript_page: Path) -> None:
    """The toc is what the desktop sidebar shows and what wayfinding.js copies into the phone's menu."""
    toc = parse(transcript_page).xpath('//nav[contains(@class, "md-nav--secondary")]//a[starts-with(@href, "#q")]')
    listed = {str(a.get("href")): " ".join(a.text_content().split()) for a in toc}
    assert listed == {f"#{q['id']}": f"Q{q['number']} · {q['subject']}" for q in export["questions"]}


def test_footnote_numbers_follow_reading_order(export: dict[str, Any], transcript_page: Path) -> None:
    numbers = [int(n) for n in parse(transcript_page).xpath('//sup[starts-with(@id, "fnref")]/a/text()')]
    assert numbers == list(range(1, len(export["annotations"]) + 1))


def test_each_question_and_each_turn_outside_one_links_the_topics_of_its_passages(
    export: dict[str, Any], transcript_page: Path, site: Path
) -> None:
    """A question's topics stand as labels under its heading; a turn outside any question carries its own."""
    expected: dict[str, set[str]] = {}
    for turn in export["turns"]:
        topics = set(turn["topics"]) | {t for p in turn["paragraphs"] for t in p["topics"]}
        expected.setdefault(turn["question"] or turn["id"], set()).update(topics)
    assert any(expected.values())
    for passage, topics in expected.items():
        element = by_id(transcript_page, passage)
        if passage.startswith("q"):
            line = element.xpath('following-sibling::*[1][contains(@class, "topic-labels")]')
        else:
            line = element.xpath('./p[contains(@class, "topic-labels")]')
        shown = {target for target, _ in targets(site, transcript_page, line[0])} if line else set()
        assert shown == {page_file(site, f"topics/{t}/") for t in topics}, passage
    assert not parse(transcript_page).xpath('//p[contains(@class, "passage-topics")]')


# Speaker and topic pages ---------------------------------------------------------------------


def test_every_speaker_and_topic_has_its_page(export: dict[str, Any], site: Path) -> None:
    for speaker in export["speakers"]:
        page = page_file(site, f"speakers/{speaker['id']}/")
        assert page is not None, speaker["id"]
        assert heading_text(content(page).xpath(".//h1")[0]) == speaker["name"]
    for topic in export["topics"]:
        page = page_file(site, f"topics/{topic['id']}/")
        assert page is not None, topic["id"]
        assert heading_text(content(page).xpath(".//h1")[0]) == topic["title"]


def test_each_speaker_page_links_to_exactly_their_paragraphs(export: dict[str, Any], site: Path, transcript_page: Path) -> None:
    for speaker in export["speakers"]:
        page = page_file(site, f"speakers/{speaker['id']}/")
        assert page is not None
        theirs = {p["id"] for t in export["turns"] if t["speaker"] == speaker["id"] for p in t["paragraphs"]}
        linked = {
            fragment for target, fragment in targets(site, page, content(page)) if target == transcript_page and fragment.startswith("p")
        }
        assert linked == theirs, speaker["id"]


def test_speakers_index_groups_everyone_by_kind(export: dict[str, Any], site: Path) -> None:
    index = page_file(site, "speakers/")
    assert index is not None
    groups: dict[str, set[Path | None]] = {}
    for heading in content(index).xpath(".//h2"):
        table = heading.getnext()
        groups[heading_text(heading)] = {t for t, _ in targets(site, index, table)}
    titles = {"moderator": "Moderators", "official": "Officials", "guest": "Guests", "outlet": "News outlets"}
    for speaker in export["speakers"]:
        assert page_file(site, f"speakers/{speaker['id']}/") in groups[titles[speaker["kind"]]]


def test_topic_pages_reach_every_passage_of_their_topic(export: dict[str, Any], site: Path, transcript_page: Path) -> None:
    tagged: dict[str, set[str]] = {}
    turn_of = {p["id"]: t["id"] for t in export["turns"] for p in t["paragraphs"]}
    for turn in export["turns"]:
        for topic in turn["topics"]:
            tagged.setdefault(topic, set()).add(turn["id"])
        for paragraph in turn["paragraphs"]:
            for topic in paragraph["topics"]:
                tagged.setdefault(topic, set()).add(paragraph["id"])
    for note in export["annotations"]:
        for topic in note["topics"]:
            tagged.setdefault(topic, set()).add(note["paragraph"])
    for topic, passages in tagged.items():
        page = page_file(site, f"topics/{topic}/")
        assert page is not None
        linked = {f for t, f in targets(site, page, content(page)) if t == transcript_page}
        missing = {p for p in passages if p not in linked and turn_of.get(p) not in linked}
        assert missing == set(), topic


@pytest.mark.parametrize("one, other", [("topics", "speakers"), ("speakers", "topics")])
def test_topics_and_speakers_link_both_ways(export: dict[str, Any], site: Path, one: str, other: str) -> None:
    pages = {page_file(site, f"{one}/{item['id']}/") for item in export[one]}
    pairs = 0
    for page in pages:
        assert page is not None
        for target, _ in targets(site, page, content(page)):
            if target is not None and target.parent.parent.name == other and target.parent.name != other:
                back = {t for t, _ in targets(site, target, content(target))}
                assert page in back, f"{target} does not link back to {page}"
                pairs += 1
    assert pairs > 10


def question_cards(site: Path) -> tuple[Path, list[lxml.html.HtmlElement]]:
    page = page_file(site, "questions/")
    assert page is not None
    return page, content(page).xpath('.//div[contains(concat(" ", @class, " "), " question-card ")]')


def test_question_cards_link_each_question_and_its_answerers(export: dict[str, Any], site: Path, transcript_page: Path) -> None:
    page, cards = question_cards(site)
    assert len(cards) == len(export["questions"])
    for card, question in zip(cards, export["questions"]):
        assert heading_text(card.xpath("./h3")[0]) == f"Q{question['number']} · {question['subject']}"
        read = card.xpath('.//a[contains(@class, "question-card__read")]')
        assert [follow(site, page, str(a.get("href"))) for a in read] == [(transcript_page, question["id"])]
        assert read[0].text_content() == f"Read Q{question['number']} in the transcript"
        people = {t for t, _ in targets(site, page, card) if t is not None and t.parent.parent.name == "speakers"}
        answerers = {page_file(site, f"speakers/{s}/") for s in question["answered_by"]}
        assert people == answerers | {page_file(site, f"speakers/{question['asked_by']}/")}
        for answerer in answerers:  # and back: the answerer's profile links to the question
            assert answerer is not None
            assert (transcript_page, question["id"]) in targets(site, answerer, content(answerer))


# Every page's head ---------------------------------------------------------------------------


def test_every_generated_page_has_its_own_title_and_description(built_project: Path, site: Path) -> None:
    generated = json.loads((built_project / "docs" / ".generated.json").read_text(encoding="utf-8"))
    pages = [p for p in generated if p.endswith(".md")] + ["performance.md"]
    titles: dict[str, str] = {}
    for source in pages:
        url = re.sub(r"(index)?\.md$", "", source)
        page = page_file(site, url if url in ("",) or url.endswith("/") else url + "/")
        assert page is not None, source
        head = parse(page).head
        title = str(head.findtext("title")).strip()
        name, _, site_name = title.rpartition(" - ")
        assert name and name != site_name, f"{source}: <title>{title}</title>"
        assert title not in titles, f"{source} and {titles.get(title)} share <title>{title}</title>"
        titles[title] = source
        description = head.xpath('string(meta[@name="description"]/@content)').strip()
        assert len(description) > 20, f"{source}: no description of its own"


# A reader's path -----------------------------------------------------------------------------


def test_reader_goes_from_the_questions_page_to_an_answer_its_speaker_a_topic_and_back(export: dict[str, Any], site: Path) -> None:
    """Q6's card → the question in the transcript → the answer → the answerer's profile →
    a topic of theirs → the same passage again, by following hrefs only."""
    table, cards = question_cards(site)
    card = next(c for c in cards if heading_text(c.xpath("./h3")[0]).startswith("Q6 · "))
    transcript, fragment = follow(site, table, card.xpath('.//a[contains(@class, "question-card__read")]/@href')[0])
    assert transcript is not None
    heading = by_id(transcript, fragment)
    assert heading.text_content().startswith("Q6")

    answer = heading.xpath('following::div[contains(@class, "turn-answer")][1]')[0]
    question = next(q for q in export["questions"] if q["number"] == 6)
    assert answer.get("id") in question["turns"], "the first answer after Q6 belongs to Q6"

    profile, _ = follow(site, transcript, answer.xpath('./p[contains(@class, "speaker")]//a/@href')[0])
    assert profile is not None and profile.parent.name in question["answered_by"]

    answer_passages = {answer.get("id")} | {str(i) for i in answer.xpath('./p[contains(@class, "para")]/@id')}
    topics_section = content(profile).xpath('.//h2[@id="topics"]/following-sibling::p[1]')[0]
    for topic_href in hrefs(topics_section):
        topic_page, _ = follow(site, profile, topic_href)
        assert topic_page is not None
        for passage_href in hrefs(content(topic_page)):
            back, passage = follow(site, topic_page, passage_href)
            if back == transcript and passage in answer_passages:
                assert by_id(back, passage) is not None
                return
    pytest.fail("no topic of the answerer's profile leads back to the answer to Q6")


# Theme: edit links and search ---------------------------------------------------------------


def edit_and_view(page: Path) -> tuple[list[str], list[str]]:
    buttons = parse(page).xpath('//a[contains(@class, "md-content__button")]')
    edit = [str(b.get("href")) for b in buttons if b.get("rel") == "edit"]
    return edit, [str(b.get("href")) for b in buttons if b.get("rel") != "edit"]


@pytest.mark.parametrize(
    "url, edited, viewed",
    [
        ("speakers/xinhua/", "data/speakers.yml", "data/speakers.yml"),
        ("speakers/", "data/speakers.yml", "data/speakers.yml"),
        ("topics/mosques/", "data/topics.yml", "data/topics.yml"),
        (TRANSCRIPT_URL, f"data/transcripts/{SEED}/edition.yml", f"data/transcripts/{SEED}/transcript.txt"),
        ("about/", "data/about.md", "data/about.md"),
    ],
)
def test_edit_links_open_the_data_file_behind_the_page(site: Path, built_project: Path, url: str, edited: str, viewed: str) -> None:
    page = page_file(site, url)
    assert page is not None
    edit, view = edit_and_view(page)
    assert edit == [f"https://github.com/annotated-editions/transcripts/edit/main/{edited}"]
    assert view == [f"https://github.com/annotated-editions/transcripts/blob/main/{viewed}"]
    assert (built_project / edited).is_file() and (built_project / viewed).is_file()


def test_pages_assembled_from_many_files_offer_no_edit_link(site: Path) -> None:
    """An edit link to a generated page would open a file that is not in the repository."""
    for url in ("", "questions/", "transcripts/"):
        page = page_file(site, url)
        assert page is not None
        assert edit_and_view(page) == ([], []), url


def test_search_finds_transcript_words_and_lands_in_their_question(export: dict[str, Any], site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    question = next(q for q in export["questions"] if q["number"] == 6)
    answer = next(t for t in export["turns"] if t["id"] == question["turns"][-1])
    words = answer["paragraphs"][0]["text"][:60]
    hits = [d["location"] for d in index["docs"] if words in lxml.html.fromstring(f"<div>{d['text']}</div>").text_content()]
    assert f"{TRANSCRIPT_URL}#{question['id']}" in hits


def test_search_shows_a_question_by_its_subject(export: dict[str, Any], site: Path) -> None:
    """A hit in a question's section is shown under the section's heading: its subject, not its asker."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {d["location"]: d["title"] for d in index["docs"]}
    for question in export["questions"]:
        assert titles[f"{TRANSCRIPT_URL}#{question['id']}"] == f"Q{question['number']} · {question['subject']}"
    forced = next(q for q in export["questions"] if q["number"] == 9)
    assert forced["subject"] == "Forced labour"


def test_the_annotations_listing_stays_out_of_search(site: Path) -> None:
    """Notes are searched where they stand, beside the words they explain; the listing would double them."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert not [loc for loc in locations if loc.startswith("annotations/")]
    assert any(loc.startswith("transcripts/xinjiang-2020-06-19/") for loc in locations)
