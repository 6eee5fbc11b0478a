"""A topic page's evidence table filtered by kind (docs/assets/evidence-filter.js): ticking a kind off hides its
notes and says how many are shown, on a phone (by touch) and on a desktop; without JavaScript every note is listed
and no control that could do nothing is shown."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .conftest import MOBILE, browsing_context
from .pages import open_page

pytestmark = pytest.mark.browser

TOPIC = "topics/forced-labour/"
NOTES = ".md-content .evidence"
VISIBLE_KINDS = (
    "() => [...document.querySelectorAll('.md-content .evidence')].filter(e => !e.hidden && e.offsetHeight).map(e => e.dataset.kind)"
)
SMALL = """
() => [...document.querySelectorAll('.evidence-filter label, a.evidence-csv')]
    .map(el => el.getBoundingClientRect()).filter(r => r.height < 24 - 0.5 || r.width < 24 - 0.5).length
"""


def test_unticking_a_kind_hides_its_notes_and_ticking_shows_them(device_page: tuple[str, Any], base_url: str, artifacts: Path) -> None:
    device, tab = device_page
    open_page(tab, base_url + TOPIC)
    every = tab.evaluate(VISIBLE_KINDS)
    assert every[0] == "claim" and "claim" in every and len(set(every)) > 1  # claims first, and other kinds
    claims = tab.locator(".evidence-filter label", has=tab.locator("input[data-evidence-kind='claim']"))
    claims.scroll_into_view_if_needed()
    assert tab.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth") == 0
    assert tab.evaluate(SMALL) == 0  # each choice (its whole label) and the CSV link: at least 24×24 px
    claims.tap() if device == "phone" else claims.click()
    assert "claim" not in tab.evaluate(VISIBLE_KINDS)
    assert tab.evaluate(VISIBLE_KINDS) == [k for k in every if k != "claim"]
    status = tab.locator(".evidence-filter__status")
    assert status.inner_text() == f"Showing {len(every) - every.count('claim')} of {len(every)} notes."
    tab.screenshot(path=str(artifacts / f"topic-evidence-filtered-{device}.png"))
    claims.tap() if device == "phone" else claims.click()
    assert tab.evaluate(VISIBLE_KINDS) == every
    assert status.inner_text() == ""


def test_the_keyboard_works_the_filter(page: Any, base_url: str) -> None:
    open_page(page, base_url + TOPIC)
    box = page.locator("input[data-evidence-kind='context']")
    box.focus()
    page.keyboard.press("Space")
    assert not box.is_checked()
    assert "context" not in page.evaluate(VISIBLE_KINDS)


def test_without_javascript_every_note_is_listed_and_no_filter_shown(browser: Any, base_url: str) -> None:
    with browsing_context(browser, viewport=MOBILE, java_script_enabled=False) as context:
        tab = context.new_page()
        tab.goto(base_url + TOPIC)
        assert tab.locator(".evidence-filter").is_hidden()
        notes = tab.locator(NOTES)
        assert notes.count() >= 5
        assert all(notes.nth(i).is_visible() for i in range(notes.count()))
        assert tab.locator("a.evidence-csv").is_visible()
