"""Light and dark themes: the toggle works and is remembered; annotated words stay readable in both (WCAG AA)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .pages import SCHEME, SPEAKER, TRANSCRIPT, contrast, open_page, over, parse_colour, toggle_theme

pytestmark = pytest.mark.browser


def test_the_theme_toggle_switches_to_dark_and_the_choice_survives_a_reload(page: Any, base_url: str) -> None:
    open_page(page, base_url + SPEAKER)
    assert page.evaluate(SCHEME) == "default"
    light_background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")

    toggle_theme(page)
    assert page.evaluate(SCHEME) == "slate"
    dark_background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    assert dark_background != light_background

    page.reload()
    open_page(page, page.url)
    assert page.evaluate(SCHEME) == "slate"

    toggle_theme(page)
    page.reload()
    open_page(page, page.url)
    assert page.evaluate(SCHEME) == "default"


def annotation_contrast(page: Any) -> float:
    """Contrast of the first annotated words' text against their tint laid over the page background."""
    colours = page.locator("mark.annotated").first.evaluate(
        """mark => [getComputedStyle(mark).color, getComputedStyle(mark).backgroundColor,
                    getComputedStyle(document.body).backgroundColor]"""
    )
    text, tint, page_background = (parse_colour(c) for c in colours)
    background = over(tint, over(page_background, (255.0, 255.0, 255.0, 1.0)))
    return contrast(over(text, background), background)


def test_annotated_words_meet_wcag_aa_contrast_in_both_themes(page: Any, base_url: str, artifacts: Path) -> None:
    open_page(page, base_url + TRANSCRIPT)
    light = annotation_contrast(page)
    toggle_theme(page)
    dark = annotation_contrast(page)
    page.screenshot(path=str(artifacts / "transcript-dark.png"))
    assert light >= 4.5, f"light theme: annotated text contrast {light:.2f} < 4.5"
    assert dark >= 4.5, f"dark theme: annotated text contrast {dark:.2f} < 4.5"
