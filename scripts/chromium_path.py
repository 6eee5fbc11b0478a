"""Which chromium the browser tests and `make page-weight` drive, found the same way on every machine.

    .venv/bin/python scripts/chromium_path.py     # prints the path and where it came from; exit 1 if none

In this order:
1. Playwright's own chromium, when `playwright install chromium` has put it in place (GitHub's hosted runners,
   most laptops). PLAYWRIGHT_BROWSERS_PATH moves it, as it does for Playwright itself.
2. The browser named by CHROMIUM_PATH (a system chromium or Chrome anywhere); a name that is not an executable
   file is an error, not a reason to look elsewhere.
3. chromium, chromium-browser, google-chrome or google-chrome-stable on PATH (Debian's chromium is
   /usr/bin/chromium, which `scripts/ensure-chromium.sh` installs with apt-get when run as root).
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass

VARIABLE = "CHROMIUM_PATH"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
"""How the browser tests and `make page-weight` start it: headless on a machine without a sandbox or a GPU,
and nothing fetched in the background that would mix with the page's own requests."""
ON_PATH = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


@dataclass(frozen=True)
class Chromium:
    """An executable browser and the rule that found it (``playwright``, ``CHROMIUM_PATH`` or ``PATH``)."""

    path: str
    found_by: str


class ChromiumMissing(Exception):
    """No browser: the message says where it was looked for and how to provide one."""


def is_executable(path: str) -> bool:
    return os.path.isfile(path) and os.access(path, os.X_OK)


def playwright_chromium() -> str | None:
    """Playwright's own chromium, if it is installed: Playwright knows where it would put it."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # the test tools are not installed: the other rules still apply
        return None
    with sync_playwright() as playwright:
        path: str = playwright.chromium.executable_path
    return path if is_executable(path) else None


def chromium_path() -> Chromium:
    """The first browser found by the rules of this module's docstring; ChromiumMissing if there is none."""
    own = playwright_chromium()
    if own is not None:
        return Chromium(own, "playwright")
    named = os.environ.get(VARIABLE, "")
    if named:
        if not is_executable(named):
            raise ChromiumMissing(f"{VARIABLE}={named} is not an executable file — point it at a chromium or Chrome binary, or unset it")
        return Chromium(named, VARIABLE)
    for name in ON_PATH:
        found = shutil.which(name)
        if found is not None:
            return Chromium(found, "PATH")
    raise ChromiumMissing(
        f"no chromium: not installed by Playwright, {VARIABLE} unset, none of {', '.join(ON_PATH)} "
        "on PATH — run `.venv/bin/python -m playwright install chromium`, set "
        f"{VARIABLE}, or (as root on Debian) `make test`, which installs Debian's chromium"
    )


def main() -> int:
    try:
        chromium = chromium_path()
    except ChromiumMissing as missing:
        print(missing, file=sys.stderr)
        return 1
    print(f"{chromium.path}\t(found by {chromium.found_by})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
