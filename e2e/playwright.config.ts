import { defineConfig } from '@playwright/test';
import path from 'node:path';
import { chromiumLaunchOptions } from './chromium';

const port = Number(process.env.FLEET_E2E_PORT ?? 7027);
const prometheusPort = Number(process.env.FLEET_E2E_PROMETHEUS_PORT ?? 7029);
/** The e2e metrics source (e2e/start-prometheus.sh). */
export const prometheusUrl = `http://127.0.0.1:${prometheusPort}`;
export const artifactsDir = path.resolve(__dirname, 'artifacts');
/** Where e2e/start-prometheus.sh records the pid of the metrics source, for the spec that stops it. */
export const prometheusPidFile = path.join(artifactsDir, 'prometheus.pid');
/** Where e2e/start-backend.sh records its throwaway data directory (e.g. the demo platform repository). */
export const e2eDataDirFile = path.join(artifactsDir, 'e2e-data-dir');

/**
 * End-to-end tests drive the real app (built frontend served by the backend) in Debian's Chromium.
 * The backend is started by Playwright with e2e/app-config.e2e.yaml: its own port, a fresh SQLite
 * directory and a fresh copy of the demo platform repository, so a run never touches the demo data.
 * Before it, a real Prometheus (e2e/start-prometheus.sh) is started as the backend's metrics source.
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
  webServer: [
    {
      // the metrics source of fleet health, fed from e2e/fixtures/health-scenario.json
      command: `bash ${path.resolve(__dirname, 'start-prometheus.sh')}`,
      url: `http://127.0.0.1:${prometheusPort}/-/ready`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
      env: {
        FLEET_E2E_PROMETHEUS_PORT: String(prometheusPort),
        FLEET_E2E_PROMETHEUS_PIDFILE: prometheusPidFile,
      },
    },
    {
      command: `bash ${path.resolve(__dirname, 'start-backend.sh')}`,
      url: `http://localhost:${port}/.backstage/health/v1/readiness`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        FLEET_E2E_PORT: String(port),
        FLEET_E2E_PROMETHEUS_PORT: String(prometheusPort),
        FLEET_E2E_DATA_DIR_FILE: e2eDataDirFile,
      },
    },
  ],
});
