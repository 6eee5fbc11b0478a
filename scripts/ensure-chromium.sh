#!/usr/bin/env bash
# The browser tests drive Debian's chromium. Install it when missing and we are root;
# under CI a missing browser is a failure (the tests then fail rather than skip).
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing chromium with apt-get (browser tests need it)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "chromium is missing and cannot be installed here (not root): browser tests will fail under CI=true, skip otherwise." >&2
