import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { e2eDataDirFile } from '../playwright.config';
import { saveScreenshot, signInAs } from './helpers';

// A platform owner (Priya) sees what the catalog read from the platform repository. A commit adds
// a file the YAML parser cannot read (an alias bomb) to the e2e copy of the demo repository; the
// catalog reads it every 5 s, skips that file with its line and reason, and keeps the fleet.
const BROKEN = 'clusters/prd-euw1-broken-01/cluster.yaml';
const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Fleet Portal e2e',
  GIT_AUTHOR_EMAIL: 'e2e@fleet-portal.invalid',
  GIT_COMMITTER_NAME: 'Fleet Portal e2e',
  GIT_COMMITTER_EMAIL: 'e2e@fleet-portal.invalid',
};

function platformRepo(): string {
  const dataDir = fs.readFileSync(e2eDataDirFile, 'utf8').trim();
  return path.join(dataDir, 'platform-config.git');
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' });
}

/** Commits to main of the e2e platform repository through a clone: `null` deletes a file. */
function commitToPlatformRepo(
  message: string,
  files: Record<string, string | null>,
) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-e2e-clone-'));
  try {
    git(work, 'clone', '--quiet', '--branch', 'main', platformRepo(), '.');
    for (const [file, content] of Object.entries(files)) {
      if (content === null) {
        fs.rmSync(path.join(work, file), { force: true });
      } else {
        fs.mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
        fs.writeFileSync(path.join(work, file), content);
      }
    }
    git(work, 'add', '--all');
    if (git(work, 'status', '--porcelain').trim() === '') {
      return; // nothing to change
    }
    git(work, 'commit', '--quiet', '-m', message);
    git(work, 'push', '--quiet', 'origin', 'main');
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** A cluster file whose aliases expand to 9^9 strings; the first alias is on line 7. */
function aliasBomb(): string {
  const levels = [`    l0: &l0 [${Array(9).fill('"lol"').join(', ')}]`];
  for (let level = 1; level < 9; level++) {
    levels.push(
      `    l${level}: &l${level} [${Array(9)
        .fill(`*l${level - 1}`)
        .join(', ')}]`,
    );
  }
  return [
    'apiVersion: backstage.io/v1alpha1',
    'kind: Resource',
    'metadata:',
    '  name: prd-euw1-broken-01',
    '  annotations:',
    ...levels,
    'spec:',
    '  type: kubernetes-cluster',
    '',
  ].join('\n');
}

test.describe('platform repository (platform owner)', () => {
  test.afterAll(() => {
    // later specs see the demo repository as it was
    commitToPlatformRepo('e2e: remove the broken cluster file', {
      [BROKEN]: null,
    });
  });

  test('a broken file is listed with its reason while the fleet stays', async ({
    page,
  }, testInfo) => {
    commitToPlatformRepo('e2e: a cluster file the YAML parser cannot read', {
      [BROKEN]: aliasBomb(),
    });
    const commit = execFileSync(
      'git',
      ['--git-dir', platformRepo(), 'rev-parse', 'main'],
      { encoding: 'utf8' },
    ).trim();

    await signInAs(page, 'Priya Raman', '/fleet/platform-repository');
    const skipped = page.getByRole('table', { name: 'Skipped files of demo' });
    const row = skipped.getByRole('row').filter({ hasText: BROKEN });
    // the provider reads the repository every 5 s
    await expect(async () => {
      await page.reload();
      await expect(row).toBeVisible({ timeout: 3_000 });
    }).toPass({ timeout: 60_000 });
    await expect(row).toContainText('7');
    await expect(row).toContainText(
      'invalid YAML: its aliases (such as *l0) expand to more data than an entity file may hold; write the values out instead',
    );
    await expect(row).toContainText('has no entity for it');
    await expect(page.getByText(commit)).toBeVisible();
    await expect(page.getByText(/\d+ profiles?, \d+ clusters?/)).toBeVisible();
    await saveScreenshot(page, testInfo, 'skipped file');

    // the rest of the fleet is still ingested
    await page.goto('/fleet/lifecycle');
    const clusters = page.getByRole('table', { name: 'Clusters' });
    await expect(
      clusters.getByRole('row').filter({ hasText: 'prd-euw1-checkout-01' }),
    ).toHaveCount(1);
    await saveScreenshot(page, testInfo, 'fleet still listed');
  });

  test('is for platform owners only', async ({ page }, testInfo) => {
    await signInAs(page, 'Devon Clarke', '/fleet/platform-repository');
    const warning = page.getByText(
      /You don't have permission to view the state of the platform repository/,
    );
    await expect(warning).toBeVisible();
    await warning.click(); // the panel opens to say which permission is missing
    await expect(
      page.getByText(
        'Ask the platform team for the fleet.platformRepo.read permission.',
      ),
    ).toBeVisible();
    await saveScreenshot(page, testInfo, 'no permission');
  });
});
