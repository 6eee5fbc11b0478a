"""Keyboard-only reading: Tab reaches every annotated phrase (the control that opens its note) and every paragraph's
permalink, each with a visible focus ring."""

from __future__ import annotations

from typing import Any

import pytest

from .pages import TRANSCRIPT, open_page

pytestmark = pytest.mark.browser

# Every annotated phrase and paragraph permalink gets a number; a focusin listener records, for each one reached by Tab,
# the focus ring and opacity the browser computes at that moment.
RECORD_FOCUS = """
() => {
    const targets = [...document.querySelectorAll('.md-content mark.annotated[role="button"], .md-content .para a.permalink')];
    targets.forEach((el, i) => el.dataset.tabTarget = String(i));
    window.__focused = {};
    document.addEventListener('focusin', event => {
        const el = event.target;
        if (el.dataset.tabTarget === undefined) return;
        const style = getComputedStyle(el);
        window.__focused[el.dataset.tabTarget] = {
            label: el.getAttribute('aria-label') || el.textContent,
            outline: style.outlineStyle, width: parseFloat(style.outlineWidth), opacity: parseFloat(style.opacity),
        };
    });
    return targets.length;
}
"""


def test_tab_reaches_every_annotated_phrase_and_permalink_with_a_visible_focus_ring(page: Any, base_url: str) -> None:
    open_page(page, base_url + TRANSCRIPT)
    total = page.evaluate(RECORD_FOCUS)
    assert total > 100

    # Start at the page title, as after "Skip to content": the header and menus come before it in Tab order.
    page.locator(".md-content h1").evaluate("h1 => { h1.tabIndex = -1; h1.focus(); }")
    last = str(total - 1)
    for _ in range(80):  # bounded: at most 80 × 25 presses
        for _ in range(25):
            page.keyboard.press("Tab")
        if page.evaluate(f"() => '{last}' in window.__focused"):
            break
    focused: dict[str, dict[str, Any]] = page.evaluate("() => window.__focused")

    missed = [i for i in range(total) if str(i) not in focused]
    assert not missed, f"{len(missed)} of {total} annotated phrases/permalinks never receive keyboard focus"
    no_ring = [f["label"] for f in focused.values() if f["outline"] == "none" or f["width"] <= 0]
    assert not no_ring, f"no visible focus ring on: {no_ring[:5]}"
    invisible = [f["label"] for f in focused.values() if f["opacity"] < 1]
    assert not invisible, f"focused but transparent: {invisible[:5]}"
