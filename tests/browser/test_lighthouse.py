"""Lighthouse (mobile) on the home page, the transcript, a speaker and a topic page (issue 20, ask 12): accessibility
and best practices 100 on each, asserted. Performance is a timing, and timings are figures, not tests (a busy or slow
machine moves the score by tens of points): each page's performance score and its measures are written to
test-artifacts/lighthouse/performance.txt, beside each page's JSON report; the target is 95.

Lighthouse is the npm package pinned in package.json and package-lock.json (installed into node_modules/ by
`make test`, scripts/ensure-lighthouse.sh), driving the chromium of the other browser tests. The built site is
served as GitHub Pages serves it: under a sub-path, text compressed with gzip. One run per page, with its mobile
defaults (a mid-range phone on a slow 4G network, simulated).
"""

from __future__ import annotations

import functools
import gzip
import io
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import PREFIX, SubPathHandler
from .pages import SPEAKER, TOPIC, TRANSCRIPT

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = {"home": "", "transcript": TRANSCRIPT, "speaker": SPEAKER, "topic": TOPIC}
CATEGORIES = ("performance", "accessibility", "best-practices")
PERFORMANCE_TARGET = 0.95
COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}


class CompressingHandler(SubPathHandler):
    """As GitHub Pages does: text files are sent gzip-compressed to a browser that accepts it."""

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path.split("?")[0]))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if path.suffix not in COMPRESSED or not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")  # GitHub Pages' own
        self.end_headers()
        return io.BytesIO(body)


@pytest.fixture(scope="module")
def pages_url(site: Path) -> Iterator[str]:
    from http.server import ThreadingHTTPServer

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(CompressingHandler, directory=str(site)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def lighthouse(browser: Any) -> tuple[Path, str]:
    """The pinned Lighthouse and the chromium of the other browser tests (``browser`` fails under CI=true and skips
    elsewhere when there is none; so does a missing Lighthouse)."""
    # Asked in a process of its own: this one already runs Playwright's loop, in which chromium_path() cannot.
    found = subprocess.run([sys.executable, "scripts/chromium_path.py"], cwd=ROOT, capture_output=True, text=True, check=True)
    executable = found.stdout.split("\t")[0].strip()
    if LIGHTHOUSE.exists():
        return LIGHTHOUSE, executable
    reason = f"{LIGHTHOUSE.relative_to(ROOT)} is missing: `make test` installs it (scripts/ensure-lighthouse.sh)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true: CI must run Lighthouse)", pytrace=False)
    pytest.skip(reason)


def run_lighthouse(tool: tuple[Path, str], url: str, report: Path) -> dict[str, Any]:
    command = [
        str(tool[0]),
        url,
        "--quiet",
        "--chrome-flags=--headless=new --no-sandbox",
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json",
        f"--output-path={report}",
    ]
    result = subprocess.run(command, env={**os.environ, "CHROME_PATH": tool[1]}, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    found: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    return found


def scores(report: dict[str, Any]) -> dict[str, float]:
    return {name: category["score"] for name, category in report["categories"].items()}


def figures(report: dict[str, Any]) -> str:
    audits = report["audits"]
    shown = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "dom-size")
    return ", ".join(f"{name} {audits[name].get('displayValue', '')}" for name in shown) + (
        f"; benchmark index {report['environment']['benchmarkIndex']:.0f}"
    )


@pytest.fixture(scope="module")
def reports(pages_url: str, lighthouse: tuple[Path, str], artifacts: Path) -> dict[str, dict[str, Any]]:
    """One Lighthouse run per page; the performance figures written down, each against the target."""
    folder = artifacts / "lighthouse"
    folder.mkdir(exist_ok=True)
    found = {name: run_lighthouse(lighthouse, pages_url + path, folder / f"{name}.json") for name, path in PAGES.items()}
    lines = [
        f"{name}: performance {scores(report)['performance']:.2f} (target {PERFORMANCE_TARGET}); {figures(report)}"
        for name, report in found.items()
    ]
    (folder / "performance.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return found


@pytest.mark.parametrize("name", PAGES)
def test_lighthouse_accessibility_and_best_practices_are_100(name: str, reports: dict[str, dict[str, Any]]) -> None:
    report = reports[name]
    got = scores(report)
    failed_audits = [
        audit["id"]
        for audit in report["audits"].values()
        if audit.get("scoreDisplayMode") == "binary" and audit.get("score") == 0 and audit["id"] != "dom-size"
    ]
    assert got["accessibility"] == 1 and got["best-practices"] == 1, f"{name}: {got}; failed audits: {failed_audits}"
