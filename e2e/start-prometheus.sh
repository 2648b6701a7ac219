#!/usr/bin/env bash
# Started by Playwright before the backend: a real Prometheus on throwaway data, filled by the metrics
# feeder from the e2e fixture (e2e/fixtures/health-scenario.json), one push every 5 s. Its pid goes to
# $FLEET_E2E_PROMETHEUS_PIDFILE so that a test can stop the source and see the portal say so. On exit it
# stops the two processes it started, by pid, and nothing else.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/env.sh"
PORT="${FLEET_E2E_PROMETHEUS_PORT:-7029}"
PIDFILE="${FLEET_E2E_PROMETHEUS_PIDFILE:?set by e2e/playwright.config.ts}"
if ! command -v prometheus >/dev/null 2>&1; then
  echo "e2e: prometheus is not installed (Debian package prometheus); the fleet health spec needs it" >&2
  exit 1
fi
# the port is fixed by e2e/playwright.config.ts: when another program has it, say so and leave it alone
node "$ROOT/scripts/free-port.js" "$PORT" --require >/dev/null
DATA="$(mktemp -d /tmp/fleet-e2e-prometheus-XXXXXX)"
mkdir -p "$(dirname "$PIDFILE")"
: >"$DATA/prometheus.yml"
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$DATA" "$PIDFILE"' EXIT
trap 'exit 143' TERM INT
prometheus --config.file="$DATA/prometheus.yml" --storage.tsdb.path="$DATA/tsdb" \
  --web.listen-address="127.0.0.1:$PORT" --web.enable-remote-write-receiver \
  >"$DATA/prometheus.log" 2>&1 &
pids+=($!)
echo $! >"$PIDFILE"
node "$ROOT/examples/metrics-feeder/feed.js" --url "http://127.0.0.1:$PORT/api/v1/write" \
  --scenario "$ROOT/e2e/fixtures/health-scenario.json" --interval 5 &
pids+=($!)
# keep running (and feeding) until Playwright stops the suite, also after a test stopped Prometheus
wait "${pids[1]}"
