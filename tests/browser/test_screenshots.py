"""Screenshots for a person to look at: the transcript on a phone (390×844, touch) and a desktop, light and dark.

Written to test-artifacts/screens/ (SCREENSHOTS_DIR overrides it, e.g. for "before" pictures of another build).
Each picture is taken of a page a reader could use: nothing runs off the side, and the text is set.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from .conftest import DESKTOP, MOBILE, browsing_context
from .pages import TRANSCRIPT, open_page

pytestmark = pytest.mark.browser

DEVICES = {"phone": {"viewport": MOBILE, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}, "desktop": {"viewport": DESKTOP}}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_screenshot_of_the_transcript(browser: Any, base_url: str, artifacts: Path, device: str, scheme: str) -> None:
    folder = Path(os.environ.get("SCREENSHOTS_DIR") or artifacts / "screens")
    folder.mkdir(parents=True, exist_ok=True)
    with browsing_context(browser, color_scheme=scheme, **DEVICES[device]) as context:
        page = open_page(context.new_page(), base_url + TRANSCRIPT + "#p8")
        page.wait_for_timeout(400)  # the jump to #p8 and the reading bar settle
        width = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert width[0] <= width[1], f"{device}: the page is {width[0]}px wide in a {width[1]}px viewport"
        assert page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == ("slate" if scheme == "dark" else "default")
        target = folder / f"transcript-{device}-{scheme}.png"
        page.screenshot(path=str(target))
        assert target.stat().st_size > 10_000, f"{target} is nearly empty"
