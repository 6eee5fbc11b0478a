"""What the transcript page leaves undone until the reader needs it (issue 20, ask 12; docs/assets/edition.css):
endnotes out of view are not laid out or painted, yet every one is there the moment the reader scrolls or follows a
link to it, and all of them print. The last note is always rendered (see the CSS for why)."""

from __future__ import annotations

from typing import Any

import pytest

from .pages import TRANSCRIPT, open_page, visible_box

pytestmark = pytest.mark.browser

# For each endnote: is its content rendered (not skipped by content-visibility)?
RENDERED = """() => [...document.querySelectorAll('.footnote > ol > li')]
    .map(li => li.firstElementChild.checkVisibility({contentVisibilityAuto: true}))"""

TWO_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def test_endnotes_out_of_view_are_skipped_and_the_last_is_not(mobile_page: Any, base_url: str) -> None:
    open_page(mobile_page, base_url + TRANSCRIPT)
    mobile_page.evaluate(TWO_FRAMES)  # what is skipped is decided at a rendering step
    rendered = mobile_page.evaluate(RENDERED)
    assert len(rendered) > 10
    assert not any(rendered[:-1]), "endnotes far below the first screen are laid out as the page loads"
    assert rendered[-1], "the last endnote must be rendered: skipped, its text could overflow onto the footer"


def test_a_link_to_a_note_lands_on_it_rendered(mobile_page: Any, base_url: str) -> None:
    open_page(mobile_page, base_url + TRANSCRIPT)
    note = mobile_page.evaluate("() => document.querySelectorAll('.footnote > ol > li')[40].id")
    mobile_page.goto(base_url + TRANSCRIPT + "#" + note)
    target = mobile_page.locator(f"[id='{note}']")
    mobile_page.wait_for_function(
        "id => document.getElementById(id).firstElementChild.checkVisibility({contentVisibilityAuto: true})", arg=note
    )
    assert target.evaluate("li => li.innerText.length") > 100  # its text is laid out, not an empty placeholder
    assert target.evaluate("li => li.getBoundingClientRect().top") < mobile_page.viewport_size["height"]


def test_scrolling_to_a_note_renders_it(mobile_page: Any, base_url: str) -> None:
    open_page(mobile_page, base_url + TRANSCRIPT)
    head = mobile_page.locator(".footnote > ol > li").nth(20).locator(".note-head")
    head.scroll_into_view_if_needed()
    mobile_page.wait_for_function(
        "() => document.querySelectorAll('.footnote > ol > li')[20].firstElementChild.checkVisibility({contentVisibilityAuto: true})"
    )
    assert visible_box(mobile_page, head)


def test_every_endnote_prints(page: Any, base_url: str) -> None:
    open_page(page, base_url + TRANSCRIPT)
    page.emulate_media(media="print")
    # Chrome lifts the skipping at its next rendering step, not at once: wait for it (30 s, then the test fails).
    page.wait_for_function(f"() => ({RENDERED})().every(Boolean)")
    rendered = page.evaluate(RENDERED)
    assert len(rendered) > 10 and all(rendered)
