"""Questions by subject: the Questions page as cards that fit a 390 px phone, each question named by the subject the
editors wrote in edition.yml, there and in the transcript's headings and the phone's list of questions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .pages import QUESTIONS, TRANSCRIPT, open_page, visible_box

pytestmark = pytest.mark.browser

CARD = ".question-card"
OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
SMALL = """
sel => [...document.querySelectorAll(sel)].map(el => el.getBoundingClientRect())
    .filter(r => r.width < 24 - 0.5 || r.height < 24 - 0.5).length
"""


def test_the_questions_page_fits_the_screen_and_reads_by_subject(device_page: tuple[str, Any], base_url: str, artifacts: Path) -> None:
    device, tab = device_page
    open_page(tab, base_url + QUESTIONS)
    tab.screenshot(path=str(artifacts / f"questions-page-{device}.png"))
    assert tab.evaluate(OVERFLOW) == 0  # no sideways scrolling: the old table ran off a phone's screen
    cards = tab.locator(CARD)
    assert cards.count() >= 10
    ninth = cards.filter(has_text="Q9 · Forced labour")
    assert ninth.count() == 1
    boxes = [cards.nth(i).bounding_box() for i in range(2)]
    side_by_side = abs(boxes[0]["y"] - boxes[1]["y"]) < 1
    assert side_by_side == (device == "desktop")  # one column on a phone, two on a wide screen
    for i in range(cards.count()):
        box = cards.nth(i).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= tab.viewport_size["width"]
    assert tab.evaluate(SMALL, ".question-card__read") == 0  # every "Read" control at least 24×24 px


def test_on_a_phone_a_card_leads_to_its_question_named_by_subject(mobile_page: Any, base_url: str) -> None:
    tab = open_page(mobile_page, base_url + QUESTIONS)
    read = tab.locator(CARD).filter(has_text="Q9 · Forced labour").locator(".question-card__read")
    read.scroll_into_view_if_needed()
    read.tap()
    tab.wait_for_function("() => location.hash === '#q9'")
    tab.wait_for_timeout(300)
    heading = tab.locator("#q9")
    assert visible_box(tab, heading)
    assert heading.evaluate("h => h.firstChild.textContent.trim()") == "Q9 · Forced labour"
    assert tab.locator(".reading-bar__question").inner_text() == "Q9 · Forced labour"  # the bar names where it landed


def test_the_phones_list_of_questions_names_each_by_subject(mobile_page: Any, base_url: str) -> None:
    tab = open_page(mobile_page, base_url + TRANSCRIPT)
    tab.locator(".md-header label[for='__drawer']").tap()
    listed = tab.locator(".md-nav--primary .page-toc-in-drawer a.md-nav__link")
    listed.first.wait_for(state="visible")
    names = [" ".join(t.split()) for t in listed.all_inner_texts()]
    assert "Q9 · Forced labour" in names
    assert "Q7 · Demolition of mosques" in names
    heads = tab.locator("h2[id^='q']").evaluate_all("hs => hs.map(h => h.firstChild.textContent.trim())")
    assert [n for n in names if n.startswith("Q")] == heads  # the same words as the headings, in order
