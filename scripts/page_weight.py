"""Page weight: bytes a cold browser transfers to show one page of the built site.

    .venv/bin/python scripts/page_weight.py [--site site] [--page transcripts/xinjiang-2020-06-19/]

Serves site/ under /edition/ on a free loopback port (as the browser tests do), opens the page in a fresh
context (empty cache) of the chromium that scripts/chromium_path.py finds, waits until the network is idle, and
adds up Playwright's network events: response headers + body as sent. http.server sends files uncompressed, so
the gzip figure (each response compressed at level 6, as GitHub Pages and most hosts do) is printed beside it.
Requests that would leave this machine are refused and listed, since a page that makes them is not
self-contained.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import sys
import threading
from collections import defaultdict
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from chromium_path import LAUNCH_ARGS, ChromiumMissing, chromium_path  # scripts/ is sys.path[0] when run as a script

PREFIX = "/edition/"


class Handler(SimpleHTTPRequestHandler):
    """The site folder under PREFIX, quietly."""

    def translate_path(self, path: str) -> str:
        inside = path[len(PREFIX) :] if path.startswith(PREFIX) else "__outside_the_prefix__"
        return super().translate_path("/" + inside)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


def measure(site: Path, page_path: str, chromium: str) -> dict[str, Any]:
    """Load the page cold; return per-type bytes (sent and gzipped), the request count and refused URLs."""
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    sent: dict[str, int] = defaultdict(int)
    gzipped: dict[str, int] = defaultdict(int)
    refused: list[str] = []
    requests = 0
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=LAUNCH_ARGS)
            context = browser.new_context(viewport={"width": 1280, "height": 900})

            def refuse(route: Any) -> None:
                refused.append(route.request.url)
                route.abort()

            context.route(lambda url: not url.startswith(base), refuse)
            page = context.new_page()
            finished: list[Any] = []
            context.on("requestfinished", lambda request: finished.append(request))  # workers too
            page.goto(base + page_path, wait_until="networkidle")
            for request in finished:
                sizes = request.sizes()
                response = request.response()
                body = response.body() if response is not None else b""
                kind = request.resource_type
                sent[kind] += sizes["responseHeadersSize"] + sizes["responseBodySize"]
                gzipped[kind] += sizes["responseHeadersSize"] + len(gzip.compress(body, 6, mtime=0))
                requests += 1
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return {"sent": dict(sent), "gzipped": dict(gzipped), "requests": requests, "refused": refused}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("site"), help="the built site (default: site)")
    parser.add_argument("--page", default="transcripts/xinjiang-2020-06-19/", help="page path inside the site")
    options = parser.parse_args()
    if not (options.site / "index.html").is_file():
        print(f"{options.site}/index.html: no built site — run `make build` first", file=sys.stderr)
        return 1
    try:
        chromium = chromium_path().path
    except ChromiumMissing as missing:
        print(missing, file=sys.stderr)
        return 1
    result = measure(options.site, options.page, chromium)
    print(f"Page weight of /{options.page} (cold cache, {result['requests']} requests)")
    print(f"{'type':<12}{'as sent (KB)':>14}{'gzipped (KB)':>14}")
    for kind in sorted(result["sent"], key=lambda k: -result["sent"][k]):
        print(f"{kind:<12}{result['sent'][kind] / 1000:>14.1f}{result['gzipped'][kind] / 1000:>14.1f}")
    print(f"{'total':<12}{sum(result['sent'].values()) / 1000:>14.1f}{sum(result['gzipped'].values()) / 1000:>14.1f}")
    for url in result["refused"]:
        print(f"refused (off this machine): {url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
