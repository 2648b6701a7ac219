#!/usr/bin/env bash
# One command from a fresh clone to a full test run: sets up, runs every package's tests (jest, CI mode,
# on SQLite and — when it answers at 127.0.0.1:5432 — PostgreSQL), builds the app, runs the Playwright
# e2e suite in Debian Chromium, and ends with one line: "N passed, N failed".
#   scripts/test.sh                 everything
#   scripts/test.sh --unit          only the package tests
#   scripts/test.sh --e2e           only the e2e suite
#   scripts/test.sh --adopter       only the adopter install check (scripts/check-adopter-install.sh)
#   scripts/test.sh --replicas      only the multi-replica tests (e2e/replicas: two backends on one
#                                   PostgreSQL and one Redis; needs both at 127.0.0.1)
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/setup.sh || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }
source scripts/env.sh
export CI=true
results="$ROOT/data/test-results"
rm -rf "$results" && mkdir -p "$results"
run_unit=1; run_e2e=1; run_adopter=1; run_replicas=1
case "${1:-}" in
  --unit) run_e2e=0; run_adopter=0; run_replicas=0 ;;
  --e2e) run_unit=0; run_adopter=0; run_replicas=0 ;;
  --adopter) run_unit=0; run_e2e=0; run_replicas=0 ;;
  --replicas) run_unit=0; run_e2e=0; run_adopter=0 ;;
esac

# PostgreSQL for TestDatabases (trust auth on these machines); tests fall back to SQLite only without it.
if [ -z "${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-}" ] && \
   node -e 'require("net").connect(5432,"127.0.0.1").on("connect",()=>process.exit(0)).on("error",()=>process.exit(1))'; then
  export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="postgresql://postgres@127.0.0.1:5432"
fi

if [ "$run_unit" = 1 ]; then
  echo "=== package tests"
  node node_modules/.bin/backstage-cli repo test --json --outputFile="$results/jest.json" 2>&1 | tee "$results/jest.log" | grep -vE '^\s*$' | tail -n 60
fi

if [ "$run_e2e" = 1 ]; then
  echo "=== e2e"
  bash scripts/build-app.sh > "$results/build-app.log" 2>&1 || { tail -40 "$results/build-app.log"; echo '{"buildFailed":true}' > "$results/e2e-build-failed.json"; }
  if [ ! -f "$results/e2e-build-failed.json" ]; then
    rm -rf e2e/artifacts
    node node_modules/.bin/playwright test --config e2e/playwright.config.ts 2>&1 | tee "$results/e2e.log" | tail -n 40
    cp e2e/artifacts/report.json "$results/playwright.json" 2>/dev/null || true
  fi
fi

if [ "$run_replicas" = 1 ]; then
  echo "=== replicas (two backends, one PostgreSQL, one Redis)"
  touch "$results/replicas.log"
  rm -rf e2e/replicas/artifacts
  node node_modules/.bin/playwright test --config e2e/replicas/playwright.config.ts 2>&1 | tee "$results/replicas.log" | tail -n 30
  cp e2e/replicas/artifacts/report.json "$results/replicas.json" 2>/dev/null || true
fi

if [ "$run_adopter" = 1 ]; then
  echo "=== adopter install check"
  bash scripts/check-adopter-install.sh > "$results/adopter.log" 2>&1
  grep -E '\[adopter\]|passed, .* failed' "$results/adopter.log" | tail -n 12
fi

node scripts/summarize-tests.js "$results"
