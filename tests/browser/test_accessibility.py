"""axe-core (bundled by the pinned axe-playwright-python) finds no serious or critical accessibility violation on
the main kinds of page."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]

from .pages import QUESTIONS, SPEAKER, TOPIC, TRANSCRIPT, open_page, toggle_theme

pytestmark = pytest.mark.browser

PAGES = {"home": "", "transcript": TRANSCRIPT, "speaker": SPEAKER, "topic": TOPIC, "questions": QUESTIONS}


def describe(violation: dict[str, Any]) -> str:
    where = "; ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
    detail = violation["nodes"][0]["failureSummary"].splitlines()[-1].strip()
    return f"{violation['impact']} {violation['id']} ({len(violation['nodes'])}×, e.g. {where}): {detail}"


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_no_serious_or_critical_axe_violations(page: Any, base_url: str, path: str) -> None:
    open_page(page, base_url + path)
    page.mouse.move(0, 0)
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, "\n".join(describe(v) for v in serious)


def test_no_serious_or_critical_colour_violations_on_the_transcript_in_dark_mode(page: Any, base_url: str) -> None:
    # Only the rules that depend on colours: the rest was checked on the same page in the light theme.
    open_page(page, base_url + TRANSCRIPT)
    toggle_theme(page)
    results = Axe().run(page, options={"runOnly": ["color-contrast", "link-in-text-block"]})
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, "\n".join(describe(v) for v in serious)
