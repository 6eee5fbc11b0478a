"""The site makes no third-party requests (mkdocs.yml promises it: no Google Fonts, nothing fetched elsewhere)."""

from __future__ import annotations

from typing import Any

import pytest

from .pages import TRANSCRIPT, open_page

pytestmark = pytest.mark.browser


def test_a_cold_visit_to_the_transcript_requests_nothing_from_elsewhere(page: Any, base_url: str) -> None:
    elsewhere: list[str] = []
    page.on("request", lambda request: None if request.url.startswith(base_url) else elsewhere.append(request.url))
    open_page(page, base_url + TRANSCRIPT)
    page.wait_for_load_state("networkidle")
    assert elsewhere == []
