#!/usr/bin/env bash
# The OpenAPI contract as a client sees it: starts the embedded silo as the README does, fetches
# /openapi/v1.json, lints it with @redocly/cli (recommended rules; 0 errors and 0 warnings, or the
# step fails), generates a TypeScript client with openapi-typescript and type-checks (tsc, strict)
# deploy/openapi/client-check.ts, which calls every operation of the document through openapi-fetch.
# Tool versions are pinned in deploy/openapi/package.json + package-lock.json (npm ci).
# OPENAPI_URL=http://host:port/openapi/v1.json checks a running host instead of starting one.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
npm ci --prefix deploy/openapi --no-audit --no-fund --silent

out=$(mktemp -d)
if [ -z "${OPENAPI_URL:-}" ]; then
  source deploy/embedded-silo.sh
  start_embedded_silo
  trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$silo_log" "$silo_data" "$out"' EXIT
  OPENAPI_URL="http://127.0.0.1:${port}/openapi/v1.json"
else
  trap 'rm -rf "$out"' EXIT
fi
curl -sf "$OPENAPI_URL" -o "$out/openapi.json"
echo "openapi: fetched $(wc -c <"$out/openapi.json") bytes from $OPENAPI_URL"

bin=deploy/openapi/node_modules/.bin
"$bin/redocly" lint "$out/openapi.json" --config deploy/openapi/redocly.yaml --max-problems 200 --format stylish >"$out/lint.txt" 2>&1 || true
cat "$out/lint.txt"
if ! grep -q 'Your API description is valid' "$out/lint.txt" || grep -qE '[0-9]+ (warning|error)' "$out/lint.txt"; then
  echo "openapi: redocly lint is not clean (0 errors and 0 warnings required)"; exit 1
fi

"$bin/openapi-typescript" "$out/openapi.json" -o deploy/openapi/generated/summarizer.d.ts --alphabetize >/dev/null
"$bin/tsc" -p deploy/openapi/tsconfig.json
echo "openapi: lint clean; generated client type-checks against deploy/openapi/client-check.ts"
