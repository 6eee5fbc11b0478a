"""Browser fixtures: the built site served over HTTP under a sub-path, and chromium driven by Playwright.

The site is served at http://127.0.0.1:<free port>/edition/ — a sub-path, as GitHub Pages serves a project site —
so a link that only works from the server root fails here too. The browser is the one `scripts/chromium_path.py`
finds (Playwright's own, else CHROMIUM_PATH, else chromium or Chrome on PATH).
"""

from __future__ import annotations

import contextlib
import functools
import os
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from scripts.chromium_path import LAUNCH_ARGS, ChromiumMissing, chromium_path

PREFIX = "/edition/"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 390, "height": 844}


class SubPathHandler(SimpleHTTPRequestHandler):
    """Serves the site folder under PREFIX only; everything else is a 404, as on a project's Pages site."""

    def translate_path(self, path: str) -> str:
        if not path.startswith(PREFIX):
            return str(Path(self.directory) / "__outside_the_prefix__")
        return super().translate_path("/" + path[len(PREFIX) :])

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet: pytest shows failures
        pass


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    """The edition's address: the built site/ served by a threaded http.server on a free loopback port."""
    handler = functools.partial(SubPathHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless chromium for the session; a missing browser fails under CI=true and skips elsewhere."""
    try:
        executable = chromium_path().path
    except ChromiumMissing as missing:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{missing} (CI=true: CI must run the browser tests)", pytrace=False)
        pytest.skip(str(missing))
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=LAUNCH_ARGS, headless=True)
        yield instance
        instance.close()


def is_local(url: str) -> bool:
    return url.startswith(("http://127.0.0.1:", "data:", "blob:", "about:"))


@contextlib.contextmanager
def browsing_context(browser: Any, **options: Any) -> Iterator[Any]:
    """A fresh context (no stored theme, no cache). Requests off this machine are refused, so the tests never
    depend on the network; uncaught JavaScript errors fail the test."""
    context = browser.new_context(**{"viewport": DESKTOP, "color_scheme": "light", "reduced_motion": "reduce", **options})
    errors: list[str] = []

    def watch(page: Any) -> None:
        page.on("pageerror", lambda error: errors.append(str(error)))

    context.on("page", watch)
    context.route(lambda url: not is_local(url), lambda route: route.abort())
    try:
        yield context
    finally:
        context.close()
    assert not errors, f"uncaught JavaScript errors: {errors}"


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    with browsing_context(browser) as context:
        yield context


@pytest.fixture
def page(context: Any) -> Any:
    """A desktop-sized page (1280×900) in a fresh context."""
    return context.new_page()


@pytest.fixture
def mobile_page(browser: Any) -> Iterator[Any]:
    """A phone-sized page (390×844, touch), in its own context."""
    with browsing_context(browser, viewport=MOBILE, is_mobile=True, has_touch=True, device_scale_factor=2) as context:
        yield context.new_page()


@pytest.fixture(params=["phone", "desktop"])
def device_page(request: pytest.FixtureRequest) -> tuple[str, Any]:
    """A test run twice: on a phone page (390×844, touch) and on a desktop page, named "phone" and "desktop"."""
    return request.param, request.getfixturevalue("mobile_page" if request.param == "phone" else "page")


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """test-artifacts/ (git-ignored): screenshots a person can look at after a run."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
