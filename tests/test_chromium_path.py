"""scripts/chromium_path.py: the order in which a browser is found, on real (fake) executables and real variables.

Each test builds a machine of its own: an empty PLAYWRIGHT_BROWSERS_PATH (so Playwright's own chromium is absent
unless a test puts a file where Playwright would look), a PATH holding only a temporary folder, and CHROMIUM_PATH
set or unset. The executables are two-line shell scripts; nothing is launched.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.project_copy import ROOT

COMMAND = [sys.executable, str(ROOT / "scripts" / "chromium_path.py")]


def executable(path: Path) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    path.chmod(0o755)
    return str(path)


@pytest.fixture
def machine(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A folder and an environment: no Playwright chromium, no CHROMIUM_PATH, a PATH of one empty folder (bin/)."""
    (tmp_path / "bin").mkdir()
    env = {name: value for name, value in os.environ.items() if name != "CHROMIUM_PATH"}
    return tmp_path, {**env, "PLAYWRIGHT_BROWSERS_PATH": str(tmp_path / "playwright"), "PATH": str(tmp_path / "bin")}


def found(env: dict[str, str]) -> tuple[int, str]:
    """The command run in its own process (Playwright's sync API cannot start inside the browser tests' own)."""
    result = subprocess.run(COMMAND, env=env, capture_output=True, text=True, check=False)
    return result.returncode, result.stdout if result.returncode == 0 else result.stderr


def install_playwright_chromium(env: dict[str, str]) -> str:
    """A fake executable exactly where Playwright, under this PLAYWRIGHT_BROWSERS_PATH, expects its chromium."""
    ask = "from playwright.sync_api import sync_playwright\nwith sync_playwright() as p: print(p.chromium.executable_path)"
    where = subprocess.run([sys.executable, "-c", ask], env=env, capture_output=True, text=True, check=True)
    return executable(Path(where.stdout.strip()))


def test_playwright_chromium_comes_first(machine: tuple[Path, dict[str, str]]) -> None:
    folder, env = machine
    own = install_playwright_chromium(env)
    assert own.startswith(str(folder / "playwright"))
    env["CHROMIUM_PATH"] = executable(folder / "chrome" / "chrome")
    executable(folder / "bin" / "chromium")
    assert found(env) == (0, f"{own}\t(found by playwright)\n")


def test_chromium_path_variable_comes_before_path(machine: tuple[Path, dict[str, str]]) -> None:
    folder, env = machine
    env["CHROMIUM_PATH"] = named = executable(folder / "opt" / "google" / "chrome")
    executable(folder / "bin" / "chromium")
    assert found(env) == (0, f"{named}\t(found by CHROMIUM_PATH)\n")


def test_a_chromium_path_that_is_not_executable_is_an_error(machine: tuple[Path, dict[str, str]]) -> None:
    folder, env = machine
    env["CHROMIUM_PATH"] = str(folder / "nowhere" / "chrome")
    executable(folder / "bin" / "chromium")  # not used instead: the variable names what the person wants
    code, message = found(env)
    assert code == 1 and f"CHROMIUM_PATH={folder}/nowhere/chrome is not an executable file" in message


@pytest.mark.parametrize(
    "names, expected",
    [
        (["google-chrome-stable", "chromium"], "chromium"),
        (["google-chrome", "chromium-browser"], "chromium-browser"),
        (["google-chrome-stable"], "google-chrome-stable"),
    ],
)
def test_path_is_searched_in_order(machine: tuple[Path, dict[str, str]], names: list[str], expected: str) -> None:
    folder, env = machine
    for name in names:
        executable(folder / "bin" / name)
    assert found(env) == (0, f"{folder}/bin/{expected}\t(found by PATH)\n")


def test_nothing_found_says_how_to_get_a_browser(machine: tuple[Path, dict[str, str]]) -> None:
    folder, env = machine
    (folder / "bin" / "chromium").write_text("#!/bin/sh\n", encoding="utf-8")  # present but not executable
    code, message = found(env)
    assert code == 1 and "no chromium" in message and "playwright install chromium" in message


NEEDS_A_BROWSER = "def test_needs_a_browser(browser):\n    assert browser is not None\n"


@pytest.mark.parametrize("ci, outcome", [("true", "1 error"), ("", "1 skipped")])
def test_a_missing_browser_fails_under_ci_and_skips_elsewhere(machine: tuple[Path, dict[str, str]], ci: str, outcome: str) -> None:
    """The browser fixture itself, run by pytest on a machine without any browser."""
    folder, env = machine
    (folder / "test_needs_a_browser.py").write_text(NEEDS_A_BROWSER, encoding="utf-8")
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "tests.browser.conftest",
        "-p",
        "no:cacheprovider",
        "--rootdir",
        str(folder),
        str(folder / "test_needs_a_browser.py"),
    ]
    result = subprocess.run(
        command, cwd=folder, env={**env, "CI": ci, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, check=False
    )
    assert outcome in result.stdout, result.stdout + result.stderr
    if ci:
        assert result.returncode != 0 and "CI must run the browser tests" in result.stdout
