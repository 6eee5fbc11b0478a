"""Printing the transcript to cite it: no navigation, topics or data links on paper; ¶ numbers in the margin; the
page's address and access date; annotations as numbered notes after each question, with their sources'
addresses written out (issue 20, ask 10)."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import browsing_context
from .pages import TRANSCRIPT, open_page

pytestmark = pytest.mark.browser

# For each link to the web inside a note (not its way back to ¶N, which prints as ¶N): its address, its text, what CSS
# adds after it, and whether it prints.
NOTE_LINKS = """
() => [...document.querySelectorAll('.footnote li a[href^="http"]:not(.note-back)')].map(a => ({
    href: a.getAttribute('href'), text: a.textContent.trim(),
    after: getComputedStyle(a, '::after').content, shown: a.getClientRects().length > 0,
}))
"""


def test_print_hides_navigation_and_writes_annotations_out_as_numbered_endnotes(page: Any, base_url: str) -> None:
    open_page(page, base_url + TRANSCRIPT)
    page.emulate_media(media="print")

    for chrome in (
        ".md-header",
        ".md-tabs",
        ".md-sidebar--primary",
        ".md-sidebar--secondary",
        ".md-footer",
        ".md-search",
        ".topic-labels",
        ".event-data",
        ".note-filter",
    ):
        assert page.locator(chrome).first.is_hidden(), f"{chrome} is printed"

    notes = page.locator(".footnote > ol")
    assert notes.is_visible()
    assert notes.evaluate("ol => getComputedStyle(ol).listStyleType") == "decimal"

    # Each marker in the text prints the number of the endnote it points to.
    numbering = page.evaluate(
        """() => [...document.querySelectorAll('sup[id^="fnref"] a.footnote-ref')].map(a => {
            const note = document.getElementById(decodeURIComponent(a.hash.slice(1)));
            const position = [...note.parentElement.children].indexOf(note) + 1;
            return [a.textContent.trim(), position, a.getClientRects().length];
        })"""
    )
    assert len(numbering) > 20
    assert all(number == str(position) and shown for number, position, shown in numbering)

    links = [link for link in page.evaluate(NOTE_LINKS) if link["shown"]]
    sources = [link for link in links if link["text"] == link["href"] or link["href"] in link["after"]]
    assert len(sources) > 20
    hidden_addresses = [link["href"] for link in links if link not in sources]
    assert not hidden_addresses, f"printed links whose address is not written out: {hidden_addresses[:5]}"
    doubled = [link["href"] for link in links if link["text"] == link["href"] and link["href"] in link["after"]]
    assert not doubled, f"addresses printed twice: {doubled[:5]}"


def test_paper_has_paragraph_numbers_in_the_margin_and_the_address(page: Any, base_url: str) -> None:
    open_page(page, base_url + TRANSCRIPT)
    page.emulate_media(media="print")
    numbers = page.evaluate(
        """() => [...document.querySelectorAll('.para')].map(p => {
            const n = p.querySelector('a.permalink'), r = n.getBoundingClientRect(), text = p.getClientRects()[0];
            return [p.id, n.textContent.trim(), r.width > 0 && r.height > 0, r.right <= text.left + 1];
        })"""
    )
    assert len(numbers) > 50
    assert all(shown and text == "¶" + pid[1:] and in_margin for pid, text, shown, in_margin in numbers), numbers[:3]
    # A note's way back prints as its ¶N, without an address; the paragraphs print across the page's width.
    backs = page.evaluate("() => [...document.querySelectorAll('.footnote .note-back')].map(a => getComputedStyle(a, '::after').content)")
    assert backs and set(backs) <= {"none", "normal"}, set(backs)
    assert page.evaluate("() => getComputedStyle(document.querySelector('.turn .para')).maxWidth") == "none"

    canonical = page.evaluate("() => document.querySelector('link[rel=canonical]').href")
    source = page.locator(".print-source")
    assert source.is_visible()
    assert page.locator(".print-source__url").inner_text() == canonical
    assert "/transcripts/xinjiang-2020-06-19/" in canonical
    # The access date is the day the page is printed, set as printing starts.
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    date = page.locator(".print-source__date")
    assert date.is_visible()
    today = page.evaluate("() => new Date().toISOString().slice(0, 10)")
    assert date.get_attribute("datetime") == today
    assert page.evaluate("() => new Date().getFullYear().toString()") in date.inner_text()


def test_without_javascript_paper_still_gives_the_address(browser: Any, base_url: str) -> None:
    with browsing_context(browser, java_script_enabled=False) as context:
        page = context.new_page()
        page.goto(base_url + TRANSCRIPT)
        page.emulate_media(media="print")
        assert page.locator(".print-source").is_visible()
        assert page.locator(".print-source__url").inner_text().startswith("https://")
        assert page.locator(".print-source__date").is_hidden()


# For each question: the notes printed after it (their ids and printed numbers), and the notes whose markers are in
# its part of the page (from its heading to the next), with their markers' numbers.
GROUPS = """
() => {
    const headings = [...document.querySelectorAll('.md-content__inner > h2[id^="q"]')];
    const inPart = (el, i) => (headings[i].compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)
        && (!headings[i + 1] || (el.compareDocumentPosition(headings[i + 1]) & Node.DOCUMENT_POSITION_FOLLOWING));
    return headings.map((h, i) => {
        let next = h.nextElementSibling;
        while (next && !(next.matches('h2') || next.classList.contains('print-notes'))) { next = next.nextElementSibling; }
        const printed = next && next.classList.contains('print-notes')
            ? [...next.querySelectorAll(':scope > ol > li')].map(li => [li.id, li.value, li.getClientRects().length > 0]) : [];
        const marked = [...document.querySelectorAll('.para sup[id^="fnref"] a')].filter(a => inPart(a, i))
            .map(a => ['fn:' + a.closest('sup').id.slice('fnref:'.length), parseInt(a.textContent, 10), true]);
        return [h.id, printed, marked];
    });
}
"""


def test_each_questions_notes_print_after_it_and_go_back_afterwards(page: Any, base_url: str) -> None:
    open_page(page, base_url + TRANSCRIPT)
    order = page.evaluate("() => [...document.querySelectorAll('.footnote > ol > li')].map(li => li.id)")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    groups = page.evaluate(GROUPS)
    assert len(groups) == 10
    assert sum(len(printed) for _, printed, _ in groups) > 20
    for question, printed, marked in groups:
        assert printed == marked, question
    assert page.locator("h2#notes").is_hidden()

    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")
    assert page.locator(".print-notes").count() == 0
    assert page.evaluate("() => [...document.querySelectorAll('.footnote > ol > li')].map(li => li.id)") == order
    assert page.locator("h2#notes").is_visible()
