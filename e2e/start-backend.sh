#!/usr/bin/env bash
# Started by Playwright: the real backend (serving the built app) on throwaway data, in development so
# that the demo's guest and persona sign-in is there (packages/backend/src/modules/demoSignIn).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/env.sh"
export NODE_ENV=development
export FLEET_E2E_PORT="${FLEET_E2E_PORT:-7027}"
export FLEET_E2E_PROMETHEUS_PORT="${FLEET_E2E_PROMETHEUS_PORT:-7029}"
# the port is fixed by e2e/playwright.config.ts: when another program has it, say so and leave it alone
node "$ROOT/scripts/free-port.js" "$FLEET_E2E_PORT" --require >/dev/null
export FLEET_E2E_DATA="$(mktemp -d /tmp/fleet-e2e-XXXXXX)"
mkdir -p "$FLEET_E2E_DATA/sqlite"
# tests that check what the app wrote (e.g. proposal branches of the platform repository) read it here
if [ -n "${FLEET_E2E_DATA_DIR_FILE:-}" ]; then
  mkdir -p "$(dirname "$FLEET_E2E_DATA_DIR_FILE")"
  echo "$FLEET_E2E_DATA" > "$FLEET_E2E_DATA_DIR_FILE"
fi
FLEET_DEMO_REPO="$FLEET_E2E_DATA/platform-config.git" node "$ROOT/scripts/demo-platform-repo.js"
export FLEET_DEMO_REPO="$FLEET_E2E_DATA/platform-config.git"
trap 'rm -rf "$FLEET_E2E_DATA"' EXIT
bash "$ROOT/scripts/run-backend.sh" \
  --config "$ROOT/app-config.yaml" --config "$ROOT/e2e/app-config.e2e.yaml"
