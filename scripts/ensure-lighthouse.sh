#!/usr/bin/env bash
# The Lighthouse test (tests/browser/test_lighthouse.py) runs the npm package pinned in package.json and
# package-lock.json at the repository's root, installed into node_modules/ with `npm ci`. Node and npm come from
# the machine; when they are missing and we are root on Debian, install Debian's nodejs and npm with apt-get.
# Under CI=true a Lighthouse that is still missing is an error, and the test fails rather than skips; elsewhere
# it skips with the reason. Nothing is installed again while node_modules matches the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v npm >/dev/null 2>&1 && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing nodejs and npm with apt-get (the Lighthouse test needs them)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "npm is missing and could not be installed (not root, or no apt-get)." >&2
  if [ "${CI:-}" = "true" ]; then echo "CI=true: the Lighthouse test must run, so this is an error." >&2; exit 1; fi
  echo "The Lighthouse test will be skipped until node and npm are found." >&2
  exit 0
fi
# A copy of the lock file installed is kept in node_modules/: the same lock file means nothing to do.
if [ -x node_modules/.bin/lighthouse ] && cmp -s package-lock.json node_modules/.installed-lock.json; then
  exit 0
fi
echo "Installing the pinned test tools of package-lock.json with npm ci (Lighthouse)..."
npm ci --no-audit --no-fund --loglevel=error
cp package-lock.json node_modules/.installed-lock.json
