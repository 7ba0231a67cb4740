#!/usr/bin/env bash
# End-to-end test of the compose `observability` profile (issue 15). Bounded in time; traffic to
# 127.0.0.1 only. Fails (never skips) when Docker cannot be made to work or a check fails.
#
#   deploy/observability-test.sh      # from anywhere inside the repository
#
# 1. builds Prometheus (Debian's package) and the Aspire dashboard (NuGet package) locally, up with
#    2 silos, API keys on, silos + gateway exporting OTLP to the dashboard
# 2. a digest through the gateway; /metrics without a key answers 401
# 3. Prometheus' /api/v1/targets lists every silo and the gateway, all `up` (scraped with the key);
#    scaled to 3 silos, it lists the third too (Docker DNS service discovery)
# 4. Prometheus answers a Summarizer metric from each job (requests on the gateway, backend calls on the silos)
# 5. the dashboard's telemetry API holds the digest's trace: the gateway's HTTP span and silo spans in one trace
# 6. down -v (always, by an EXIT trap)
#
# Needs: root (or sudo -n) for offline-docker.sh, curl, python3, git.
# Env: OBSERVABILITY_TEST_TIMEOUT (whole run, s; default 900).
set -euo pipefail

TIMEOUT=${OBSERVABILITY_TEST_TIMEOUT:-900}
if [ -z "${OBSERVABILITY_TEST_BOUNDED:-}" ]; then
  OBSERVABILITY_TEST_BOUNDED=1 exec timeout -k 120 "$TIMEOUT" bash "${BASH_SOURCE[0]}" "$@"
fi

REPO=$(git -C "$(dirname "${BASH_SOURCE[0]}")" rev-parse --show-toplevel)
SHARED_TOOLS=${SHARED_TOOLS:-$REPO/../shared/tools}
PROJECT=summarizer-otest-$$
SILOS=2
SEED=$REPO/seeds/000_d78e6bd5a83982cf.txt
WORK=$(mktemp -d /tmp/summarizer-otest.XXXXXX)
START=$SECONDS

log() { printf '[observability-test +%3ss] %s\n' "$((SECONDS - START))" "$*" >&2; }
fail() { printf '[observability-test +%3ss] FAIL: %s\n' "$((SECONDS - START))" "$*" >&2; exit 1; }

# --- Docker ----------------------------------------------------------------------------------
. "$REPO/deploy/lib/docker-test.sh"
ensure_docker
# Prometheus' image starts from Debian: debian:bookworm-slim where it can be pulled, else the
# debootstrap rootfs offline-docker.sh imports.
if ! docker image inspect debian:bookworm-slim >/dev/null 2>&1 && docker image inspect offline-docker/debian-base:latest >/dev/null 2>&1; then
  export SUMMARIZER_DEBIAN_IMAGE=offline-docker/debian-base:latest
fi

export SUMMARIZER_GATEWAY_PORT=${SUMMARIZER_GATEWAY_PORT:-$(free_port 18180)}
export SUMMARIZER_PROMETHEUS_PORT=${SUMMARIZER_PROMETHEUS_PORT:-$(free_port 19090)}
export SUMMARIZER_VIEWER_PORT=${SUMMARIZER_VIEWER_PORT:-$(free_port 18888)}
GW=http://127.0.0.1:$SUMMARIZER_GATEWAY_PORT
PROM=http://127.0.0.1:$SUMMARIZER_PROMETHEUS_PORT
VIEWER=http://127.0.0.1:$SUMMARIZER_VIEWER_PORT
# Keys on (issue 11): one fresh client key, configured as its SHA-256; Prometheus scrapes with it.
use_fresh_api_key
export SUMMARIZER_METRICS_API_KEY=$API_KEY
SUMMARIZER_VIEWER_API_KEY=$(random_key)
export SUMMARIZER_VIEWER_API_KEY
export OTEL_EXPORTER_OTLP_ENDPOINT=http://aspire-dashboard:18889
dc() { timeout 600 docker compose -f "$REPO/docker-compose.yml" -p "$PROJECT" --profile observability "$@"; }

trap_compose_teardown

