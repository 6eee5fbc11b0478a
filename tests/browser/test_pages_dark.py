"""The pages this edition's questions, summary and evidence tables are on keep WCAG AA colours in the dark theme
too, on a phone (axe-core's colour rules; the light theme is checked by test_accessibility.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]

from .pages import QUESTIONS, open_page, toggle_theme
from .test_accessibility import describe

pytestmark = pytest.mark.browser

PAGES = {"home": "", "questions": QUESTIONS, "topic": "topics/forced-labour/"}


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_no_serious_colour_violations_in_dark_mode_on_a_phone(mobile_page: Any, base_url: str, path: str, artifacts: Path) -> None:
    open_page(mobile_page, base_url + path)
    toggle_theme(mobile_page)
    name = next(k for k, v in PAGES.items() if v == path)
    mobile_page.screenshot(path=str(artifacts / f"{name}-dark-phone.png"))
    results = Axe().run(mobile_page, options={"runOnly": ["color-contrast", "link-in-text-block", "target-size"]})
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, "\n".join(describe(v) for v in serious)
