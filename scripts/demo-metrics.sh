# Sourced by scripts/start.sh: when Debian's `prometheus` is installed, starts a local Prometheus
# (127.0.0.1:9090, remote-write receiver, data in ./data/prometheus, fresh at each start, with days
# of backfilled history for the rollout gates: examples/metrics-feeder/backfill-history.sh) and the
# DEMO metrics feeder (examples/metrics-feeder), and stops both — only those two pids — when the
# calling shell exits. Without prometheus the portal still starts; its health views then say the
# source is unavailable.
# When something else listens on 127.0.0.1:9090 it is left alone: the demo Prometheus takes a free
# port instead (scripts/free-port.js) and fleet_demo_config_args points the portal at it.
FLEET_PROMETHEUS_PORT="${FLEET_PROMETHEUS_PORT:-9090}"
fleet_demo_pids=()
fleet_demo_config_args=()
fleet_stop_demo_metrics() {
  local pid
  for pid in "${fleet_demo_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
}

if ! command -v prometheus >/dev/null 2>&1; then
  printf '\033[1;33mprometheus is not installed: fleet health will report its metrics source as unavailable.\033[0m\n'
else
  fleet_wanted_port="$FLEET_PROMETHEUS_PORT"
  FLEET_PROMETHEUS_PORT="$(node "$ROOT/scripts/free-port.js" "$fleet_wanted_port")"
  rm -rf "$ROOT/data/prometheus"
  mkdir -p "$ROOT/data/prometheus"
  # no scrape jobs: the store only holds what the feeder remote-writes
  : >"$ROOT/data/prometheus/prometheus.yml"
  # days of history of the clusters that record when they moved to their profile version (the canary
  # wave of the demo's rollout), written as blocks before Prometheus starts; the feeder shares its anchor
  fleet_metrics_anchor="$(date +%s)"
  bash "$ROOT/examples/metrics-feeder/backfill-history.sh" "$ROOT/data/prometheus/tsdb" \
    "$ROOT/examples/metrics-feeder/scenarios/demo.json" "$fleet_metrics_anchor" ||
    printf '\033[1;33mThe demo metrics history could not be written: rollout gates will say their history is missing.\033[0m\n'
  prometheus --config.file="$ROOT/data/prometheus/prometheus.yml" \
    --storage.tsdb.path="$ROOT/data/prometheus/tsdb" \
    --web.listen-address="127.0.0.1:${FLEET_PROMETHEUS_PORT}" \
    --web.enable-remote-write-receiver \
    >"$ROOT/data/prometheus/prometheus.log" 2>&1 &
  fleet_demo_pids+=($!)
  trap fleet_stop_demo_metrics EXIT
  fleet_prometheus_ready=0
  for _ in $(seq 1 60); do
    if curl -fsS "http://127.0.0.1:${FLEET_PROMETHEUS_PORT}/-/ready" >/dev/null 2>&1; then
      fleet_prometheus_ready=1
      break
    fi
    # it exited, e.g. another program took the port in the meantime: feed nothing to that program
    kill -0 "${fleet_demo_pids[0]}" 2>/dev/null || break
    sleep 0.5
  done
  if [ "$fleet_prometheus_ready" != 1 ]; then
    printf '\033[1;33mThe demo Prometheus did not start (see data/prometheus/prometheus.log): fleet health will report its metrics source as unavailable.\033[0m\n'
  else
    node "$ROOT/examples/metrics-feeder/feed.js" \
      --url "http://127.0.0.1:${FLEET_PROMETHEUS_PORT}/api/v1/write" --interval 20 \
      --anchor "$fleet_metrics_anchor" &
    fleet_demo_pids+=($!)
    printf 'Demo Prometheus on http://127.0.0.1:%s, fed with DEMO series by examples/metrics-feeder.\n' "$FLEET_PROMETHEUS_PORT"
  fi
  if [ "$fleet_prometheus_ready" = 1 ] && [ "$FLEET_PROMETHEUS_PORT" != "$fleet_wanted_port" ]; then
    # the portal's metrics source (fleet.health.sources of app-config.yaml), moved to the port taken
    cat >"$ROOT/data/prometheus/app-config.demo-metrics.yaml" <<EOF
# Written by scripts/demo-metrics.sh: 127.0.0.1:${fleet_wanted_port} was in use, so the demo
# Prometheus listens on ${FLEET_PROMETHEUS_PORT}.
fleet:
  health:
    sources:
      - name: central
        type: prometheus
        url: http://127.0.0.1:${FLEET_PROMETHEUS_PORT}
        timeoutSeconds: 5
EOF
    fleet_demo_config_args=(--config "$ROOT/data/prometheus/app-config.demo-metrics.yaml")
  fi
fi
