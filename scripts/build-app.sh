#!/usr/bin/env bash
# Builds packages/app when its sources (or a plugin it bundles) changed since the last build.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/env.sh
fingerprint="$(
  { node --version; cat yarn.lock app-config.yaml;
    find packages/app plugins -type f \( -name '*.ts' -o -name '*.tsx' -o -name '*.json' -o -name '*.html' \) \
      -not -path '*/node_modules/*' -not -path '*/dist/*' -not -path '*/dist-types/*' -print0 \
      | sort -z | xargs -0 cat; } | sha1sum | cut -c1-40
)"
stamp=packages/app/dist/.fleet-build-stamp
if [ "${FLEET_REBUILD:-0}" != 1 ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$fingerprint" ]; then
  echo "[build-app] frontend up to date"
  exit 0
fi
echo "[build-app] building the frontend (about a minute)"
(cd packages/app && node "$ROOT/node_modules/.bin/backstage-cli" package build)
echo "$fingerprint" > "$stamp"
