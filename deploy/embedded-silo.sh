# Sourced by deploy/smoke-test.sh and deploy/browser-test.sh: starts the embedded silo exactly as
# the README says (dotnet run --project src/Summarizer.Silo) on free loopback ports, waits until it
# is healthy, and stops it by its pid on exit. Sets $port (HTTP), $pid, $silo_log and $silo_data (its
# Summarizer:Storage:Path, a temp directory removed on exit, so no ./data is left in the checkout).
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

start_embedded_silo() {
  port=$(free_port)
  silo_log=$(mktemp)
  silo_data=$(mktemp -d)
  ASPNETCORE_URLS="http://127.0.0.1:${port}" Orleans__SiloPort=$(free_port) Orleans__GatewayPort=$(free_port) \
    Summarizer__Storage__Path="$silo_data" dotnet run --project src/Summarizer.Silo >"$silo_log" 2>&1 &
  pid=$!
  trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$silo_log" "$silo_data"' EXIT
  for _ in $(seq 1 180); do
    curl -sf "http://127.0.0.1:${port}/healthz" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || { echo "silo exited early:"; cat "$silo_log"; exit 1; }
    sleep 1
  done
  echo "silo did not become healthy"; cat "$silo_log"; exit 1
}
