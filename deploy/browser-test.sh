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

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port)
log=$(mktemp)
ASPNETCORE_URLS="http://127.0.0.1:${port}" Orleans__SiloPort=$(free_port) Orleans__GatewayPort=$(free_port) \
  dotnet run --project src/Summarizer.Silo >"$log" 2>&1 &
pid=$!
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$log"; }
trap cleanup EXIT
for _ in $(seq 1 180); do
  curl -sf "http://127.0.0.1:${port}/healthz" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { echo "silo exited early:"; cat "$log"; exit 1; }
  sleep 1
done
timeout 120 node deploy/browser/page-test.mjs "http://127.0.0.1:${port}" seeds/000_d78e6bd5a83982cf.txt seeds/000_d78e6bd5a83982cf.quotes.json
