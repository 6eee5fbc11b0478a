"""Every way into a passage lands on it: a paragraph's permalink, a search hit, a speaker page, a topic page."""

from __future__ import annotations

from typing import Any

import pytest

from .pages import SPEAKER, TOPIC, TRANSCRIPT, open_page, speaker_in_view, start_in_view, visible_box

pytestmark = pytest.mark.browser


def assert_lands_on(page: Any, passage_id: str) -> None:
    """The passage (a paragraph, or a whole turn) is the URL's target, visibly highlighted, and in view as a reader
    needs it: its start just below the fixed header (a long paragraph may run on below the window), and who speaks
    it, by its speaker line or the reading bar."""
    page.wait_for_function(f"() => location.hash === '#{passage_id}'")
    passage = page.locator(f"[id='{passage_id}']")
    page.wait_for_function(f"() => document.getElementById('{passage_id}').classList.contains('is-target')")
    start = passage if passage_id.startswith("p") else passage.locator(".para").first
    # Scrolling settles within a moment (smooth scrolling, late layout); give it up to two seconds.
    for _ in range(20):
        if start_in_view(page, start) and speaker_in_view(page, start):
            break
        page.wait_for_timeout(100)
    assert start_in_view(page, start), f"the start of #{passage_id} is not in view"
    assert speaker_in_view(page, start), f"the speaker of #{passage_id} is not in view"
    style = passage.evaluate("el => { const s = getComputedStyle(el); return [s.outlineStyle, s.backgroundColor]; }")
    assert style[0] != "none", f"#{passage_id} is not outlined: {style}"
    assert style[1] not in ("rgba(0, 0, 0, 0)", "transparent"), f"#{passage_id} has no highlight: {style}"


def test_a_paragraph_permalink_gives_its_url_and_opening_it_shows_the_paragraph(context: Any, page: Any, base_url: str) -> None:
    open_page(page, base_url + TRANSCRIPT)
    paragraph = page.locator(".para").nth(40)
    paragraph_id = paragraph.get_attribute("id")
    assert paragraph_id
    control = paragraph.locator("a.permalink")
    assert control.get_attribute("aria-label")

    url = control.evaluate("a => a.href")
    assert url == f"{base_url}{TRANSCRIPT}#{paragraph_id}"
    control.click()
    assert page.url == url
    assert_lands_on(page, paragraph_id)

    # Someone opening the shared link lands on the paragraph too.
    other = context.new_page()
    other.goto(url)
    assert_lands_on(other, paragraph_id)


def test_a_search_for_a_word_only_in_the_transcript_opens_it_at_the_passage(page: Any, base_url: str) -> None:
    open_page(page, base_url)
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("projection")
    hit = page.locator(".md-search-result__link", has_text="projection").first
    hit.wait_for(state="visible", timeout=10_000)
    assert "/transcripts/" in hit.evaluate("a => a.href")

    hit.click()
    page.wait_for_url(f"{base_url}{TRANSCRIPT}**")
    marked = page.locator(".para mark[data-md-highlight]", has_text="projection").first
    marked.wait_for(timeout=5000)
    page.wait_for_timeout(300)
    passage = marked.locator("xpath=ancestor::*[contains(concat(' ', @class, ' '), ' para ')][1]")
    assert visible_box(page, marked), "the words that matched are not in view"
    assert speaker_in_view(page, passage), "the speaker of the passage that matched is not in view"


@pytest.mark.parametrize("start", [SPEAKER, TOPIC], ids=["speaker", "topic"])
def test_a_passage_link_lands_on_the_passage(page: Any, base_url: str, start: str) -> None:
    open_page(page, base_url + start)
    # Passage links point at a paragraph (#p12) or at a whole turn (#t5).
    targets = page.evaluate(
        """() => [...document.querySelectorAll('.md-content a[href*="/transcripts/"]')]
                 .map((a, i) => [i, new URL(a.href).hash.slice(1)]).filter(([, id]) => /^[pt]\\d+$/.test(id))"""
    )
    assert len(targets) >= 2
    index, passage_id = targets[-1]  # the last passage listed: furthest down the transcript
    page.locator(".md-content a[href*='/transcripts/']").nth(index).click()
    page.wait_for_url(f"{base_url}{TRANSCRIPT}#{passage_id}")
    assert_lands_on(page, passage_id)
