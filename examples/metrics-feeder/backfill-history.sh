#!/usr/bin/env bash
# DEMO DATA. Writes the feeder's history (history.js: days of series of the clusters that record when
# they moved to their profile version) as TSDB blocks into a Prometheus data directory, BEFORE that
# Prometheus starts: remote write cannot deliver samples that old.
#   backfill-history.sh <tsdb dir> <scenario json> <anchor: unix seconds, the same as feed.js --anchor>
# Without promtool it writes nothing and says so: the store then only holds the feeder's last hour, and
# a rollout gate says its history is missing.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TSDB="${1:?tsdb directory}"
SCENARIO="${2:?scenario file}"
ANCHOR="${3:?anchor (unix seconds)}"
if ! command -v promtool >/dev/null 2>&1; then
  echo "metrics-feeder: promtool is not installed (Debian package prometheus): no history backfilled" >&2
  exit 0
fi
text="$(mktemp /tmp/fleet-metrics-history-XXXXXX)"
trap 'rm -f "$text"' EXIT
node "$HERE/history.js" --out "$text" --scenario "$SCENARIO" --anchor "$ANCHOR"
mkdir -p "$TSDB"
# long blocks: a couple of passes over the text instead of one per default two-hour block
promtool tsdb create-blocks-from openmetrics --max-block-duration=240h "$text" "$TSDB" >/dev/null
