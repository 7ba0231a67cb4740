#!/usr/bin/env bash
# Cluster mode as plain processes (no Docker), exactly as docs/CLUSTER.md says: a redis-server on
# a free loopback port, three silos and a gateway started with `dotnet run`, all on 127.0.0.1.
# Checks: every process is ready, /v1/cluster through the gateway lists 3 active silos, the seed
# digest through the gateway is a real digest (and cached: true through a silo's own API: state
# is shared through Redis), then one silo is killed with SIGKILL and the gateway still answers a
# new digest (and /v1/cluster drops to 2). Bounded in time; fails (never skips) when redis-server
# cannot be installed or anything does not come up. Stops every process it started on exit,
# failure included (trap).
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
# cluster id for this run so nothing else on the same Redis can join it. The gateway faces the
# network and requires API keys: one key for this run, its SHA-256 in configuration.
export Summarizer__Cluster__Mode=Redis Summarizer__Cluster__Redis=127.0.0.1:$REDIS_PORT
export Orleans__ClusterId=plain-$$ Orleans__ServiceId=plain-$$
# As compose: a killed silo is declared dead in seconds; a lost call is retried after 10 s.
export Orleans__Membership__ProbeTimeout=00:00:02 Orleans__Membership__NumMissedProbesLimit=2 \
  Orleans__Membership__NumVotesForDeathDeclaration=2 Orleans__Membership__TableRefreshTimeout=00:00:05
export Summarizer__Gateway__ResponseTimeoutSeconds=10 Summarizer__Gateway__RetryBudgetSeconds=25
API_KEY=$(python3 -c 'import secrets; print(secrets.token_hex(24))')
export Summarizer__Auth__ApiKeys__0="sha256:$(printf '%s' "$API_KEY" | sha256sum | cut -d' ' -f1)"
KEY_HEADER="X-Api-Key: $API_KEY"

SILOS=3
SILO_URLS=()
SILO_PIDS=()
for i in $(seq 1 $SILOS); do
  port=$(free_port)
  SILO_URLS+=("http://127.0.0.1:$port")
  start "silo$i" dotnet run --no-build --project src/Summarizer.Silo -- \
    --Orleans:SiloPort="$(free_port)" --Orleans:GatewayPort="$(free_port)" --urls "http://127.0.0.1:$port"
  SILO_PIDS+=("$!")
done
GW_PORT=$(free_port)
GW=http://127.0.0.1:$GW_PORT
start gateway dotnet run --no-build --project src/Summarizer.Gateway -- --urls "$GW"

alive() { # every started process still runs (a killed silo is removed from PIDS)
  for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null || fail "a process exited early (pid $pid, while $1)"; done
}
wait_for() { # what, url, seconds: until the url answers 200
  local what=$1 url=$2 limit=$3
  for _ in $(seq 1 "$limit"); do
    curl -sf -o /dev/null "$url" && return 0
    alive "waiting for $what"
    sleep 1
  done
  fail "$what not ready within $limit s ($url)"
}
for url in "${SILO_URLS[@]}"; do wait_for "silo $url" "$url/readyz" 300; done
wait_for gateway "$GW/readyz" 120
log "$SILOS silos and the gateway are ready"

active_silos() { curl -sf -H "$KEY_HEADER" "$GW/v1/cluster" | python3 -c 'import json,sys; print(json.load(sys.stdin)["activeSilos"])' || echo 0; }
wait_silos() { # count, seconds: until /v1/cluster through the gateway lists that many active silos
  local want=$1 limit=$2 silos=0
  for _ in $(seq 1 "$limit"); do
    silos=$(active_silos)
    [ "$silos" = "$want" ] && return 0
    sleep 1
  done
  fail "/v1/cluster through the gateway lists $silos active silos, not $want (waited $limit s)"
}
wait_silos $SILOS 60
log "/v1/cluster lists $SILOS active silos"

check_digest() { # label, json, expected date (or ''): a real, undegraded digest
  python3 - "$1" "$2" "$3" <<'PY'
import json, sys
label, body, date = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3]
assert body["brief"] and len(body["sentences"]) == 3, body
assert not date or body["date"] == date, body["date"]
assert len(body["keyQuotes"]) >= 3, body["keyQuotes"]
assert not body["degraded"] and not body["cached"], body
print(f"{label}: {len(body['sentences'])} sentences, {len(body['keyQuotes'])} key quotes", file=sys.stderr)
PY
}
post_digest() { # base url, file: the digest JSON (fails on any status but 2xx)
  curl -sf --max-time 60 -H "$KEY_HEADER" -H 'Content-Type: text/plain' --data-binary "@$2" "$1/v1/digests"
}

digest=$(post_digest "$GW" "$SEED") || fail "the seed digest through the gateway failed"
check_digest "seed digest through the gateway" "$digest" 2021-06-29 || fail "the seed digest through the gateway is not a digest"
again=$(post_digest "${SILO_URLS[1]}" "$SEED") || fail "the seed digest through silo 2 failed"
python3 -c 'import json,sys; d=json.loads(sys.argv[1]); assert d["cached"], d' "$again" || fail "the digest through silo 2 was not cached"
log "seed digest through the gateway: 200; again through silo 2: cached (state in Redis)"

# kill -9 of silo 3's whole process group (dotnet run and the silo it started).
victim=${SILO_PIDS[2]}
kill -KILL -- "-$victim"
left=()
for pid in "${PIDS[@]}"; do [ "$pid" = "$victim" ] || left+=("$pid"); done
PIDS=("${left[@]}")
log "silo 3 killed (SIGKILL, process group $victim)"

# A new article (the seed with an added paragraph), never digested before: a new grain, placed
# on a silo the gateway picks while the dead one may still be listed.
NEW="$WORK/after-kill.txt"
{ cat "$SEED"; printf '\n\nThe council said on Tuesday that the works would be reviewed after the kill test %s.\n' "$$"; } >"$NEW"
after=$(post_digest "$GW" "$NEW") || fail "a new digest through the gateway after the kill failed"
check_digest "new digest through the gateway after the kill" "$after" "" || fail "the digest after the kill is not a digest"
cached=$(post_digest "$GW" "$SEED") || fail "the seed digest through the gateway after the kill failed"
python3 -c 'import json,sys; d=json.loads(sys.argv[1]); assert d["cached"], d' "$cached" || fail "the seed digest after the kill was not cached"
log "after the kill: a new digest through the gateway 200; the seed digest cached"
wait_silos $((SILOS - 1)) 90
log "/v1/cluster lists $((SILOS - 1)) active silos"
alive "after the kill"
log "PASS"
