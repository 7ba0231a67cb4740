#!/usr/bin/env bash
# Side by side: a cold long brief (26 chunks, ~90 KB) on the embedded silo vs LangChain.js
# map_reduce over the same chunks, against one loopback model server answering after L.
# Installs LangChain.js (pinned in bench/langchain/package.json; its token counter is set to its
# own length/4 estimate, so it downloads nothing), builds bench/StartFastBench in Release, and runs
# L = 1 s and 0.2 s with Summarizer's default MaxConcurrency (4) and a high one (64).
# Usage: bash bench/run-langchain-comparison.sh [runs=3]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-3}"
npm install --prefix "$root/bench/langchain" --no-audit --no-fund --silent
dotnet build "$root/bench/StartFastBench" -c Release -v quiet -nologo
for latency in 1000 200; do
  for concurrency in 4 64; do
    dotnet "$root/bench/StartFastBench/bin/Release/net10.0/StartFastBench.dll" compare "$latency" "$concurrency" "$runs" "$root/bench/langchain" 20
  done
done
