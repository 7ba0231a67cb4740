#!/usr/bin/env bash
# The HTTP fuzz (issue 11): starts the embedded silo exactly as the README says (deploy/embedded-silo.sh),
# then `summarizer-eval http-fuzz` sends HTTP_FUZZ_REQUESTS (default 2400) hostile and malformed requests
# over every route, method, content type, header and parameter, plus mutated articles of the seed corpus
# tests/Summarizer.Eval.Tests/Corpus/articles.jsonl, with a fixed seed (HTTP_FUZZ_SEED, default 1).
# Fails on any 5xx, any hang (per-request timeout), any error that is not application/problem+json, any
# stored article changed afterwards, any connection to the canary that refused URLs point at, or a silo
# that is no longer healthy. Prints the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/embedded-silo.sh

requests=${HTTP_FUZZ_REQUESTS:-2400}
seed=${HTTP_FUZZ_SEED:-1}
dotnet build src/Summarizer.Eval -v q --nologo >/dev/null
start_embedded_silo

set +e
dotnet run --no-build --project src/Summarizer.Eval -- http-fuzz --url "http://127.0.0.1:${port}" \
  --requests "$requests" --seed "$seed" --corpus tests/Summarizer.Eval.Tests/Corpus/articles.jsonl
rc=$?
set -e
if [ "$rc" -ne 0 ]; then
  echo "http-fuzz: failed (exit $rc); silo log tail:"; grep -E 'fail:|crit:|Exception' "$silo_log" | tail -40 || true
  exit 1
fi
if grep -qE 'crit:|Unhandled exception' "$silo_log"; then
  echo "http-fuzz: the silo logged unhandled errors:"; grep -E -A5 'crit:|Unhandled exception' "$silo_log" | head -60; exit 1
fi
kill -TERM "$pid"
wait "$pid" 2>/dev/null || true
echo "http-fuzz: ok"
