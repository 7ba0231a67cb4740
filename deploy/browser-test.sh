#!/usr/bin/env bash
# The web page in headless Chromium: installs Debian's chromium and playwright-core (pinned in
# deploy/browser/package.json), serves the seed article as an HTML page on a loopback port (python3
# http.server), starts the embedded silo on a free port allowed to fetch it
# (Summarizer:Fetch:AllowedNetworks/AllowedPorts), and runs page-test.mjs: pasted text, then the link.
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
pages=$(mktemp -d)
python3 - seeds/000_d78e6bd5a83982cf.txt "$pages/seed.html" <<'PY'
import html, re, sys
text = re.sub(r'^\s*date \d{4}-\d{2}-\d{2}\s+', '', open(sys.argv[1], encoding='utf-8').read())
paras = ''.join(f'<p>{html.escape(p.strip())}</p>\n' for p in re.split(r'\n\s*\n', text) if p.strip())
open(sys.argv[2], 'w', encoding='utf-8').write(f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>US strikes on Iran-backed militias</title><meta property="article:published_time" content="2021-06-29">
<link rel="canonical" href="https://news.example/2021/06/29/us-strikes"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>US strikes on Iran-backed militias</h1>
{paras}</article><footer>(c) News Example</footer></body></html>""")
PY
page_port=$(free_port)
export Summarizer__Fetch__AllowedNetworks__0=127.0.0.1/32 Summarizer__Fetch__AllowedPorts__0=$page_port
start_embedded_silo
python3 -m http.server "$page_port" --bind 127.0.0.1 --directory "$pages" >/dev/null 2>&1 &
page_pid=$!
trap 'kill "$pid" "$page_pid" 2>/dev/null || true; wait "$pid" "$page_pid" 2>/dev/null || true; rm -rf "$silo_log" "$silo_data" "$pages"' EXIT
timeout 120 node deploy/browser/page-test.mjs "http://127.0.0.1:${port}" seeds/000_d78e6bd5a83982cf.txt seeds/000_d78e6bd5a83982cf.quotes.json \
  "http://127.0.0.1:${page_port}/seed.html"
timeout 120 node deploy/browser/collections-test.mjs "http://127.0.0.1:${port}" seeds/000_d78e6bd5a83982cf.txt \
  "http://127.0.0.1:${page_port}/seed.html" "http://127.0.0.1:${page_port}/missing.html"
