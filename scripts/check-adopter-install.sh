#!/usr/bin/env bash
# The adopter's view: packs every plugin of the suite as it would be published, generates a new app with
# the current @backstage/create-app, moves that app to the newest @backstage release on the registry,
# installs the packed plugins into it, and checks that
#   1. no plugin of ours brings its own copy of an @backstage package (every @backstage/* dependency of
#      ours resolves to the app's single copy);
#   2. the app type-checks and its frontend builds with the suite's new-frontend-system plugin;
#   3. the backend starts with the suite's backend plugin and modules, and their routes answer.
# Usage: scripts/check-adopter-install.sh [--keep]   (--keep leaves the scratch app in place)
# Ends with "N passed, N failed" (one check per numbered item above plus the install itself).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/setup.sh --no-system >/dev/null || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }
# shellcheck source=env.sh
source scripts/env.sh
log() { printf '\033[1;34m[adopter]\033[0m %s\n' "$*"; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/fleet-adopter.XXXXXX")"
APP="$WORK/app"
PACKS="$WORK/packs"
BACKEND_PID=""
passed=0
failed=0
pass() { passed=$((passed + 1)); log "PASS $*"; }
fail() { failed=$((failed + 1)); log "FAIL $*"; }
finish() {
  if [ -n "$BACKEND_PID" ]; then kill -- "-$BACKEND_PID" 2>/dev/null; wait "$BACKEND_PID" 2>/dev/null; fi
  if [ "${1:-}" != "--keep" ]; then rm -rf "$WORK"; else log "scratch app kept in $APP"; fi
  echo "$passed passed, $failed failed"
}
trap 'finish "${KEEP:-}"' EXIT
[ "${1:-}" = "--keep" ] && KEEP=--keep

# A `yarn` executable for tools that spawn it (create-app checks for one).
mkdir -p "$WORK/bin"
printf '#!/bin/sh\nexec node "%s" "$@"\n' "$ROOT/$(sed -n 's/^yarnPath: *//p' .yarnrc.yml)" >"$WORK/bin/yarn"
chmod +x "$WORK/bin/yarn"
export PATH="$WORK/bin:$PATH"

log "building and packing the plugins"
# yarn pack's prepack/postpack rewrite and restore each plugin's package.json: run this script while
# nobody edits those files
node node_modules/.bin/tsc >"$WORK/tsc.log" 2>&1 || { tail -20 "$WORK/tsc.log"; fail "type declarations"; exit 1; }
mkdir -p "$PACKS"
for dir in plugins/*/; do
  name="$(node -p "require('./${dir}package.json').name")"
  (cd "$dir" && node "$ROOT/node_modules/.bin/backstage-cli" package build >"$WORK/build.log" 2>&1 &&
    yarn pack --out "$PACKS/$(basename "$dir").tgz" >>"$WORK/build.log" 2>&1) ||
    { tail -20 "$WORK/build.log"; fail "pack $name"; exit 1; }
done

log "generating a scratch app with the current @backstage/create-app"
BACKSTAGE_APP_NAME=scratch-app npx -y @backstage/create-app@latest --skip-install --path "$APP" \
  </dev/null >"$WORK/create-app.log" 2>&1 || { tail -20 "$WORK/create-app.log"; fail "create-app"; exit 1; }

log "moving the scratch app to the newest @backstage release and adding the packed plugins"
node scripts/adopter/prepare-scratch-app.js "$ROOT" "$APP" "$PACKS" || { fail "prepare scratch app"; exit 1; }

log "yarn install in the scratch app (a few minutes: native addons compile)"
cp "$ROOT/.yarnrc.yml" "$APP/.yarnrc.yml"
mkdir -p "$APP/.yarn/releases" && cp "$ROOT"/.yarn/releases/*.cjs "$APP/.yarn/releases/"
if (cd "$APP" && YARN_ENABLE_IMMUTABLE_INSTALLS=0 yarn install >"$WORK/install.log" 2>&1); then
  pass "the packed plugins install into an app on the current release"
else
  grep -E 'YN0001|YN0082|YN0009|Error' "$WORK/install.log" | head -20
  fail "install"
  exit 1
fi

if node scripts/adopter/check-single-copies.js "$APP"; then
  pass "every @backstage dependency of the suite resolves to the app's single copy"
else
  fail "duplicate @backstage packages brought by the suite"
fi

if (cd "$APP" && yarn tsc >"$WORK/app-tsc.log" 2>&1 && yarn workspace app build >"$WORK/app-build.log" 2>&1); then
  pass "the app type-checks and builds with the fleet frontend plugin"
else
  tail -30 "$WORK/app-tsc.log" "$WORK/app-build.log" 2>/dev/null
  fail "app type-check or build"
fi

log "starting the scratch app's backend"
port="$(node -e 's=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
# its own process group, so that stopping it stops exactly what this script started
(cd "$APP/packages/backend" && APP_CONFIG_backend_listen_port="$port" \
  APP_CONFIG_backend_baseUrl="http://localhost:$port" \
  exec setsid node "$APP/node_modules/.bin/backstage-cli" package start >"$WORK/backend.log" 2>&1) &
BACKEND_PID=$!
if node scripts/adopter/check-backend-routes.js "$port" "$WORK/backend.log"; then
  pass "the backend starts with the suite's plugin and modules and their routes answer"
else
  tail -40 "$WORK/backend.log"
  fail "backend start"
fi
