"""docs/assets/wayfinding.js and the turn styles: the page's questions in the phone's menu, the current question and
speaker held in a bar under the header, a permalink that lands with its speaker in view, and questions and answers
told apart by a text label and by clearly different colours in both themes."""

from __future__ import annotations

import colorsys
from pathlib import Path
from typing import Any

import pytest

from .pages import TRANSCRIPT, contrast, open_page, over, parse_colour, toggle_theme, visible_box

pytestmark = pytest.mark.browser

BAR = ".reading-bar"
# The longest answer: the reader scrolls to a paragraph deep inside it, far below its speaker line.
DEEP_IN_LONG_TURN = """
() => { const turns = [...document.querySelectorAll('.turn-answer')];
        const turn = turns.sort((a, b) => b.querySelectorAll('.para').length - a.querySelectorAll('.para').length)[0];
        const paras = turn.querySelectorAll('.para'); return paras[paras.length - 1].id; }
"""
SPEAKER_OF = "p => p.closest('.turn').querySelector('.speaker strong').textContent.trim()"
QUESTION_BEFORE = """
p => { const heads = [...document.querySelectorAll('h2[id^=q]')]
         .filter(h => h.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING);
       const h = heads[heads.length - 1].cloneNode(true); h.querySelectorAll('.headerlink').forEach(a => a.remove());
       return h.textContent.replace(/\\s+/g, ' ').trim(); }
"""


def test_the_questions_are_in_the_phones_menu(mobile_page: Any, base_url: str, artifacts: Path) -> None:
    page = open_page(mobile_page, base_url + TRANSCRIPT)
    questions = page.locator("h2[id^='q']").count()
    assert questions >= 10
    page.locator(".md-header label[for='__drawer']").tap()
    listed = page.locator(".md-nav--primary .page-toc-in-drawer a.md-nav__link")
    listed.first.wait_for(state="visible")
    page.wait_for_timeout(400)  # the drawer slides in
    page.screenshot(path=str(artifacts / "questions-in-drawer-phone.png"))
    assert listed.count() >= questions
    assert page.locator(".page-toc-in-drawer__title").inner_text() == "Questions on this page"
    ninth = listed.filter(has_text="Q9").first
    ninth.scroll_into_view_if_needed()
    ninth.tap()
    page.wait_for_function("() => location.hash === '#q9'")
    page.wait_for_timeout(400)
    assert not page.evaluate("document.getElementById('__drawer').checked")  # the drawer closed
    assert visible_box(page, "#q9")
    assert page.locator("#q9").bounding_box()["y"] >= page.locator(BAR).bounding_box()["y"] + page.locator(BAR).bounding_box()["height"] - 1


def test_on_a_desktop_the_questions_stay_in_the_table_of_contents(page: Any, base_url: str) -> None:
    open_page(page, base_url + TRANSCRIPT)
    assert page.locator(".md-sidebar--secondary a.md-nav__link", has_text="Q9").first.is_visible()
    assert page.locator(".page-toc-in-drawer").is_hidden()  # not twice


def test_the_bar_names_the_current_question_and_speaker_deep_in_a_long_answer(
    device_page: tuple[str, Any], base_url: str, artifacts: Path
) -> None:
    device, tab = device_page
    open_page(tab, base_url + TRANSCRIPT)
    target = tab.evaluate(DEEP_IN_LONG_TURN)
    paragraph = tab.locator(f"#{target}")
    paragraph.evaluate("p => window.scrollTo(0, p.getBoundingClientRect().top + window.scrollY - 200)")
    tab.wait_for_timeout(300)
    speaker = paragraph.evaluate(SPEAKER_OF)
    speaker_line = paragraph.evaluate("p => p.closest('.turn').querySelector('.speaker').getBoundingClientRect().bottom")
    assert speaker_line < 0  # the turn's own speaker line is far above
    bar = tab.locator(BAR)
    tab.screenshot(path=str(artifacts / f"reading-bar-{device}.png"))
    assert visible_box(tab, bar)
    header = tab.locator(".md-header").bounding_box()
    assert abs(bar.bounding_box()["y"] - (header["y"] + header["height"])) <= 2  # held right under the header
    assert bar.locator(".reading-bar__speaker").inner_text() == f"Answer: {speaker}"
    assert bar.locator(".reading-bar__question").inner_text() == paragraph.evaluate(QUESTION_BEFORE)


