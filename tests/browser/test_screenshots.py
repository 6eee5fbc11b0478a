"""Screenshots for a person to look at: the transcript on a phone (390×844, touch) and a desktop, light and dark.

Written to test-artifacts/screens/after/, with the same picture of the site before issue 20 (tests/browser/screens-before/)
copied beside it to test-artifacts/screens/before/. Each picture is taken of a page a reader could use: nothing runs off
the side, and the text is set.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from .screens import BEFORE, DEVICES, SCHEMES, picture_name, transcript_at_p8

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("device", list(DEVICES))
def test_screenshot_of_the_transcript(browser: Any, base_url: str, artifacts: Path, device: str, scheme: str) -> None:
    name = picture_name(device, scheme)
    with transcript_at_p8(browser, base_url, device, scheme) as page:
        width = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert width[0] <= width[1], f"{device}: the page is {width[0]}px wide in a {width[1]}px viewport"
        assert page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == ("slate" if scheme == "dark" else "default")
        after = artifacts / "screens" / "after" / name
        after.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(after))
    assert after.stat().st_size > 10_000, f"{after} is nearly empty"
    before = BEFORE / name
    assert before.is_file(), f"{before} is missing: see {BEFORE / 'README.md'} for how the before pictures are made"
    (artifacts / "screens" / "before").mkdir(exist_ok=True)
    shutil.copyfile(before, artifacts / "screens" / "before" / name)
