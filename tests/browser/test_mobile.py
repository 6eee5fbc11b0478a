"""A phone (390×844): the transcript never scrolls sideways, notes are readable, and the menu drawer works."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .pages import TRANSCRIPT, open_page, visible_box

pytestmark = pytest.mark.browser

OVERFLOWING = """
() => [...document.querySelectorAll('.md-main *')]
    .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
    .slice(0, 5).map(el => el.tagName.toLowerCase() + '.' + el.className + ': ' + el.textContent.slice(0, 60))
"""


def test_the_transcript_has_no_horizontal_scroll(mobile_page: Any, base_url: str, artifacts: Path) -> None:
    page = open_page(mobile_page, base_url + TRANSCRIPT)
    page.screenshot(path=str(artifacts / "transcript-mobile.png"))
    width = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width[0] <= width[1], f"page is {width[0]}px wide in a {width[1]}px viewport"
    assert page.evaluate(OVERFLOWING) == []


def test_a_note_is_readable_on_a_phone(mobile_page: Any, base_url: str) -> None:
    page = open_page(mobile_page, base_url + TRANSCRIPT)
    words = page.locator("mark.annotated[role='button']").nth(5)
    words.scroll_into_view_if_needed()
    words.tap()
    text = page.locator(".note-panel .note-panel__note > p:not(.note-head)").first
    text.wait_for(state="visible")
    assert visible_box(page, text)
    metrics = text.evaluate(
        """p => { const s = getComputedStyle(p), r = p.getBoundingClientRect();
                  return { size: parseFloat(s.fontSize), line: parseFloat(s.lineHeight) / parseFloat(s.fontSize),
                           left: r.left, right: r.right, viewport: document.documentElement.clientWidth,
                           colour: s.color, hidden: s.visibility }; }"""
    )
    assert metrics["size"] >= 12, metrics
    assert metrics["line"] >= 1.3, metrics
    assert metrics["left"] >= 0 and metrics["right"] <= metrics["viewport"], metrics
    assert metrics["hidden"] == "visible"


def test_paragraph_numbers_are_visible_in_the_margin_on_a_phone(mobile_page: Any, base_url: str) -> None:
    page = open_page(mobile_page, base_url + TRANSCRIPT + "#p62")
    page.wait_for_timeout(300)
    number = page.locator("#p62 a.permalink")
    assert number.inner_text().strip() == "¶62"
    assert visible_box(page, number)
    assert number.evaluate("a => parseFloat(getComputedStyle(a).opacity)") == 1
    # In the margin: left of the paragraph's text, not over it.
    text_left = page.locator("#p62").evaluate("p => p.getBoundingClientRect().left")
    assert number.bounding_box()["x"] + number.bounding_box()["width"] <= text_left + 1


def test_the_navigation_drawer_opens_and_leads_to_a_page(mobile_page: Any, base_url: str) -> None:
    page = open_page(mobile_page, base_url + TRANSCRIPT)
    drawer = page.locator("nav.md-nav--primary").first
    assert not visible_box(page, drawer.locator("a", has_text="Speakers").first)

    page.locator(".md-header label[for='__drawer']").tap()
    speakers = drawer.locator("a.md-nav__link", has_text="Speakers").first
    speakers.wait_for(state="visible")
    page.wait_for_timeout(400)  # the drawer slides in
    box = drawer.bounding_box()
    assert box is not None and box["x"] >= 0 and box["width"] >= 200

    speakers.tap()
    page.wait_for_url(f"{base_url}speakers/")
    assert page.locator(".md-content h1").inner_text().strip() != ""
