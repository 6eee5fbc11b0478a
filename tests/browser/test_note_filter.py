"""Reader controls (docs/assets/note-filter.js): notes shown or hidden by kind, on a phone and a desktop."""

from __future__ import annotations

import functools
import re
import shutil
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]

from .conftest import MOBILE, PREFIX, SubPathHandler, browsing_context
from .pages import TRANSCRIPT, open_page

pytestmark = pytest.mark.browser

SHOWN = """() => {
    const shown = {};
    for (const note of document.querySelectorAll('.footnote li[id^="fn:"]')) {
        const kind = note.querySelector('[data-note-kind]').dataset.noteKind;
        const ref = document.querySelector(`a.footnote-ref[href$="#${CSS.escape(note.id)}"]`).closest('sup');
        const visible = note.checkVisibility() && ref.checkVisibility();
        if (visible !== (note.checkVisibility() || ref.checkVisibility())) { return 'note and marker disagree: ' + note.id; }
        shown[kind] = (shown[kind] || 0) + (visible ? 1 : 0);
    }
    return shown;
}"""
TOTALS = """() => {
    const totals = {};
    for (const label of document.querySelectorAll('.footnote [data-note-kind]')) {
        totals[label.dataset.noteKind] = (totals[label.dataset.noteKind] || 0) + 1;
    }
    return totals;
}"""
TINTED = """kind => [...document.querySelectorAll('mark.annotated-' + kind)]
    .filter(m => getComputedStyle(m).backgroundColor !== 'rgba(0, 0, 0, 0)').length"""


@pytest.fixture(params=["desktop", "phone"])
def reader(request: pytest.FixtureRequest, browser: Any) -> Iterator[Any]:
    options = {} if request.param == "desktop" else {"viewport": MOBILE, "is_mobile": True, "has_touch": True}
    with browsing_context(browser, **options) as context:
        yield context.new_page()


@pytest.fixture(scope="module")
def instant_url(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site served with its sitemap pointing at this server, which Material's instant navigation needs.

    Material intercepts only links to pages its sitemap lists, at the sitemap's port and path; the
    built sitemap names the public site_url, so a copy of the site gets the test server's instead.
    """
    copy = tmp_path_factory.mktemp("instant") / "site"
    shutil.copytree(site, copy)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(SubPathHandler, directory=str(copy)))
    server.daemon_threads = True
    url = f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    sitemap = copy / "sitemap.xml"
    text = sitemap.read_text(encoding="utf-8")
    public = re.search(r"<loc>(.*?)</loc>", text)
    assert public
    sitemap.write_text(text.replace(public[1], url), encoding="utf-8")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield url
    server.shutdown()
    server.server_close()


def box(page: Any, kind: str) -> Any:
    return page.locator(f".note-filter input[data-note-kind='{kind}']")


def test_each_kind_hides_and_shows_exactly_its_notes(reader: Any, base_url: str) -> None:
    open_page(reader, base_url + TRANSCRIPT)
    totals = reader.evaluate(TOTALS)
    assert len(totals) >= 4 and reader.evaluate(SHOWN) == totals
    for kind, count in totals.items():
        label = reader.locator(f".note-filter label:has(input[data-note-kind='{kind}'])")
        assert f"({count})" in label.inner_text()
        label.tap() if reader.viewport_size == MOBILE else label.click()
        assert not box(reader, kind).is_checked()
        assert reader.evaluate(SHOWN) == {**totals, kind: 0}
        words = reader.locator(f"mark.annotated-{kind}").first
        assert words.is_visible()  # the transcript's text stays
        label.click()
        assert reader.evaluate(SHOWN) == totals
    assert box(reader, "all").is_checked()


def test_hidden_words_lose_their_tint_and_all_hides_everything(page: Any, base_url: str) -> None:
    open_page(page, base_url + TRANSCRIPT)
    totals = page.evaluate(TOTALS)
    assert page.evaluate(TINTED, "claim") > 0
    box(page, "all").uncheck()
    assert page.evaluate(SHOWN) == {kind: 0 for kind in totals}
    assert all(page.evaluate(TINTED, kind) == 0 for kind in totals)
    assert page.locator(".footnote").is_hidden()
    box(page, "claim").check()
    assert box(page, "all").evaluate("b => b.indeterminate")
    assert page.evaluate(SHOWN) == {**{kind: 0 for kind in totals}, "claim": totals["claim"]}


def test_the_choice_survives_a_reload_and_instant_navigation(page: Any, instant_url: str) -> None:
    open_page(page, instant_url + TRANSCRIPT)
    totals = page.evaluate(TOTALS)
    box(page, "term").uncheck()
    page.reload()
    open_page(page, page.url)
    assert not box(page, "term").is_checked() and page.evaluate(SHOWN)["term"] == 0
    # Away and back through Material's instant navigation (no full page load: the window object survives).
    page.evaluate("() => { window.sameWindow = true; }")
    # Material intercepts links once it has read the sitemap (the list of its own pages).
    page.wait_for_function("() => performance.getEntriesByType('resource').some(e => e.name.endsWith('sitemap.xml'))")
    page.wait_for_timeout(300)
    page.locator(".md-tabs__link", has_text="Transcripts").click()
    page.wait_for_url("**/transcripts/")
    page.locator(f"a[href$='{TRANSCRIPT.split('/')[1]}/']").first.click()
    page.wait_for_selector(".note-filter:not([hidden])")
    assert page.evaluate("() => window.sameWindow") is True
    assert not box(page, "term").is_checked()
    assert page.evaluate(SHOWN) == {**totals, "term": 0}


def test_tab_reaches_the_controls(page: Any, base_url: str) -> None:
    open_page(page, base_url + TRANSCRIPT)
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('.note-filter input')"):
            break
    assert page.evaluate("() => document.activeElement.dataset.noteKind") == "all"
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert page.evaluate("() => document.activeElement.checked") is False


def test_axe_is_clean_with_a_kind_hidden(page: Any, base_url: str) -> None:
    open_page(page, base_url + TRANSCRIPT)
    box(page, "context").uncheck()
    serious = [v for v in Axe().run(page).response["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, [(v["id"], v["nodes"][0]["target"]) for v in serious]


def test_printing_follows_what_is_shown(page: Any, base_url: str) -> None:
    open_page(page, base_url + TRANSCRIPT)
    box(page, "claim").uncheck()
    page.emulate_media(media="print")
    assert page.locator(".note-filter").is_hidden()
    claims = page.locator(".footnote li:has([data-note-kind='claim'])")
    assert claims.count() > 0 and all(not claims.nth(i).is_visible() for i in range(claims.count()))
    assert page.locator(".footnote li:has([data-note-kind='term'])").first.is_visible()
