#!/usr/bin/env bash
# Cluster mode as plain processes (no Docker), exactly as docs/CLUSTER.md says: a redis-server,
# two silos and a gateway started with `dotnet run`, all on 127.0.0.1. Checks: the gateway is
# ready, /v1/cluster lists 2 active silos, the seed digest through the gateway is a real digest,
# and the same digest is cached: true through a silo's own API (state shared through Redis).
# Bounded in time; fails (never skips) when redis-server cannot be installed or anything
# does not come up. Stops what it started by process group on exit.
#
#   deploy/plain-cluster-test.sh     # from anywhere inside the repository; installs redis-server
#
# Env: PLAIN_CLUSTER_TIMEOUT (whole run, s; default 900).
set -euo pipefail

TIMEOUT=${PLAIN_CLUSTER_TIMEOUT:-900}
if [ -z "${PLAIN_CLUSTER_BOUNDED:-}" ]; then
  PLAIN_CLUSTER_BOUNDED=1 exec timeout -k 60 "$TIMEOUT" bash "${BASH_SOURCE[0]}" "$@"
fi

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
SEED=seeds/000_d78e6bd5a83982cf.txt
WORK=$(mktemp -d /tmp/summarizer-plain.XXXXXX)
START=$SECONDS
PIDS=()

log() { printf '[plain-cluster +%3ss] %s\n' "$((SECONDS - START))" "$*" >&2; }
fail() { printf '[plain-cluster +%3ss] FAIL: %s\n' "$((SECONDS - START))" "$*" >&2; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

cleanup() {
  rc=$?
  if [ $rc -ne 0 ]; then
    for f in "$WORK"/*.log; do [ -f "$f" ] && { echo "--- $(basename "$f") (last 40 lines)"; tail -40 "$f"; }; done >&2
  fi
  # Each process was started in its own session (setsid): its group id is its pid.
  for pid in "${PIDS[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 30); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
  exit $rc
}
trap cleanup EXIT

# --- redis-server from Debian ------------------------------------------------------------------
if ! command -v redis-server >/dev/null; then
  command -v apt-get >/dev/null || fail "no redis-server and no apt-get to install it"
  log "apt-get update; apt-get install redis-server"
  apt-get update -qq || fail "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null || fail "apt-get install redis-server failed"
fi
for tool in redis-server redis-cli curl python3 setsid dotnet; do
  command -v "$tool" >/dev/null || fail "$tool is not installed"
done

start() { # name, then the command: runs in its own process group, output to $WORK/name.log
  local name=$1; shift
  setsid "$@" >"$WORK/$name.log" 2>&1 &
  PIDS+=("$!")
}

REDIS_PORT=$(free_port)
start redis redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no
for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG && break; sleep 0.2; done
redis-cli -p "$REDIS_PORT" ping | grep -q PONG || fail "redis-server did not answer on $REDIS_PORT"
log "redis-server on 127.0.0.1:$REDIS_PORT ($(redis-server --version | cut -d' ' -f3))"

log "dotnet build of the silo and the gateway"
dotnet build src/Summarizer.Silo -v q --nologo >"$WORK/build-silo.log" 2>&1 || fail "build of src/Summarizer.Silo failed"
dotnet build src/Summarizer.Gateway -v q --nologo >"$WORK/build-gateway.log" 2>&1 || fail "build of src/Summarizer.Gateway failed"

# The documented commands (docs/CLUSTER.md), with --no-build since it was just built. One
# cluster id for this run so nothing else on the same Redis can join it.
export Summarizer__Cluster__Mode=Redis Summarizer__Cluster__Redis=127.0.0.1:$REDIS_PORT
export Orleans__ClusterId=plain-$$ Orleans__ServiceId=plain-$$
SILO_URLS=()
for i in 1 2; do
  port=$(free_port)
  SILO_URLS+=("http://127.0.0.1:$port")
  start "silo$i" dotnet run --no-build --project src/Summarizer.Silo -- \
    --Orleans:SiloPort="$(free_port)" --Orleans:GatewayPort="$(free_port)" --urls "http://127.0.0.1:$port"
done
GW_PORT=$(free_port)
GW=http://127.0.0.1:$GW_PORT
start gateway dotnet run --no-build --project src/Summarizer.Gateway -- --urls "$GW"

wait_for() { # what, url, seconds: until the url answers 200
  local what=$1 url=$2 limit=$3
  for _ in $(seq 1 "$limit"); do
    curl -sf -o /dev/null "$url" && return 0
    for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null || fail "a process exited early (while waiting for $what)"; done
    sleep 1
  done
  fail "$what not ready within $limit s ($url)"
}
for url in "${SILO_URLS[@]}"; do wait_for "silo $url" "$url/readyz" 240; done
wait_for gateway "$GW/readyz" 120
log "2 silos and the gateway are ready"

# Membership can take a moment to show both silos to the gateway.
silos=0
for _ in $(seq 1 60); do
  silos=$(curl -sf "$GW/v1/cluster" | python3 -c 'import json,sys; print(json.load(sys.stdin)["activeSilos"])' || echo 0)
  [ "$silos" = 2 ] && break
  sleep 1
done
[ "$silos" = 2 ] || fail "/v1/cluster through the gateway lists $silos active silos, not 2"
log "/v1/cluster lists 2 active silos"

digest=$(curl -sf "$GW/v1/digests" -H 'Content-Type: text/plain' --data-binary "@$SEED") || fail "the seed digest through the gateway failed"
python3 - "$digest" <<'PY' || fail "the seed digest through the gateway is not a digest"
import json, sys
d = json.loads(sys.argv[1])
assert d["brief"] and len(d["sentences"]) == 3, d
assert d["date"] == "2021-06-29", d["date"]
assert len(d["keyQuotes"]) >= 3, d["keyQuotes"]
assert not d["degraded"] and not d["cached"], d
print("seed digest:", len(d["sentences"]), "sentences,", len(d["keyQuotes"]), "key quotes", file=sys.stderr)
PY
again=$(curl -sf "${SILO_URLS[1]}/v1/digests" -H 'Content-Type: text/plain' --data-binary "@$SEED") || fail "the seed digest through silo 2 failed"
python3 -c 'import json,sys; d=json.loads(sys.argv[1]); assert d["cached"], d' "$again" || fail "the digest through silo 2 was not cached"
log "seed digest through the gateway: 200; again through silo 2: cached"
log "PASS"
