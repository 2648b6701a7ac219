#!/usr/bin/env node
/* eslint-disable no-console */
// Waits for the scratch app's backend, signs in as its development guest, and checks that the suite's
// backend plugin and modules are there: the fleet API answers, the scaffolder lists the fleet actions,
// and the backend log has no error from a fleet package.
// Usage: check-backend-routes.js <port> <backend log file>
const fs = require('node:fs');

const [port, logFile] = process.argv.slice(2);
const base = `http://127.0.0.1:${port}`;
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

async function waitForReady(deadline) {
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${base}/.backstage/health/v1/readiness`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(2000);
  }
  throw new Error('the backend did not become ready within 4 minutes');
}

async function guestToken() {
  const res = await fetch(`${base}/api/auth/guest/refresh?env=development`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!res.ok) throw new Error(`guest sign-in answered ${res.status}`);
  return (await res.json()).backstageIdentity.token;
}

async function getJson(path, token) {
  const res = await fetch(`${base}${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw new Error(`GET ${path} answered ${res.status}`);
  return res.json();
}

async function main() {
  await waitForReady(Date.now() + 240_000);
  const token = await guestToken();

  const lifecycle = await getJson('/api/fleet/lifecycle/clusters', token);
  console.log(`GET /api/fleet/lifecycle/clusters: ${JSON.stringify(lifecycle).length} bytes`);

  const actions = (await getJson('/api/scaffolder/v2/actions', token)).map(a => a.id);
  const fleetActions = actions.filter(id => id.startsWith('fleet:'));
  console.log(`scaffolder actions from the suite: ${fleetActions.join(', ')}`);
  if (!fleetActions.includes('fleet:platform-repo:propose'))
    throw new Error('the fleet scaffolder actions are not registered');

  const unauthenticated = await fetch(`${base}/api/fleet/lifecycle/clusters`);
  if (unauthenticated.status !== 401)
    throw new Error(`the fleet API answered ${unauthenticated.status} without a token`);

  const errors = fs
    .readFileSync(logFile, 'utf8')
    .split('\n')
    .filter(line => /fleet/i.test(line) && /\b(error|deprecat)/i.test(line));
  if (errors.length) throw new Error(`fleet errors in the backend log:\n${errors.join('\n')}`);
}

main().catch(error => {
  console.error(String(error.message ?? error));
  process.exit(1);
});
