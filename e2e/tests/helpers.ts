import { APIRequestContext, expect, Page, TestInfo } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  e2eDataDirFile,
  prometheusPidFile,
  prometheusUrl,
} from '../playwright.config';

const screenshotDir = path.resolve(__dirname, '..', 'artifacts', 'screenshots');

/** Signs in through the guest provider's "Enter" button on the sign-in page. */
export async function signInAsGuest(page: Page, to = '/') {
  await page.goto(to);
  const enter = page.getByRole('button', { name: 'Enter' });
  await enter.click();
  await enter.waitFor({ state: 'detached' });
}

/** Saves a full-page screenshot named after the test, to be looked at after the run. */
export async function saveScreenshot(
  page: Page,
  testInfo: TestInfo,
  step = 'final',
) {
  const name = `${testInfo.titlePath.slice(1).join(' - ')} - ${step}`
    .replace(/[^a-z0-9 ._-]+/gi, '_')
    .slice(0, 180);
  await page.screenshot({
    path: path.join(screenshotDir, `${name}.png`),
    fullPage: true,
  });
}

/** Signs in as a demo persona (see packages/app/src/modules/signIn), by display name. */
export async function signInAs(page: Page, displayName: string, to = '/') {
  await page.goto(to);
  const button = page.getByRole('button', {
    name: `Sign in as ${displayName}`,
  });
  await button.click();
  await button.waitFor({ state: 'detached' });
}

// The demo moves every date of examples/platform-config to stay relative to today (scripts/demo-dates.js).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const demoDates = require('../../scripts/demo-dates');

/**
 * The date the demo shows for a lifetime date of a demo cluster (`created`, `reviewBy`, `retireBy`):
 * read from its file in examples/platform-config and moved as the demo repository moves it.
 */
export function demoClusterDate(
  cluster: string,
  field: 'created' | 'reviewBy' | 'retireBy',
): string {
  const file = path.resolve(
    __dirname,
    '../../examples/platform-config/clusters',
    cluster,
    'cluster.yaml',
  );
  const written = new RegExp(`\\b${field}: *"?(\\d{4}-\\d{2}-\\d{2})`).exec(
    fs.readFileSync(file, 'utf8'),
  )?.[1];
  if (!written) {
    throw new Error(`${file} has no ${field} date`);
  }
  return demoDates.demoDate(written);
}

/**
 * Starts the e2e Prometheus again on its data when a test stopped it (fleet-health.spec.ts stops it
 * to see the portal say so): e2e/start-prometheus.sh restarts it on SIGUSR1. Resolves once it answers
 * ready; does nothing when it runs.
 */
export async function ensurePrometheusRunning() {
  const ready = async () => {
    try {
      return (await fetch(`${prometheusUrl}/-/ready`)).ok;
    } catch {
      return false;
    }
  };
  if (await ready()) return;
  const supervisor = Number(
    fs.readFileSync(`${prometheusPidFile}.supervisor`, 'utf8').trim(),
  );
  process.kill(supervisor, 'SIGUSR1');
  await expect.poll(ready, { timeout: 30_000 }).toBe(true);
}

/** Git on the e2e run's copy of the demo platform repository (a bare repository, e2e/start-backend.sh). */
export function platformRepoGit(...args: string[]): string {
  const dataDir = fs.readFileSync(e2eDataDirFile, 'utf8').trim();
  return execFileSync(
    'git',
    ['--git-dir', path.join(dataDir, 'platform-config.git'), ...args],
    { encoding: 'utf8' },
  );
}

/** A Backstage token of a demo persona, from the development-only persona sign-in. */
export async function personaToken(
  request: APIRequestContext,
  userName: string,
): Promise<string> {
  const response = await request.get('/api/auth/demoPersona/refresh', {
    headers: { 'x-fleet-demo-persona': userName },
  });
  if (!response.ok()) {
    throw new Error(`no token for ${userName}: ${response.status()}`);
  }
  return (await response.json()).backstageIdentity.token as string;
}

/** How many scaffolder tasks a user has created, as the scaffolder's tasks API lists them. */
export async function taskCount(
  request: APIRequestContext,
  token: string,
  userRef: string,
): Promise<number> {
  const response = await request.get(
    `/api/scaffolder/v2/tasks?createdBy=${encodeURIComponent(userRef)}`,
    { headers: { Authorization: `Bearer ${token}` } },
  );
  if (!response.ok()) {
    throw new Error(`cannot list tasks: ${response.status()}`);
  }
  const body = await response.json();
  return body.totalTasks ?? body.tasks.length;
}
