"""Printing the transcript: no navigation on paper; annotations become numbered endnotes with their sources'
addresses written out."""

from __future__ import annotations

from typing import Any

import pytest

from .pages import TRANSCRIPT, open_page

pytestmark = pytest.mark.browser

# For each link to the web inside a note: its address, its text, what CSS adds after it, and whether it prints.
NOTE_LINKS = """
() => [...document.querySelectorAll('.footnote li a[href^="http"]')].map(a => ({
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
        ".para a.permalink",
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
