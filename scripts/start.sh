#!/usr/bin/env bash
# One command from a fresh clone to a running Fleet Portal on its embedded defaults:
# sets up (Node 22, dependencies, system packages when root), builds the frontend, prepares the demo
# platform repository as a local Git repository, starts a local Prometheus fed with demo metrics
# (when prometheus is installed), and runs the backend, which serves the app.
#   scripts/start.sh            build if needed, then run on http://localhost:7007
#   FLEET_REBUILD=1 scripts/start.sh   force a frontend rebuild
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/setup.sh
source scripts/env.sh
# the portal's port (backend.listen of app-config.yaml): whatever already listens there is left alone
node scripts/free-port.js 7007 --require >/dev/null
bash scripts/build-app.sh
bash scripts/demo-platform-repo.sh
mkdir -p data/sqlite
source scripts/demo-metrics.sh
printf '\n\033[1;32mFleet Portal starting: open http://localhost:7007 and sign in as the guest or a demo persona.\033[0m\n\n'
# not exec: the demo Prometheus and feeder are stopped when the backend exits. Development: the demo's
# guest and personas exist only there (packages/backend/src/modules/demoSignIn).
NODE_ENV=development bash scripts/run-backend.sh --config "$ROOT/app-config.yaml" "${fleet_demo_config_args[@]}"
