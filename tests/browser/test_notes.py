"""docs/assets/notes.js: the annotated words are the control. A tap, a click, Enter or Space opens the note just under
its paragraph (a sheet on a phone), starting with the words it annotates and offering "Back to ¶N"; closing returns
focus to the words. Every control of the page is at least 24×24 px (WCAG 2.5.8)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .pages import TRANSCRIPT, open_page, visible_box

pytestmark = pytest.mark.browser

PANEL = ".note-panel"
WORDS = "mark.annotated[role='button']"


def words_of(mark: Any) -> str:
    return " ".join(str(mark.inner_text()).split())


def head_of(page: Any) -> str:
    return " ".join(str(page.locator(f"{PANEL} .note-head").first.inner_text()).split())


def test_a_tap_on_the_words_opens_the_note_as_a_sheet_and_back_returns(mobile_page: Any, base_url: str, artifacts: Path) -> None:
    page = open_page(mobile_page, base_url + TRANSCRIPT)
    mark = page.locator(f"#p8 {WORDS}").first
    number = "8"
    mark.scroll_into_view_if_needed()
    mark.tap()
    panel = page.locator(PANEL)
    panel.wait_for(state="visible")
    page.screenshot(path=str(artifacts / "note-sheet-phone.png"))
    assert panel.evaluate("el => getComputedStyle(el).position") == "fixed"  # a sheet over the screen's foot
    assert panel.evaluate("el => el.previousElementSibling.id") == "p" + number  # just under its paragraph
    assert words_of(mark) in head_of(page)  # the note starts with the words it annotates
    assert mark.get_attribute("aria-expanded") == "true"
    assert panel.evaluate("el => el.contains(document.activeElement)")
    # The words stay in view above the sheet.
    sheet_top = panel.bounding_box()["y"]
    box = mark.bounding_box()
    assert visible_box(page, mark) and box["y"] + box["height"] <= sheet_top, (box, sheet_top)

    back = panel.locator(".note-panel__back")
    assert back.inner_text().strip() == f"Back to ¶{number}"
    back.tap()
    panel.wait_for(state="detached")
    assert mark.evaluate("el => el === document.activeElement")
    assert mark.get_attribute("aria-expanded") == "false"


def test_a_long_note_on_a_phone_says_there_is_more_until_the_end(mobile_page: Any, base_url: str) -> None:
    page = open_page(mobile_page, base_url + TRANSCRIPT)
    marks = page.locator(WORDS)
    for i in range(marks.count()):
        marks.nth(i).scroll_into_view_if_needed()
        marks.nth(i).tap()
        panel = page.locator(PANEL)
        panel.wait_for(state="visible")
        if panel.evaluate("el => el.scrollHeight > el.clientHeight + 40"):
            break
        panel.locator(".note-panel__close").tap()
    else:
        pytest.fail("no note is taller than the sheet: the cue is untested")
    cue = panel.locator(".note-panel__more")
    assert cue.is_visible() and "More below" in cue.inner_text()
    panel.evaluate("el => { el.scrollTop = el.scrollHeight; el.dispatchEvent(new Event('scroll')); }")
    cue.wait_for(state="hidden")


def test_on_a_desktop_the_note_opens_whole_under_its_paragraph_and_escape_returns_focus(page: Any, base_url: str, artifacts: Path) -> None:
    open_page(page, base_url + TRANSCRIPT)
    mark = page.locator(f"#p8 {WORDS}").first
    mark.focus()
    page.keyboard.press("Enter")
    panel = page.locator(PANEL)
    panel.wait_for(state="visible")
    page.screenshot(path=str(artifacts / "note-desktop.png"))
    assert panel.evaluate("el => getComputedStyle(el).position") == "static"
    assert panel.evaluate("el => el.previousElementSibling.id") == "p8"
    assert words_of(mark) in head_of(page)
    # Nothing of the note is hidden in a scroll box, and it covers neither the words nor the speaker line.
    assert panel.evaluate("el => el.scrollHeight <= el.clientHeight + 1")
    speaker = page.locator("#p8").evaluate("p => p.closest('.turn').querySelector('.speaker').getBoundingClientRect().bottom")
    paragraph_bottom = page.locator("#p8").evaluate("p => p.getBoundingClientRect().bottom")
    top = panel.bounding_box()["y"]
    assert top >= paragraph_bottom - 1 and top > speaker
    page.keyboard.press("Escape")
    panel.wait_for(state="detached")
    assert mark.evaluate("el => el === document.activeElement")

    # Space opens it too; a click on the numbered marker opens the same note in place, not at the page end.
    mark.focus()
    page.keyboard.press(" ")
    panel.wait_for(state="visible")
    page.locator(".note-panel__close").click()
    panel.wait_for(state="detached")
    before = page.evaluate("location.hash")
    page.locator("#p8 sup[id^='fnref'] a").first.click()
    panel.wait_for(state="visible")
    assert page.evaluate("location.hash") == before


SMALL_TARGETS = """
() => [...document.querySelectorAll(`.md-header .md-header__button,
        .md-content mark[role=button], .md-content sup a, .md-content a.permalink, .md-content button,
        .md-content summary, .md-content .topic-labels a, .note-panel a.annotation-permalink`)]
    .filter(el => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden')
    .map(el => { const r = el.getBoundingClientRect();
                 return [el.tagName + '.' + el.className + ' ' + el.textContent.trim().slice(0, 30), r.width, r.height]; })
    .filter(([, w, h]) => w < 24 - 0.5 || h < 24 - 0.5)
"""


def test_every_control_is_at_least_24_px_square(device_page: tuple[str, Any], base_url: str) -> None:
    tab = device_page[1]
    open_page(tab, base_url + TRANSCRIPT)
    mark = tab.locator(f"#p8 {WORDS}").first
    mark.scroll_into_view_if_needed()
    mark.click()
    tab.locator(PANEL).wait_for(state="visible")
    counted = tab.evaluate("() => document.querySelectorAll('.md-content mark[role=button], .md-content a.permalink').length")
    assert counted > 100
    assert tab.evaluate(SMALL_TARGETS) == []
