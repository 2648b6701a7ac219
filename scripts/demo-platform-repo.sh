#!/usr/bin/env bash
# Turns examples/platform-config into a local Git repository (data/platform-config.git, bare) that the
# inventory provider reads like any remote. Dates in the demo are shifted so that they keep their
# distance from today (see examples/platform-config/.demo-anchor). Existing repositories are kept:
# changes made through the portal's templates survive a restart. FLEET_RESET_DEMO=1 recreates it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/env.sh"
exec node "$ROOT/scripts/demo-platform-repo.js" "$@"