def test_a_permalink_lands_with_the_speaker_in_view(device_page: tuple[str, Any], base_url: str) -> None:
    tab = device_page[1]
    open_page(tab, base_url + TRANSCRIPT)
    first = tab.evaluate("() => [...document.querySelectorAll('.turn-answer')][5].querySelector('.para').id")
    deep = tab.evaluate(DEEP_IN_LONG_TURN)
    for target in (first, deep):
        open_page(tab, base_url + TRANSCRIPT + f"#{target}")
        tab.wait_for_timeout(500)
        paragraph = tab.locator(f"#{target}")
        bar = tab.locator(BAR).bounding_box()
        assert paragraph.bounding_box()["y"] >= bar["y"] + bar["height"] - 1, target  # not under the header or bar
        speaker = paragraph.evaluate(SPEAKER_OF)
        line = paragraph.evaluate("p => p.closest('.turn').querySelector('.speaker')")
        speaker_line = "xpath=ancestor::div[contains(@class,'turn')]/p[contains(@class,'speaker')]"
        shown_line = visible_box(tab, tab.locator(f"#{target}").locator(speaker_line))
        in_bar = tab.locator(f"{BAR} .reading-bar__speaker").inner_text().endswith(speaker)
        assert line is not None and (shown_line or in_bar), target
        if target == first:
            assert shown_line, "the first paragraph of a turn lands with its speaker line"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_questions_and_answers_differ_by_label_and_colour(scheme: str, page: Any, base_url: str) -> None:
    open_page(page, base_url + TRANSCRIPT)
    if scheme == "dark":
        toggle_theme(page)
    labels = page.evaluate("""() => ['question', 'answer'].map(kind =>
        [...document.querySelectorAll(`.turn-${kind} > .speaker`)].map(s => s.querySelector('.turn-label')?.textContent))""")
    assert labels[0] and set(labels[0]) == {"Question"}
    assert labels[1] and set(labels[1]) == {"Answer"}
    colours = page.evaluate("""() => ['question', 'answer'].map(kind => {
        const turn = document.querySelector(`.turn-${kind}`), label = turn.querySelector('.turn-label');
        return [getComputedStyle(turn).borderLeftColor, getComputedStyle(label).color]; })""")
    background = parse_colour(page.evaluate("getComputedStyle(document.body).backgroundColor"))
    question, answer = (colorsys.rgb_to_hls(*(v / 255 for v in parse_colour(c[0])[:3]))[0] * 360 for c in colours)
    apart = min(abs(question - answer), 360 - abs(question - answer))
    assert apart >= 60, colours  # two hues a third of the way round the wheel apart, not two near-identical blues
    for _, text in colours:
        assert contrast(over(parse_colour(text), background), background) >= 4.5, colours


def test_adding_the_bar_moves_nothing_on_the_page(mobile_page: Any, base_url: str) -> None:
    """The page paints before its scripts run: the bar, added then, takes no room in the flow (a layout shift else)."""
    open_page(mobile_page, base_url + TRANSCRIPT)
    mobile_page.locator(BAR).wait_for(state="attached")
    moved = mobile_page.evaluate(
        """() => { const slot = document.querySelector('.reading-bar-slot'), next = document.querySelector('.md-content .turn');
                   const before = next.getBoundingClientRect().top;
                   slot.remove(); const after = next.getBoundingClientRect().top;
                   return before - after; }"""
    )
    assert moved == 0
