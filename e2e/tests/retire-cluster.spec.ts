import { expect, Page, test } from '@playwright/test';
import { platformRepoGit, saveScreenshot, signInAs } from './helpers';

// A platform owner retires a cluster through the retire-cluster template. The request is a proposal:
// nothing changes on main, so the lifecycle page keeps showing the cluster as it is until a reviewer
// merges the branch (what the page shows is the platform repository's main, never an open
// proposal). The spec then merges it as a reviewer would, and the page shows the cluster retiring
// after the catalog's next refresh.
const TEMPLATE_TITLE = 'Retire a cluster';
const CLUSTER = 'dev-euw1-shared-01';
const REASON = 'Shared development moves to the new dev-euw1-shared-02';

function dateInDays(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function proposalBranches(): string[] {
  return platformRepoGit(
    'for-each-ref',
    '--format=%(refname:short)',
    `refs/heads/fleet/cluster/${CLUSTER}/`,
  )
    .split('\n')
    .filter(Boolean);
}

async function openTemplate(page: Page) {
  const card = page
    .locator('[class*="MuiCard"]')
    .filter({ hasText: TEMPLATE_TITLE });
  await expect(async () => {
    await page.goto('/create');
    await expect(card).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
  await card.getByRole('button', { name: 'Choose' }).click();
}

test.describe('retire a cluster', () => {
  test('a platform owner marks a cluster retiring as a proposal, and after the merge the lifecycle page shows it retiring', async ({
    page,
  }, testInfo) => {
    test.setTimeout(240_000);
    await signInAs(page, 'Priya Raman', '/create');
    await openTemplate(page);

    const cluster = page.getByRole('textbox', { name: /^Cluster/ });
    await cluster.click();
    await cluster.fill(CLUSTER);
    await page.getByRole('option', { name: new RegExp(CLUSTER) }).click();
    await page.getByLabel(/^Reason/).fill(REASON);
    const retireBy = dateInDays(60);
    await page.getByLabel(/^Retire by/).fill(retireBy);
    await saveScreenshot(page, testInfo, '1-form');
    await page.getByRole('button', { name: 'Review', exact: true }).click();
    await expect(page.getByText(CLUSTER).first()).toBeVisible();
    await page.getByRole('button', { name: 'Create', exact: true }).click();

    await expect(page.getByText(/is proposed to retire by/)).toBeVisible({
      timeout: 90_000,
    });
    const branches = proposalBranches();
    expect(branches).toHaveLength(1);
    const [branch] = branches;
    expect(branch).toMatch(
      new RegExp(`^fleet/cluster/${CLUSTER}/[0-9a-f]{8}$`),
    );
    await expect(page.getByText(branch).first()).toBeVisible();
    await saveScreenshot(page, testInfo, '2-proposed');

    // the proposal holds the change, main does not
    const file = `clusters/${CLUSTER}/cluster.yaml`;
    const proposed = platformRepoGit('show', `${branch}:${file}`);
    expect(proposed).toContain(`retireBy: ${retireBy}`);
    expect(proposed).toContain(`reason: ${REASON}`);
    expect(proposed).toContain('requestedBy: user:default/priya.platform');
    expect(platformRepoGit('show', `main:${file}`)).not.toContain('retiring');
    expect(platformRepoGit('log', '-1', '--format=%an%n%B', branch)).toContain(
      `Reason: ${REASON}`,
    );

    // a reviewer merges the proposal (a fast-forward of main, refused if main moved meanwhile)
    const main = platformRepoGit('rev-parse', 'main').trim();
    platformRepoGit('merge-base', '--is-ancestor', main, branch);
    platformRepoGit(
      'update-ref',
      'refs/heads/main',
      platformRepoGit('rev-parse', branch).trim(),
      main,
    );

    // the catalog reads main on its schedule, the lifecycle view judges a snapshot at a time
    await page.goto(`/fleet/lifecycle?search=${CLUSTER}`);
    const row = page.getByRole('row').filter({ hasText: CLUSTER });
    await expect(async () => {
      await page.reload();
      await expect(row.getByText('Retiring', { exact: true })).toBeVisible({
        timeout: 5_000,
      });
    }).toPass({ timeout: 150_000 });
    await expect(row.getByText(retireBy)).toBeVisible();
    await saveScreenshot(page, testInfo, '3-lifecycle-retiring');
  });
});
