"""docs/assets/cite.js: a Cite button under each paragraph's ¶N and in each note. Its dialog puts "Copy link" and
"Copy quote with attribution" first and a citation, BibTeX and CSL-JSON under "More formats"; every address is the
page's canonical URL with the paragraph or note id (never a search term from the address bar); a note is cited by its
human title; Escape closes the dialog and returns focus."""

from __future__ import annotations

import json
from typing import Any

import pytest

from .pages import TRANSCRIPT, open_page

pytestmark = pytest.mark.browser
PUBLIC = "https://annotated-editions.github.io/transcripts/"  # site_url of mkdocs.yml
TITLE = "The 10th Press Conference on Xinjiang-Related Issues"


def texts_of(dialog: Any) -> list[str]:
    return [dialog.locator(f"#cite-text-{i}").input_value() for i in range(5)]


def test_a_paragraph_citation_has_no_search_term_and_quotes_with_attribution(device_page: tuple[str, Any], base_url: str) -> None:
    tab = device_page[1]
    # Arrived from a search for "labor": the address bar carries ?h=labor.
    open_page(tab, base_url + TRANSCRIPT + "?h=labor#p62")
    tab.wait_for_timeout(300)
    button = tab.locator("#p62 .cite-button")
    assert button.get_attribute("aria-label") == "Cite paragraph 62"
    assert button.is_visible()  # the paragraph a link leads to shows its Cite, on a phone too
    button.click()
    dialog = tab.locator("dialog.cite-dialog")
    assert dialog.evaluate("d => d.open")
    # The primary actions come first; the other formats wait behind "More formats".
    labels = [b.strip() for b in dialog.locator(".cite-copy:visible").all_inner_texts()]
    assert labels == ["Copy link", "Copy quote with attribution"]
    texts = texts_of(dialog)
    permalink = f"{PUBLIC}{TRANSCRIPT}#p62"
    assert texts[0] == permalink
    assert all("?" not in text.split("http", 1)[-1].split()[0] for text in texts if "http" in text), texts
    assert [permalink in text for text in texts] == [True] * 5, "\n\n".join(texts)

    speaker = tab.locator("#p62").evaluate("p => p.closest('.turn').querySelector('.speaker strong').textContent.trim()")
    role = tab.locator("#p62").evaluate("p => p.closest('.turn').querySelector('.speaker').textContent.split(' · ')[1].trim()")
    words = tab.locator("#p62").evaluate(
        "p => { const c = p.cloneNode(true); c.querySelectorAll('.permalink, .cite-button, sup').forEach(e => e.remove());"
        " return c.textContent.replace(/\\s+/g, ' ').trim(); }"
    )
    place = tab.evaluate("""() => [...document.querySelectorAll('script[type="application/ld+json"]')]
        .flatMap(s => JSON.parse(s.textContent)['@graph'] || []).find(n => n['@type'] === 'Event').location.name""")
    quote = texts[1]
    inner = words.replace("“", "‘").replace("”", "’")  # a quotation inside the quote takes single marks
    assert quote.startswith("“" + inner[:-1]), quote
    assert f"” said {speaker}, {role}, {place}, 19 June 2020, ¶62." in quote, quote

    dialog.locator("summary", has_text="More formats").click()
    assert TITLE in texts[2] and "19 June 2020" in texts[2]
    assert texts[3].startswith("@misc{") and "year = {2020}" in texts[3]
    entry = json.loads(texts[4])[0]
    assert entry["URL"] == permalink and entry["issued"] == {"date-parts": [[2020, 6, 19]]}
    assert entry["author"] == [{"literal": speaker}]
    tab.keyboard.press("Escape")
    assert not dialog.evaluate("d => d.open")
    assert tab.evaluate("document.activeElement.getAttribute('aria-label')") == "Cite paragraph 62"


def test_a_note_is_cited_by_its_human_title(page: Any, base_url: str) -> None:
    open_page(page, base_url + TRANSCRIPT + "?h=labor")
    mark = page.locator("#p8 mark.annotated[role='button']").first
    words = " ".join(mark.inner_text().split())
    mark.click()
    page.locator(".note-panel .annotation-permalink + .cite-button").click()
    texts = texts_of(page.locator("dialog.cite-dialog"))
    title = f"Claim: “{words}”"
    assert page.locator("#cite-dialog-title").inner_text() == f"Cite {title}"
    assert texts[0].startswith(f"{PUBLIC}{TRANSCRIPT}#fn:") and "?" not in texts[0]
    assert f"“{title}.”" in texts[2] and texts[0] in texts[2]
    assert json.loads(texts[4])[0]["title"] == title
    assert "fn:" not in texts[2].split("http")[0]  # never the internal id in the words of the citation


def test_copied_text_has_no_cite_or_paragraph_mark_and_no_blank_lines(device_page: tuple[str, Any], base_url: str) -> None:
    device, tab = device_page
    open_page(tab, base_url + TRANSCRIPT + "#p8")
    tab.locator("#p8").hover() if device == "desktop" else None  # the Cite button shows
    copied = tab.evaluate(
        """() => { const range = document.createRange();
                   range.setStartBefore(document.getElementById('p7')); range.setEndAfter(document.getElementById('p9'));
                   const s = getSelection(); s.removeAllRanges(); s.addRange(range); return s.toString(); }"""
    )
    assert "Cite" not in copied and "¶" not in copied, copied
    assert "\n\n\n" not in copied and not any(line.strip() == "" for line in copied.strip().split("\n\n")), copied