until_ok() { # LIMIT_SECONDS WHAT COMMAND...: run COMMAND every 2 s until it succeeds
  local limit=$1 what=$2 t0=$SECONDS; shift 2
  until "$@"; do
    [ $((SECONDS - t0)) -ge "$limit" ] && return 1
    sleep 2
  done
  log "$what ($((SECONDS - t0)) s)"
}

# --- 1. build + up ---------------------------------------------------------------------------
log "building images (project $PROJECT; gateway $GW, Prometheus $PROM, dashboard $VIEWER; Debian base ${SUMMARIZER_DEBIAN_IMAGE:-debian:bookworm-slim})"
dc build >"$WORK/build.log" 2>&1 || { tail -n 30 "$WORK/build.log" >&2; fail "docker compose --profile observability build failed"; }
log "up -d --scale silo=$SILOS"
dc up -d --scale silo=$SILOS >"$WORK/up.log" 2>&1 || { cat "$WORK/up.log" >&2; fail "docker compose --profile observability up failed"; }

ready() { [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$GW/readyz")" = 200 ]; }
until_ok 120 "gateway ready" ready || fail "gateway /readyz not ready after 120 s"
silos_listed() {
  curl -sf --max-time 5 "${AUTH[@]}" -o "$WORK/cluster.json" "$GW/v1/cluster" 2>/dev/null \
    && [ "$(python3 -c 'import json,sys; v = json.load(open(sys.argv[1]))["activeSilos"]; print(v if isinstance(v, int) else len(v))' "$WORK/cluster.json" 2>/dev/null)" = "$SILOS" ]
}
until_ok 120 "/v1/cluster lists $SILOS active silos" silos_listed || fail "/v1/cluster does not list $SILOS active silos after 120 s: $(head -c 300 "$WORK/cluster.json" 2>/dev/null)"

# --- 2. a digest; /metrics needs the key -----------------------------------------------------
{ cat "$SEED"; printf '\n\nObservability check %s.\n' "$PROJECT"; } >"$WORK/article.txt"
code=$(curl -s -o "$WORK/digest.json" -w '%{http_code}' --max-time 60 "${AUTH[@]}" -H 'Content-Type: text/plain' \
  --data-binary "@$WORK/article.txt" "$GW/v1/digests" || true)
[ "$code" = 200 ] || fail "POST /v1/digests answered $code: $(head -c 300 "$WORK/digest.json")"
log "digest through the gateway: 200"
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$GW/metrics" || true)
[ "$code" = 401 ] || fail "GET /metrics without a key answered $code, expected 401 (so a scrape that is up proves the key was sent)"
log "GET /metrics without a key: 401"

# --- 3. every silo and the gateway are scraped and up ----------------------------------------
targets_up() { # N: job summarizer-silo has N targets and summarizer-gateway 1, all up (summary in targets.txt)
  curl -sf --max-time 5 -o "$WORK/targets.json" "$PROM/api/v1/targets?state=active" 2>/dev/null || return 1
  python3 - "$WORK/targets.json" "$1" >"$WORK/targets.txt" <<'PY'
import json, sys
targets = json.load(open(sys.argv[1]))["data"]["activeTargets"]
want = {"summarizer-silo": int(sys.argv[2]), "summarizer-gateway": 1}
ok = True
for job, n in want.items():
    ts = [t for t in targets if t["labels"].get("job") == job]
    up = [t for t in ts if t["health"] == "up"]
    print(f"{job}: {len(up)}/{len(ts)} up (want {n}) " + " ".join(f'{t["labels"]["instance"]}={t["health"]}{"(" + t["lastError"] + ")" if t.get("lastError") else ""}' for t in ts))
    ok = ok and len(ts) == n and len(up) == n
sys.exit(0 if ok else 1)
PY
}
until_ok 120 "every silo and the gateway scraped and up" targets_up "$SILOS" \
  || fail "Prometheus does not scrape every silo and the gateway after 120 s: $(cat "$WORK/targets.txt" 2>/dev/null)"
log "Prometheus targets: $(tr '\n' ';' <"$WORK/targets.txt")"
# Scaled silos are found through Docker's DNS, no config change: one more replica, one more target.
log "scale silo=$((SILOS + 1))"
dc up -d --no-recreate --scale silo=$((SILOS + 1)) >"$WORK/up.log" 2>&1 || { cat "$WORK/up.log" >&2; fail "scale to $((SILOS + 1)) failed"; }
until_ok 120 "the new silo is scraped and up" targets_up "$((SILOS + 1))" \
  || fail "Prometheus does not scrape $((SILOS + 1)) silos after scaling, 120 s: $(cat "$WORK/targets.txt" 2>/dev/null)"
