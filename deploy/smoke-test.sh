#!/usr/bin/env bash
# Starts the silo exactly as the README says (dotnet run --project src/Summarizer.Silo) on a free
# port, posts the seed article, checks the digest JSON, and stops the process by its pid (SIGTERM:
# a background job ignores SIGINT in a non-interactive shell; both run the same graceful shutdown).
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/embedded-silo.sh
start_embedded_silo

out=$(curl -sf "http://127.0.0.1:${port}/v1/digests" -H 'Content-Type: text/plain' --data-binary @seeds/000_d78e6bd5a83982cf.txt)
python3 - "$out" <<'PY'
import json, sys
d = json.loads(sys.argv[1])
gold = json.load(open("seeds/000_d78e6bd5a83982cf.quotes.json"))
speakers = {q["quote"].strip().rstrip(",."): q["speaker"] for q in gold["quotes"]}
assert d["date"] == "2021-06-29", d["date"]
assert len(d["sentences"]) == 3, d["sentences"]
assert d["brief"] and not d["degraded"], d
assert d["backend"]["name"] == "extractive", d["backend"]
assert len(d["keyQuotes"]) >= 3, d["keyQuotes"]
for q in d["keyQuotes"]:
    assert speakers.get(q["text"].strip().rstrip(",.")) == q["speaker"], q
print("smoke: seed digest ok:", len(d["keyQuotes"]), "key quotes,", d["articleId"])
PY

# Bad input through the real process: a problem, not a 500.
status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${port}/v1/digests" -H 'Content-Type: application/json' --data '{bad')
[ "$status" = 400 ] || { echo "malformed JSON gave $status"; exit 1; }

kill -TERM "$pid"
for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
if kill -0 "$pid" 2>/dev/null; then echo "silo did not stop on SIGTERM"; exit 1; fi
echo "smoke: silo stopped cleanly on SIGTERM"
