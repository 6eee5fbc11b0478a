"""The transcript pictures: one page, four ways (a phone and a desktop, light and dark), taken the same way every time.

test_screenshots.py takes them of this checkout's site ("after"); this module, run as

    .venv/bin/python -m tests.browser.screens SITE_DIR OUT_DIR

takes them of another build (the "before" pictures in tests/browser/screens-before/ were made so).
"""

from __future__ import annotations

import contextlib
import functools
import sys
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

from scripts.chromium_path import LAUNCH_ARGS, chromium_path

from .conftest import DESKTOP, MOBILE, PREFIX, SubPathHandler, browsing_context
from .pages import TRANSCRIPT, open_page

DEVICES: dict[str, dict[str, Any]] = {
    "phone": {"viewport": MOBILE, "is_mobile": True, "has_touch": True, "device_scale_factor": 2},
    "desktop": {"viewport": DESKTOP},
}
SCHEMES = ["light", "dark"]
BEFORE = Path(__file__).with_name("screens-before")


def picture_name(device: str, scheme: str) -> str:
    return f"transcript-{device}-{scheme}.png"


@contextlib.contextmanager
def transcript_at_p8(browser: Any, base_url: str, device: str, scheme: str) -> Iterator[Any]:
    """The transcript opened at ¶8 in a fresh context of that device and colour scheme, once the page has settled."""
    with browsing_context(browser, color_scheme=scheme, **DEVICES[device]) as context:
        page = open_page(context.new_page(), base_url + TRANSCRIPT + "#p8")
        page.wait_for_timeout(400)  # the jump to #p8 and the reading bar settle
        yield page


def take_pictures(site: Path, out: Path) -> list[Path]:
    """Serve site under PREFIX as the browser tests do and write the four pictures of it into out."""
    from playwright.sync_api import sync_playwright

    executable = chromium_path().path  # before Playwright starts: finding it may start a Playwright of its own
    out.mkdir(parents=True, exist_ok=True)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(SubPathHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base_url = f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    written = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=LAUNCH_ARGS, headless=True)
            for device in DEVICES:
                for scheme in SCHEMES:
                    with transcript_at_p8(browser, base_url, device, scheme) as page:
                        written.append(out / picture_name(device, scheme))
                        page.screenshot(path=str(written[-1]))
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return written


if __name__ == "__main__":
    if len(sys.argv) != 3 or not (Path(sys.argv[1]) / "index.html").is_file():
        sys.exit("usage: python -m tests.browser.screens SITE_DIR OUT_DIR   (SITE_DIR: a built site, with index.html)")
    for picture in take_pictures(Path(sys.argv[1]), Path(sys.argv[2])):
        print(f"{picture}: {picture.stat().st_size:,} bytes")
