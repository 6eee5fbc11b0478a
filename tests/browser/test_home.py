"""The home page orients in ten seconds: on a phone's first screen, what the event was, when, who spoke and who
asked (the editors' summary) and a "Start reading" action that opens the transcript."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .pages import TRANSCRIPT, open_page

pytestmark = pytest.mark.browser

SUMMARY = ".home-summary"
START = "a.start-reading"


def test_the_summary_and_start_reading_are_on_the_first_screen_and_start_reading_works(
    device_page: tuple[str, Any], base_url: str, artifacts: Path
) -> None:
    device, tab = device_page
    open_page(tab, base_url)
    tab.screenshot(path=str(artifacts / f"home-{device}.png"))
    height = tab.viewport_size["height"]
    assert tab.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth") == 0
    summary = tab.locator(SUMMARY).first.bounding_box()
    start = tab.locator(START).first
    button = start.bounding_box()
    assert summary["y"] >= 0 and button["y"] + button["height"] <= height  # no scrolling needed to read and start
    assert button["width"] >= 24 and button["height"] >= 24
    assert start.inner_text().strip() == "Start reading"
    if device == "phone":
        start.tap()
    else:
        start.click()
    tab.wait_for_url(f"**/{TRANSCRIPT}")
    tab.wait_for_function("() => document.querySelector('h2#q1') !== null")
    assert tab.locator("h1").first.is_visible()
