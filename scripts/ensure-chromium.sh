#!/usr/bin/env bash
# The browser tests drive Debian's chromium (Playwright's own browser download does not work here).
# Install it when missing and we are root. Under CI=true a browser that is still missing is an error here,
# and the browser tests fail rather than skip; elsewhere they skip with the reason.
set -euo pipefail
have_chromium() { [ -x /usr/bin/chromium ] || command -v chromium >/dev/null 2>&1; }
if have_chromium; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing chromium with apt-get (the browser tests need it)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi
if have_chromium; then exit 0; fi
echo "chromium is missing and could not be installed (not root, or no apt-get)." >&2
if [ "${CI:-}" = "true" ]; then
  echo "CI=true: the browser tests must run, so this is an error." >&2
  exit 1
fi
echo "The browser tests will be skipped; install Debian's chromium to run them." >&2
