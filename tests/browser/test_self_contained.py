"""The site makes no third-party requests (mkdocs.yml promises it: no Google Fonts, nothing fetched elsewhere)."""

from __future__ import annotations

from typing import Any

import pytest

from .pages import TRANSCRIPT, open_page

pytestmark = pytest.mark.browser


@pytest.mark.xfail(strict=True, reason="Material's repository widget (repo_url in mkdocs.yml) fetches star/fork "
                   "counts from api.github.com on every first visit; fix: an overrides/partials/source.html "
                   "without data-md-component=\"source\", or no repo_url")
def test_a_cold_visit_to_the_transcript_requests_nothing_from_elsewhere(page: Any, base_url: str) -> None:
    elsewhere: list[str] = []
    page.on("request", lambda request: None if request.url.startswith(base_url) else elsewhere.append(request.url))
    open_page(page, base_url + TRANSCRIPT)
    page.wait_for_load_state("networkidle")
    assert elsewhere == []
