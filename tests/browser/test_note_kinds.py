"""Kinds of note told apart without colour (WCAG 1.4.1): every note number carries its kind's mark, a legend says
which mark is which, and paper shows the same marks (issue 20, ask 3)."""

from __future__ import annotations

from typing import Any

import pytest

from build_scripts.render.annotations import KIND_MARKS

from .conftest import browsing_context
from .pages import TRANSCRIPT, open_page

pytestmark = pytest.mark.browser

# Each marker in the text: the kind it names, the mark drawn before its number, the kind of the note it leads to,
# and whether it is drawn at all.
MARKERS = """
() => [...document.querySelectorAll('.para sup[id^="fnref"]')].map(sup => {
    const a = sup.querySelector('a.footnote-ref');
    const note = document.getElementById(decodeURIComponent(a.hash.slice(1)));
    const r = a.getBoundingClientRect();
    return { kind: sup.dataset.noteKind, mark: getComputedStyle(a, '::before').content.replace(/^"|"$/g, ''),
             note: note.querySelector('.note-head').dataset.noteKind, shown: r.width > 0 && r.height > 0 };
})
"""

# The legend's marks: kind → the letter it shows.
LEGEND = """
sel => Object.fromEntries([...document.querySelectorAll(sel + ' .kind-mark')].filter(m => m.getClientRects().length)
    .map(m => [m.dataset.noteKind, m.textContent.trim()]))
"""


def assert_every_marker_shows_its_kind(page: Any) -> None:
    markers = page.evaluate(MARKERS)
    assert len(markers) > 20
    wrong = [m for m in markers if not m["shown"] or m["kind"] != m["note"] or m["mark"] != KIND_MARKS[m["kind"]]]
    assert not wrong, wrong[:5]
    assert len({m["mark"] for m in markers}) >= 3, "the page's notes are of several kinds, with as many marks"


def test_every_note_number_carries_the_mark_of_its_kind_and_the_controls_show_the_legend(
    device_page: tuple[str, Any], base_url: str
) -> None:
    tab = device_page[1]
    open_page(tab, base_url + TRANSCRIPT)
    assert_every_marker_shows_its_kind(tab)
    kinds_on_page = {m["kind"] for m in tab.evaluate(MARKERS)}
    # With JavaScript, the controls are the legend: each kind's checkbox shows its mark beside its name.
    assert tab.evaluate(LEGEND, ".note-filter") == {kind: KIND_MARKS[kind] for kind in kinds_on_page}
    assert tab.locator(".note-legend").is_hidden()
    # A note's own heading carries the same mark as its number.
    head = tab.locator(".footnote li .note-head").first
    kind = head.get_attribute("data-note-kind")
    assert head.evaluate("h => getComputedStyle(h, '::before').content") == f'"{KIND_MARKS[kind]}"'


def test_without_javascript_the_legend_is_a_line_of_text(browser: Any, base_url: str) -> None:
    with browsing_context(browser, java_script_enabled=False) as context:
        page = context.new_page()
        page.goto(base_url + TRANSCRIPT)
        assert page.locator(".note-filter").is_hidden()
        assert page.locator(".note-legend").is_visible()
        kinds_on_page = set(page.locator(".para sup[data-note-kind]").evaluate_all("sups => sups.map(s => s.dataset.noteKind)"))
        assert len(kinds_on_page) >= 3
        assert page.evaluate(LEGEND, ".note-legend") == {kind: KIND_MARKS[kind] for kind in kinds_on_page}
        assert_every_marker_shows_its_kind(page)


def test_paper_shows_the_marks_and_the_legend(page: Any, base_url: str) -> None:
    open_page(page, base_url + TRANSCRIPT)
    page.emulate_media(media="print")
    assert_every_marker_shows_its_kind(page)
    assert page.locator(".note-filter").is_hidden()
    legend = page.locator(".note-legend")
    assert legend.is_visible()
    kinds_on_page = {m["kind"] for m in page.evaluate(MARKERS)}
    assert page.evaluate(LEGEND, ".note-legend") == {kind: KIND_MARKS[kind] for kind in kinds_on_page}
