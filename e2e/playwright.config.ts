import { defineConfig } from '@playwright/test';
import path from 'node:path';
import { chromiumLaunchOptions } from './chromium';

const port = Number(process.env.FLEET_E2E_PORT ?? 7027);
export const artifactsDir = path.resolve(__dirname, 'artifacts');

/**
 * End-to-end tests drive the real app (built frontend served by the backend) in Debian's Chromium.
 * The backend is started by Playwright with e2e/app-config.e2e.yaml: its own port, a fresh SQLite
 * directory and a fresh copy of the demo platform repository, so a run never touches the demo data.
 */
export default defineConfig({
  testDir: path.resolve(__dirname, 'tests'),
  timeout: 90_000,
  expect: { timeout: 30_000 },
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  outputDir: path.join(artifactsDir, 'test-results'),
  reporter: [
    ['list'],
    ['json', { outputFile: path.join(artifactsDir, 'report.json') }],
  ],
  use: {
    baseURL: `http://localhost:${port}`,
    screenshot: 'on',
    trace: 'retain-on-failure',
    viewport: { width: 1440, height: 900 },
    launchOptions: chromiumLaunchOptions,
  },
  webServer: {
    command: `bash ${path.resolve(__dirname, 'start-backend.sh')}`,
    url: `http://localhost:${port}/.backstage/health/v1/readiness`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { FLEET_E2E_PORT: String(port) },
  },
});