log "Prometheus targets: $(tr '\n' ';' <"$WORK/targets.txt")"

# --- 4. Summarizer metrics, queried from Prometheus ------------------------------------------
query_positive() { # JOB METRIC: sum(METRIC{job=JOB}) > 0 in Prometheus
  curl -sf --max-time 5 -o "$WORK/query.json" --data-urlencode "query=sum(${2}{job=\"$1\"})" "$PROM/api/v1/query" 2>/dev/null || return 1
  python3 -c 'import json,sys
r = json.load(open(sys.argv[1]))["data"]["result"]
v = float(r[0]["value"][1]) if r else 0.0
print(v); sys.exit(0 if v > 0 else 1)' "$WORK/query.json" >"$WORK/value.txt"
}
for jm in summarizer-gateway:summarizer_requests_total summarizer-silo:summarizer_backend_calls_total; do
  job=${jm%%:*} metric=${jm#*:}
  until_ok 60 "Prometheus answers $metric for $job" query_positive "$job" "$metric" \
    || fail "Prometheus has no $metric > 0 for job $job after 60 s: $(head -c 300 "$WORK/query.json" 2>/dev/null)"
  log "Prometheus: sum($metric{job=\"$job\"}) = $(cat "$WORK/value.txt")"
done

# --- 5. traces in the dashboard --------------------------------------------------------------
VIEWER_AUTH=(-H "x-api-key: $SUMMARIZER_VIEWER_API_KEY")
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$VIEWER/api/telemetry/traces" || true)
[ "$code" = 401 ] || fail "dashboard telemetry API without its key answered $code, expected 401"
spans_by_service() { # FILE: "service trace-id span-name" per span of an OTLP JSON answer of the telemetry API
  python3 -c 'import json, sys
for rs in json.load(open(sys.argv[1]))["data"]["resourceSpans"]:
    svc = next((a["value"].get("stringValue") for a in rs["resource"].get("attributes", []) if a["key"] == "service.name"), "?")
    for ss in rs.get("scopeSpans", []):
        for sp in ss.get("spans", []):
            print(svc, sp["traceId"], sp["name"])' "$1"
}
traces_arrived() { # a trace with the gateway's POST /v1/digests span that also holds silo spans
  local id
  # The gateway's traces only (the silos' Orleans background traces would crowd the first page).
  curl -sf --max-time 10 "${VIEWER_AUTH[@]}" -o "$WORK/traces.json" "$VIEWER/api/telemetry/traces?resource=summarizer-gateway" 2>/dev/null || return 1
  spans_by_service "$WORK/traces.json" | awk '$1 == "summarizer-gateway" && /\/v1\/digests/ { print $2 }' | sort -u >"$WORK/digest-traces.txt"
  echo "digest traces from the gateway: $(wc -l <"$WORK/digest-traces.txt")" >"$WORK/traces.txt"
  while read -r id; do
    curl -sf --max-time 10 "${VIEWER_AUTH[@]}" -o "$WORK/trace.json" "$VIEWER/api/telemetry/traces/$id" 2>/dev/null || continue
    spans_by_service "$WORK/trace.json" | awk '{ print $1 }' | sort | uniq -c | tr -s ' ' | tr '\n' ',' >"$WORK/trace-services.txt"
    if grep -q ' summarizer-silo,' "$WORK/trace-services.txt"; then
      echo "trace $id spans by service:$(sed 's/,$//' "$WORK/trace-services.txt")" >>"$WORK/traces.txt"
      return 0
    fi
  done <"$WORK/digest-traces.txt"
  return 1
}
until_ok 60 "traces arrived in the dashboard" traces_arrived \
  || fail "no trace holding the gateway's digest span and silo spans in the dashboard after 60 s: $(cat "$WORK/traces.txt" 2>/dev/null)"
log "dashboard telemetry API: $(tr '\n' ';' <"$WORK/traces.txt")"

log "PASS"
