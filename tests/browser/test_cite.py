"""docs/assets/cite.js: a Cite button beside each paragraph permalink; its dialog gives the public
permalink in three formats, takes the page's data from the JSON-LD, and Escape closes it, returning focus."""

from __future__ import annotations

import json
from typing import Any

import pytest

from .pages import TRANSCRIPT, open_page

pytestmark = pytest.mark.browser
PUBLIC = "https://annotated-editions.github.io/transcripts/"  # site_url of mkdocs.yml


def test_cite_dialog_gives_the_permalink_in_three_formats(page: Any, base_url: str) -> None:
    open_page(page, base_url + TRANSCRIPT)
    button = page.locator("#p7 .cite-button")
    assert button.get_attribute("aria-label") == "Cite paragraph 7"
    assert page.locator(".annotation-permalink + .cite-button").count() > 0
    button.focus()
    page.keyboard.press("Enter")
    dialog = page.locator("dialog.cite-dialog")
    assert dialog.evaluate("d => d.open")
    texts = [dialog.locator(f"#cite-text-{i}").input_value() for i in range(3)]
    permalink = f"{PUBLIC}{TRANSCRIPT}#p7"
    assert [permalink in text for text in texts] == [True] * 3, "\n\n".join(texts)
    assert "The 10th Press Conference on Xinjiang-Related Issues" in texts[0] and "19 June 2020" in texts[0]
    assert texts[1].startswith("@misc{") and "year = {2020}" in texts[1]
    entry = json.loads(texts[2])[0]
    assert entry["URL"] == permalink and entry["issued"] == {"date-parts": [[2020, 6, 19]]}
    assert entry["author"] == [{"literal": "Akbar Haydar"}]
    page.keyboard.press("Escape")
    assert not dialog.evaluate("d => d.open")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Cite paragraph 7"
