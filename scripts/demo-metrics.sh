# Sourced by scripts/start.sh: when Debian's `prometheus` is installed, starts a local Prometheus
# (127.0.0.1:9090, remote-write receiver, data in ./data/prometheus, fresh at each start) and the
# DEMO metrics feeder (examples/metrics-feeder), and stops both when the calling shell exits.
# Without prometheus the portal still starts; its health views then say the source is unavailable.
FLEET_PROMETHEUS_PORT="${FLEET_PROMETHEUS_PORT:-9090}"
fleet_demo_pids=()
fleet_stop_demo_metrics() {
  local pid
  for pid in "${fleet_demo_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
}

if ! command -v prometheus >/dev/null 2>&1; then
  printf '\033[1;33mprometheus is not installed: fleet health will report its metrics source as unavailable.\033[0m\n'
elif curl -fsS "http://127.0.0.1:${FLEET_PROMETHEUS_PORT}/-/ready" >/dev/null 2>&1; then
  printf '\033[1;33mSomething already answers on 127.0.0.1:%s; not starting the demo Prometheus or feeder.\033[0m\n' "$FLEET_PROMETHEUS_PORT"
else
  rm -rf "$ROOT/data/prometheus"
  mkdir -p "$ROOT/data/prometheus"
  # no scrape jobs: the store only holds what the feeder remote-writes
  : >"$ROOT/data/prometheus/prometheus.yml"
  prometheus --config.file="$ROOT/data/prometheus/prometheus.yml" \
    --storage.tsdb.path="$ROOT/data/prometheus/tsdb" \
    --web.listen-address="127.0.0.1:${FLEET_PROMETHEUS_PORT}" \
    --web.enable-remote-write-receiver \
    >"$ROOT/data/prometheus/prometheus.log" 2>&1 &
  fleet_demo_pids+=($!)
  trap fleet_stop_demo_metrics EXIT
  for _ in $(seq 1 60); do
    curl -fsS "http://127.0.0.1:${FLEET_PROMETHEUS_PORT}/-/ready" >/dev/null 2>&1 && break
    sleep 0.5
  done
  node "$ROOT/examples/metrics-feeder/feed.js" \
    --url "http://127.0.0.1:${FLEET_PROMETHEUS_PORT}/api/v1/write" --interval 20 &
  fleet_demo_pids+=($!)
  printf 'Demo Prometheus on http://127.0.0.1:%s, fed with DEMO series by examples/metrics-feeder.\n' "$FLEET_PROMETHEUS_PORT"
fi
