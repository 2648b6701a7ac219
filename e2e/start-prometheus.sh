#!/usr/bin/env bash
# Started by Playwright before the backend: a real Prometheus on throwaway data, filled by the metrics
# feeder from the e2e fixture (e2e/fixtures/health-scenario.json), one push every 5 s. Before it starts,
# the fixture's history of the clusters that record when they moved to their profile version (the
# canary wave of the demo's rollout) is written into its data directory as blocks
# (examples/metrics-feeder/backfill-history.sh), so that a rollout gate has days of soak to judge.
# Its pid goes to $FLEET_E2E_PROMETHEUS_PIDFILE so that a test can stop the source and see the portal
# say so; SIGUSR1 to this script (pid in $FLEET_E2E_PROMETHEUS_PIDFILE.supervisor) starts it again on
# the same data, for the specs that run after that test. On exit it stops the processes it started,
# by pid, and nothing else.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/env.sh"
PORT="${FLEET_E2E_PROMETHEUS_PORT:-7029}"
PIDFILE="${FLEET_E2E_PROMETHEUS_PIDFILE:?set by e2e/playwright.config.ts}"
SCENARIO="$ROOT/e2e/fixtures/health-scenario.json"
if ! command -v prometheus >/dev/null 2>&1; then
  echo "e2e: prometheus is not installed (Debian package prometheus); the fleet health spec needs it" >&2
  exit 1
fi
# the port is fixed by e2e/playwright.config.ts: when another program has it, say so and leave it alone
node "$ROOT/scripts/free-port.js" "$PORT" --require >/dev/null
DATA="$(mktemp -d /tmp/fleet-e2e-prometheus-XXXXXX)"
mkdir -p "$(dirname "$PIDFILE")"
: >"$DATA/prometheus.yml"
prometheus_pid=""
feeder_pid=""
trap 'for p in $prometheus_pid $feeder_pid; do kill "$p" 2>/dev/null || true; done; rm -rf "$DATA" "$PIDFILE" "$PIDFILE.supervisor"' EXIT
trap 'exit 143' TERM INT
restart=0
trap 'restart=1' USR1
echo $$ >"$PIDFILE.supervisor"

start_prometheus() {
  prometheus --config.file="$DATA/prometheus.yml" --storage.tsdb.path="$DATA/tsdb" \
    --web.listen-address="127.0.0.1:$PORT" --web.enable-remote-write-receiver \
    >>"$DATA/prometheus.log" 2>&1 &
  prometheus_pid=$!
  echo "$prometheus_pid" >"$PIDFILE"
}

# the feeder and its history share one anchor, so that they draw one history
ANCHOR="$(date +%s)"
bash "$ROOT/examples/metrics-feeder/backfill-history.sh" "$DATA/tsdb" "$SCENARIO" "$ANCHOR"
start_prometheus
node "$ROOT/examples/metrics-feeder/feed.js" --url "http://127.0.0.1:$PORT/api/v1/write" \
  --scenario "$SCENARIO" --interval 5 --anchor "$ANCHOR" &
feeder_pid=$!
# keep running (and feeding) until Playwright stops the suite, also after a test stopped Prometheus;
# a trapped USR1 interrupts the wait
while kill -0 "$feeder_pid" 2>/dev/null; do
  wait "$feeder_pid" || true
  if [ "$restart" = 1 ]; then
    restart=0
    if ! kill -0 "$prometheus_pid" 2>/dev/null; then
      echo "e2e: starting the stopped Prometheus again on the same data" >&2
      start_prometheus
    fi
  fi
done
