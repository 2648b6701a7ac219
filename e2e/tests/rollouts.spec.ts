import { expect, test, type Page } from '@playwright/test';
import {
  ensurePrometheusRunning,
  personaToken,
  platformRepoGit,
  saveScreenshot,
  signInAs,
} from './helpers';

// The demo's production profile is in rollout to 3.2.0 (examples/platform-config): canary
// (prd-euw1-platform-01, prd-aps1-search-01) has run 3.2.0 for six days and more, with days of healthy
// history backfilled into the e2e Prometheus (e2e/start-prometheus.sh); production-east
// (prd-use1-payments-01, prd-use1-data-01) is next; production-west is behind.
const ROLLOUT_TAB = '/catalog/default/clusterprofile/production/rollout';
const EAST = ['prd-use1-data-01', 'prd-use1-payments-01'];

/** The rollout tab, reloaded until the catalog has read the platform repository and judged the gate. */
async function openRollout(page: Page) {
  await expect(async () => {
    await page.goto(ROLLOUT_TAB);
    await expect(page.getByText('Wave 1: canary')).toBeVisible({
      timeout: 10_000,
    });
    await expect(page.locator('[data-verdict="open"]').first()).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 120_000, intervals: [3_000] });
}

function rolloutBranches(): string[] {
  return platformRepoGit(
    'for-each-ref',
    '--format=%(refname:short)',
    'refs/heads/fleet/rollout/production/',
  )
    .split('\n')
    .filter(Boolean);
}

test.describe('profile rollouts', () => {
  test.beforeAll(async () => {
    // fleet-health.spec.ts stops the source in its last test and starts it again; make sure
    await ensurePrometheusRunning();
  });

  test('Priya sees the canary gate open with its evidence and promotes production-east as one proposal', async ({
    page,
  }, testInfo) => {
    test.setTimeout(240_000);
    await signInAs(page, 'Priya Raman', ROLLOUT_TAB);
    await openRollout(page);

    const summary = page.getByTestId('rollout-summary');
    await expect(summary).toContainText('production-east');
    const reason = page.getByTestId('gate-reason').first();
    await expect(reason).toHaveText(
      /^canary: 2 of 2 on 3\.2\.0, healthy for [\d.]+ d of 5 d — open$/,
    );
    const evidence = page.getByLabel('Evidence of the canary gate').first();
    await expect(evidence).toContainText('2 of 2 clusters on 3.2.0');
    await expect(evidence).toContainText(/range queries/);
    await expect(evidence).toContainText('prometheus-e2e: up');
    // owners by their titles, never raw refs
    const east = page.getByRole('table', {
      name: 'Clusters of wave production-east',
    });
    await expect(east.getByRole('row')).toHaveCount(EAST.length + 1);
    await expect(page.getByText(/group:default\//)).toHaveCount(0);
    await expect(
      page.locator('[data-wave="production-west"][data-state="waiting"]'),
    ).toBeVisible();
    await saveScreenshot(page, testInfo, '1-rollout-tab');

    // the fleet page lists the rollout and links to the tab
    await page.goto('/fleet/rollouts');
    const row = page
      .getByRole('table', { name: 'Rollouts' })
      .locator('[data-profile="production"]');
    await expect(row).toContainText('3.2.0');
    await expect(row).toContainText('production-east');
    await saveScreenshot(page, testInfo, '2-rollouts-page');
    await row.getByRole('link', { name: 'Production' }).click();
    await expect(page).toHaveURL(/\/clusterprofile\/production\/rollout$/);

    expect(rolloutBranches()).toEqual([]);
    await page.getByRole('button', { name: 'Promote production-east' }).click();
    await expect(page).toHaveURL(
      /\/create\/templates\/default\/promote-rollout/,
    );
    await page.getByLabel(/^Reason/).fill('CHG-4711: canary soaked a week');
    await saveScreenshot(page, testInfo, '3-template-profile');
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(page.getByTestId('fleet-rollout-next-wave')).toContainText(
      'production-east to 3.2.0: 2 clusters',
    );
    await saveScreenshot(page, testInfo, '4-template-gate');
    await page.getByRole('button', { name: 'Review', exact: true }).click();
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(page.getByText(/is proposed on branch/).first()).toBeVisible({
      timeout: 120_000,
    });
    await saveScreenshot(page, testInfo, '5-proposal');

    // one proposal branch, and its diff touches exactly the wave's clusters
    const branches = rolloutBranches();
    expect(branches).toHaveLength(1);
    const [branch] = branches;
    expect(branch).toMatch(
      /^fleet\/rollout\/production\/3\.2\.0\/production-east-/,
    );
    const changed = platformRepoGit('diff', '--name-only', `main...${branch}`)
      .split('\n')
      .filter(Boolean)
      .sort();
    expect(changed).toEqual(EAST.map(c => `clusters/${c}/cluster.yaml`));
    for (const cluster of EAST) {
      const file = platformRepoGit(
        'show',
        `${branch}:clusters/${cluster}/cluster.yaml`,
      );
      expect(file).toMatch(/profileVersion: 3\.2\.0/);
      expect(file).toMatch(/versionSince: "?\d{4}-\d{2}-\d{2}/);
    }
    const message = platformRepoGit('log', '-1', '--format=%an%n%B', branch);
    expect(message).toMatch(/^Priya Raman/);
    expect(message).toContain('canary: 2 of 2 on 3.2.0');
  });

  test('Devon is not offered Promote, and the promote path refuses him', async ({
    page,
    request,
  }, testInfo) => {
    test.setTimeout(180_000);
    await signInAs(page, 'Devon Clarke', ROLLOUT_TAB);
    await openRollout(page);
    await expect(page.getByTestId('rollout-summary')).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expect(page.getByText(/^Promote /)).toHaveCount(0);
    await saveScreenshot(page, testInfo, 'rollout-tab');

    // he cannot start the template by its ref (the catalog hides it from him) ...
    const token = await personaToken(request, 'devon.developer');
    const headers = { Authorization: `Bearer ${token}` };
    const before = rolloutBranches();
    const task = await request.post('/api/scaffolder/v2/tasks', {
      headers,
      data: {
        templateRef: 'template:default/promote-rollout',
        values: {
          profile: 'clusterprofile:default/production',
          wave: 'production-east',
          reason: 'trying anyway',
        },
      },
    });
    expect(task.ok()).toBe(false);
    // ... and the promote action itself, called directly, answers 403 with the permission in words
    const invoke = await request.post(
      '/api/scaffolder/.backstage/actions/v1/actions/scaffolder:fleet-promote-rollout/invoke',
      {
        headers,
        data: {
          profile: 'clusterprofile:default/production',
          wave: 'production-east',
          reason: 'trying anyway',
        },
      },
    );
    expect(invoke.status()).toBe(403);
    expect(await invoke.text()).toContain(
      'user:default/devon.developer may not promote rollouts: the permission fleet.rollout.promote is not granted',
    );
    expect(rolloutBranches()).toEqual(before);
  });
});
