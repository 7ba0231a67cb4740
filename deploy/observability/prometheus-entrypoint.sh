#!/bin/sh
# Writes the scrape config from the template, then runs Prometheus in the foreground.
# SUMMARIZER_METRICS_API_KEY (the key itself, not its hash): when set, every scrape of /metrics
# sends "Authorization: Bearer <key>" (read from a file; Prometheus 2.42 does not expand env in
# its config). Its SHA-256 must be one of the keys the silos and the gateway accept.
set -eu
conf=/run/prometheus/prometheus.yml
if [ -n "${SUMMARIZER_METRICS_API_KEY:-}" ]; then
  umask 077
  printf %s "$SUMMARIZER_METRICS_API_KEY" >/run/prometheus/api-key
  auth='    authorization: { type: Bearer, credentials_file: /run/prometheus/api-key }'
else
  auth=''
fi
awk -v auth="$auth" '$0 == "    # @AUTHORIZATION@" { if (auth != "") print auth; next } { print }' \
  /etc/prometheus/prometheus.yml.in >"$conf"
exec /usr/bin/prometheus --config.file="$conf" --storage.tsdb.path=/prometheus \
  --web.listen-address=0.0.0.0:9090 --web.console.libraries=/usr/share/prometheus/console_libraries \
  --web.console.templates=/usr/share/prometheus/consoles "$@"
