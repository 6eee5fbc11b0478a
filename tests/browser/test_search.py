"""Search that lands: each note is its own search entry (build_scripts/note_headings.py), and a passage is found by
any spelling data/spellings.yml declares (build_scripts/spellings.py), on a phone and on a desktop."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .pages import TRANSCRIPT, open_page, visible_box

pytestmark = pytest.mark.browser

RESULT = ".md-search-result__link"


def search(page: Any, device: str, words: str) -> None:
    """Open the search as a reader would (the header's search button on a phone) and type ``words``."""
    field = page.locator("input.md-search__input")
    if device == "phone":
        page.locator(".md-header label[for='__search']").first.tap()
        field.wait_for(state="visible")
    else:
        field.click()
    field.fill("")
    field.press_sequentially(words)
    # Results follow each key typed: wait for those of the whole query (each link carries it, ?h=…).
    page.locator(f"{RESULT}[href*='h={words.casefold()}']").first.wait_for(state="attached", timeout=10_000)


def result(page: Any, fragment: str) -> Any:
    """The result leading to ``fragment`` of the transcript page, once Material has rendered it (it renders the
    list as the reader scrolls it)."""
    link = page.locator(f"{RESULT}[href*='{TRANSCRIPT}'][href$='#{fragment}']")
    for _ in range(10):
        if link.count():
            break
        page.locator(".md-search__scrollwrap").evaluate("el => el.scrollTop = el.scrollHeight")
        page.wait_for_timeout(300)
    assert link.count() == 1, f"no search result for #{fragment}"
    more = link.locator("xpath=ancestor::details[1]")  # "N more on this page", folded: unfold it, as a reader would
    if more.count() and not more.evaluate("d => d.open"):
        more.locator("summary").click()
    link.wait_for(state="visible")
    return link


def visible_words(page: Any, selector: str) -> str:
    """What a reader sees of the part of the page from ``selector`` to the next question (hidden text left out)."""
    return str(
        page.evaluate(
            """sel => { let el = document.querySelector(sel), text = '';
                 for (el = el.nextElementSibling; el && !/^H2$/.test(el.tagName); el = el.nextElementSibling)
                   if (el.getClientRects().length) text += ' ' + el.innerText;  // shown: innerText of a hidden block is all its text
                 return text; }""",
            selector,
        )
    )


def test_labour_finds_the_transcripts_labor(device_page: tuple[str, Any], base_url: str, artifacts: Path) -> None:
    device, page = device_page
    open_page(page, base_url)
    search(page, device, "labour")
    hit = result(page, "q10")  # Q10's passage says "labor", never "labour"
    hit.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / f"search-labour-{device}.png"))
    hit.tap() if device == "phone" else hit.click()
    page.wait_for_function("() => location.hash === '#q10' && document.getElementById('q10') !== null")
    seen = visible_words(page, "#q10").casefold()
    assert "labor" in seen and "labour" not in seen  # found by the spelling it does not use
    # It lands on the paragraph that uses the other spelling, that word marked as a search term is, and in view.
    passage = page.locator(".para.is-target")
    passage.wait_for(timeout=5000)
    word = passage.locator("mark[data-md-highlight]")
    page.wait_for_timeout(300)
    assert word.count() == 1 and word.inner_text().casefold() == "labor"
    assert passage.evaluate("(p, q) => !!(document.getElementById(q).compareDocumentPosition(p) & 4)", "q10")
    assert visible_box(page, word)
    page.screenshot(path=str(artifacts / f"search-labour-landed-{device}.png"))


def test_osman_previews_the_note_about_his_name(device_page: tuple[str, Any], base_url: str, artifacts: Path) -> None:
    device, page = device_page
    open_page(page, base_url)
    search(page, device, "Osman")
    hit = result(page, "note-term-mehmud-osman-spellings")
    hit.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / f"search-osman-{device}.png"))
    preview = " ".join(hit.inner_text().split())
    assert preview.startswith("Term on “Mehmet Osman”")  # the note's own title, not the page's or another note's
    assert "romanises the name of the Director of the Ethnic Affairs Commission" in preview
    hit.tap() if device == "phone" else hit.click()
    note = "note-term-mehmud-osman-spellings"
    page.wait_for_function(f"() => location.hash === '#{note}' && document.getElementById('{note}') !== null")
    page.wait_for_timeout(400)
    assert visible_box(page, "#note-term-mehmud-osman-spellings")


def test_usman_finds_the_osman_passages(page: Any, base_url: str) -> None:
    """The other way round: the edition's declared variant finds the transcript's spelling."""
    open_page(page, base_url + TRANSCRIPT)
    search(page, "desktop", "Usman")
    for question in ("q6", "q7"):  # where the transcript gives Mehmud (Mehmet) Osman the floor
        result(page, question)
    seen = visible_words(page, "#q6")
    assert "Osman" in seen and "Usman" not in seen
