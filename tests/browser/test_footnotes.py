"""Annotation markers in the transcript: a tooltip on hover and on keyboard focus, Escape closes it, and the
note at the page end links back to the exact place in the text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .pages import TRANSCRIPT, open_page, visible_box

pytestmark = pytest.mark.browser

TOOLTIP = ".md-tooltip2--active"


def note_text(page: Any, marker: Any) -> str:
    """The first paragraph of the note a marker points to, read from the note list at the page end."""
    note_id = marker.get_attribute("href").split("#", 1)[1]
    return str(page.locator(f"li[id='{note_id}'] > p").first.inner_text()).strip()


def test_hover_on_a_marker_shows_the_note_and_moving_away_hides_it(
        page: Any, base_url: str, artifacts: Path) -> None:
    open_page(page, base_url + TRANSCRIPT)
    marker = page.locator("sup[id^='fnref'] a.footnote-ref").nth(2)
    expected = note_text(page, marker)
    assert len(expected) > 40

    marker.hover()
    tooltip = page.locator(TOOLTIP)
    tooltip.wait_for(state="visible", timeout=3000)
    assert expected[:80] in " ".join(tooltip.inner_text().split())
    page.screenshot(path=str(artifacts / "transcript-desktop.png"))  # the README's picture comes from here

    page.mouse.move(5, 5)
    tooltip.wait_for(state="hidden", timeout=3000)


def test_keyboard_focus_shows_the_note_and_escape_hides_it(page: Any, base_url: str) -> None:
    open_page(page, base_url + TRANSCRIPT)
    markers = page.locator("sup[id^='fnref'] a.footnote-ref")
    first, second = markers.nth(0), markers.nth(1)

    first.focus()
    tooltip = page.locator(TOOLTIP)
    tooltip.wait_for(state="visible", timeout=3000)
    assert note_text(page, first)[:80] in " ".join(tooltip.inner_text().split())

    page.keyboard.press("Escape")
    tooltip.wait_for(state="hidden", timeout=3000)
    # Escape closes the tooltip only: keyboard focus stays where the reader was.
    assert first.evaluate("el => el === document.activeElement")

    # The next marker reached shows its own note again.
    second.focus()
    tooltip.wait_for(state="visible", timeout=3000)
    assert note_text(page, second)[:80] in " ".join(tooltip.inner_text().split())


def test_the_note_links_back_to_the_exact_place_in_the_text(page: Any, base_url: str) -> None:
    open_page(page, base_url + TRANSCRIPT)
    markers = page.locator("sup[id^='fnref'] a.footnote-ref")
    assert markers.count() > 20
    marker = markers.nth(20)  # well down the page, so reaching it needs a real scroll
    sup_id = marker.evaluate("el => el.parentElement.id")
    note_id = marker.get_attribute("href").split("#", 1)[1]

    marker.click()
    page.wait_for_function(f"() => location.hash === '#{note_id}'")
    note = page.locator(f"li[id='{note_id}']")
    page.wait_for_timeout(300)
    assert visible_box(page, note.locator("p").first)
    assert not visible_box(page, page.locator(f"sup[id='{sup_id}']"))

    note.locator("a.footnote-backref").click()
    page.wait_for_function(f"() => location.hash === '#{sup_id}'")
    page.wait_for_timeout(300)
    assert visible_box(page, page.locator(f"sup[id='{sup_id}']"))
