#!/bin/sh
# The dashboard's HTTP telemetry API (/api/telemetry/traces, ...) is on only with a key:
# SUMMARIZER_VIEWER_API_KEY set -> API on, callers send "x-api-key: <key>"; unset -> API off.
# The browser UI asks for the token printed in the container's log (docker compose logs aspire-dashboard).
# OTLP ingestion is unsecured: it is reachable only inside the compose network (not published).
set -eu
if [ -n "${SUMMARIZER_VIEWER_API_KEY:-}" ]; then
  export DASHBOARD__API__ENABLED=true DASHBOARD__API__AUTHMODE=ApiKey DASHBOARD__API__PRIMARYAPIKEY="$SUMMARIZER_VIEWER_API_KEY"
else
  export DASHBOARD__API__ENABLED=false
fi
export DASHBOARD__OTLP__AUTHMODE=Unsecured
exec /dashboard/Aspire.Dashboard "$@"
