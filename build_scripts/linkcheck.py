"""`make linkcheck`: is every source's ``url`` and ``archive_url`` still there? A report, run by hand or weekly in CI.

It needs the network, so it is never part of `make test`. Without one (no host of the register
resolves) it says so and exits 0. Otherwise it asks each address once (HEAD, then GET where HEAD is
refused), a few at a time, and prints one line per address that did not answer 2xx or 3xx, at the
place in data/ that gives it. It exits 1 if an address is gone (404, 410, or a host that no longer
exists); a site that turns scripts away (401, 403, 429) or fails for a while (5xx, time-out) is
reported but does not fail the run: a reader's browser may still reach it.
"""

from __future__ import annotations

import socket
import sys
import urllib.error
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .check import assemble
from .register import host

TIMEOUT = 20.0
WORKERS = 8
AGENT = "annotated-transcripts-linkcheck/1 (+https://github.com/annotated-editions/transcripts)"
GONE = (404, 410)


@dataclass(frozen=True)
class Link:
    """One address to check and where data/ gives it."""

    where: str
    source: str
    field: str
    url: str


@dataclass(frozen=True)
class Result:
    link: Link
    status: int | None
    """The HTTP status; None when no answer came."""
    reason: str

    @property
    def ok(self) -> bool:
        return self.status is not None and self.status < 400

    @property
    def gone(self) -> bool:
        return self.status in GONE or self.reason.startswith("unknown host")


def links(root: Path) -> list[Link]:
    """Every url and archive_url of the register, in the order of the register's files."""
    edition, _ = assemble(root / "data", root)
    found = []
    for source in edition.sources.values():
        where = f"{source.origin.path}:{source.origin.line}:{source.origin.col}"
        found += [
            Link(where, source.id, name, value) for name, value in (("url", source.url), ("archive_url", source.archive_url)) if value
        ]
    return found


def online(hosts: list[str], resolve: Callable[[str], object] = socket.gethostbyname) -> bool:
    """True if any of the first hosts resolves: without a resolver, every address would look gone."""
    for name in hosts[:5]:
        try:
            resolve(name)
            return True
        except OSError:
            continue
    return False


def fetch_status(link: Link) -> Result:
    """HEAD the address (GET if the server refuses HEAD); its final status after redirects."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(link.url, method=method, headers={"User-Agent": AGENT})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310 (http(s) only, by schema)
                return Result(link, response.status, "")
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                continue
            return Result(link, error.code, str(error.reason))
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            reason = getattr(error, "reason", error)
            if isinstance(reason, socket.gaierror):
                return Result(link, None, f"unknown host {host(link.url)}")
            return Result(link, None, f"no answer ({reason})")
    return Result(link, None, "no answer")


def report(results: list[Result]) -> list[str]:
    """One line per address that did not answer well, at its place in data/."""
    lines = []
    for result in results:
        if result.ok:
            continue
        status = f"HTTP {result.status}" if result.status is not None else "no answer"
        verdict = "gone" if result.gone else "check by hand"
        detail = f" ({result.reason})" if result.reason else ""
        lines.append(
            f"{result.link.where}: source '{result.link.source}' {result.link.field} {result.link.url}: {status}{detail} — {verdict}"
        )
    return lines


def main(argv: list[str] | None = None, check: Callable[[Link], Result] = fetch_status) -> int:
    root = Path(argv[0]).resolve() if argv else Path(__file__).resolve().parent.parent
    found = links(root)
    if not online(list(dict.fromkeys(host(link.url) for link in found))):
        print(f"linkcheck: no network (no host of the register resolves); {len(found)} address(es) not checked")
        return 0
    with ThreadPoolExecutor(WORKERS) as pool:
        results = list(pool.map(check, found))
    lines = report(results)
    print(
        "\n".join(
            lines
            + [
                f"linkcheck: {len(found)} address(es) checked, {sum(r.ok for r in results)} answered, "
                f"{sum(r.gone for r in results)} gone, {len(lines) - sum(r.gone for r in results)} to check by hand"
            ]
        )
    )
    return 1 if any(r.gone for r in results) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
