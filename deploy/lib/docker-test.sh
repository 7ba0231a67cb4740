# Sourced by the Docker end-to-end tests (compose-test.sh, observability-test.sh); needs REPO,
# SHARED_TOOLS and a fail function. Nothing here runs on sourcing.

# Docker through ../shared/tools/offline-docker.sh (root, or sudo -n); fails, never skips.
ensure_docker() {
  [ -f "$SHARED_TOOLS/offline-docker.sh" ] || fail "no $SHARED_TOOLS/offline-docker.sh (shared/ must sit beside the repository)"
  if [ "$(id -u)" = 0 ]; then
    bash "$SHARED_TOOLS/offline-docker.sh" || fail "offline-docker.sh could not make Docker work"
  else
    sudo -n bash "$SHARED_TOOLS/offline-docker.sh" || fail "offline-docker.sh needs root (sudo -n failed)"
  fi
  docker info >/dev/null 2>&1 || fail "docker does not answer"
}

free_port() { # first free 127.0.0.1 port from $1
  local p=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done
  echo "$p"
}

random_key() { head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'; }

# API keys on (issue 11): API_KEY is a fresh key, the services get only its SHA-256.
use_fresh_api_key() {
  API_KEY=$(random_key)
  export SUMMARIZER_API_KEY_SHA256="sha256:$(printf %s "$API_KEY" | sha256sum | cut -d' ' -f1)"
  export SUMMARIZER_AUTH_MODE=Keys
  AUTH=(-H "X-Api-Key: $API_KEY")
}

# On exit: on failure the services' last logs (COMPOSE_LOG_SERVICES, default all), then always
# `down -v` and the work dir; a signal (timeout(1) at TIMEOUT) exits 124 through the same path.
# Needs dc (docker compose with -f/-p), log, WORK, START, TIMEOUT.
trap_compose_teardown() {
  trap compose_teardown EXIT
  trap 'log "stopped by a signal (time limit $TIMEOUT s?)"; exit 124' TERM INT
}
compose_teardown() {
  local rc=$?
  if [ $rc -ne 0 ]; then
    log "failed (exit $rc); last logs:"
    # shellcheck disable=SC2086 # a list of service names
    dc logs --no-color --tail=40 ${COMPOSE_LOG_SERVICES:-} >&2 2>/dev/null || true
  fi
  log "docker compose down -v"
  dc down -v --remove-orphans >/dev/null 2>&1 || true
  rm -rf "$WORK"
  log "total $((SECONDS - START)) s"
}
