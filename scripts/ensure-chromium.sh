#!/usr/bin/env bash
# The browser tests drive the chromium that scripts/chromium_path.py finds: Playwright's own, else CHROMIUM_PATH,
# else chromium or Chrome on PATH. When there is none and we are root on Debian, install Debian's chromium.
# Under CI=true a browser that is still missing is an error here, and the browser tests fail rather than skip;
# elsewhere they skip with the reason. PYTHON is the project's interpreter (make passes .venv/bin/python).
set -euo pipefail
PYTHON="${PYTHON:-.venv/bin/python}"
find_chromium() { "$PYTHON" scripts/chromium_path.py; }
if find_chromium 2>/dev/null; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing chromium with apt-get (the browser tests need it)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi
if find_chromium; then exit 0; fi
echo "chromium is missing and could not be installed (not root, or no apt-get)." >&2
if [ "${CI:-}" = "true" ]; then
  echo "CI=true: the browser tests must run, so this is an error." >&2
  exit 1
fi
echo "The browser tests will be skipped until a browser is found (see scripts/chromium_path.py)." >&2
