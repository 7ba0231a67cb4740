#!/usr/bin/env bash
# The web page in headless Chromium: installs Debian's chromium and playwright-core (pinned in
# deploy/browser/package.json), starts the embedded silo on a free port, and runs page-test.mjs.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
npm ci --prefix deploy/browser --no-audit --no-fund --silent

source deploy/embedded-silo.sh
start_embedded_silo
timeout 120 node deploy/browser/page-test.mjs "http://127.0.0.1:${port}" seeds/000_d78e6bd5a83982cf.txt seeds/000_d78e6bd5a83982cf.quotes.json
