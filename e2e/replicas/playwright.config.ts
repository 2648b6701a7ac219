import { defineConfig } from '@playwright/test';
import path from 'node:path';

export const artifactsDir = path.resolve(__dirname, 'artifacts');

/**
 * The multi-replica tests (scripts/test.sh --replicas): API-level checks against two real backends
 * of this app on one PostgreSQL and one Redis (e2e/replicas/harness.ts). No browser. One worker: the
 * specs share the replicas that tests/replicas.spec.ts starts once.
 */
export default defineConfig({
  testDir: path.resolve(__dirname, 'tests'),
  timeout: 120_000,
  expect: { timeout: 30_000 },
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  outputDir: path.join(artifactsDir, 'test-results'),
  reporter: [
    ['list'],
    ['json', { outputFile: path.join(artifactsDir, 'report.json') }],
  ],
});
