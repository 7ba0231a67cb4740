#!/usr/bin/env bash
# Speed comparison: Summarizer's digest vs the npm `lexrank` summarizer, same articles, same run.
# Installs the npm package (pinned in bench/node/package.json), builds Summarizer.Eval in Release,
# and prints per-article times and the ratio. Needs ../shared/data/eval/polnear_articles.jsonl
# (or pass another JSONL of {"id","article"} as $1) for the ~50 KB article.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
articles="${1:-$root/../shared/data/eval/polnear_articles.jsonl}"
npm install --prefix "$root/bench/node" --no-audit --no-fund --silent
dotnet build "$root/src/Summarizer.Eval" -c Release -v quiet -nologo
dotnet "$root/src/Summarizer.Eval/bin/Release/net10.0/summarizer-eval.dll" speed --articles "$articles" --node "$root/bench/node"
