#!/usr/bin/env bash
# Runs the backend (which serves the built app) once, without the development file watcher:
# the portal of scripts/start.sh, the e2e suite and the benchmarks use it. Arguments are passed on,
# e.g. --config files. For hot reload while developing use `yarn workspace backend start`.
# NODE_ENV defaults to development (the demo, e2e and benchmarks sign in as the guest or a persona);
# a production start sets NODE_ENV=production (app-config.production.yaml, README "Production").
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/env.sh"
cd "$ROOT/packages/backend"
export NODE_ENV="${NODE_ENV:-development}"
exec node --require "$ROOT/node_modules/@backstage/cli/config/nodeTransform.cjs" src/index.ts "$@"
