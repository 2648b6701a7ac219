import { expect, test } from '@playwright/test';
import { saveScreenshot, signInAs } from './helpers';

test('the sign-in page offers the guest and the three personas', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Enter' })).toBeVisible();
  for (const name of ['Priya Raman', 'Devon Clarke', 'Morgan Ellis']) {
    await expect(
      page.getByRole('button', { name: `Sign in as ${name}` }),
    ).toBeVisible();
  }
  await saveScreenshot(page, testInfo);
});

test('a persona signs in as the catalog user', async ({ page }, testInfo) => {
  await signInAs(page, 'Morgan Ellis', '/settings');
  // the user entity comes from the catalog, ownership from the user's real group membership
  const identity = page
    .locator('[class*="MuiCard"]')
    .filter({ hasText: 'Backstage Identity' });
  await expect(
    identity.getByRole('link', { name: 'Morgan Ellis' }).first(),
  ).toBeVisible();
  await expect(
    identity.getByRole('link', { name: 'Management' }),
  ).toBeVisible();
  await saveScreenshot(page, testInfo);
});

test("Devon lands on a home page with his team's clusters and namespaces", async ({
  page,
}, testInfo) => {
  await signInAs(page, 'Devon Clarke', '/');
  await expect(
    page.getByRole('heading', { name: 'Hello, Devon Clarke' }),
  ).toBeVisible();
  const fleet = page
    .locator('[class*="MuiCard"]')
    .filter({ hasText: 'My clusters and namespaces' });
  await expect(
    fleet
      .getByRole('link', { name: 'stg-euw1-checkout-01', exact: true })
      .first(),
  ).toBeVisible({ timeout: 30_000 });
  await expect(
    fleet
      .getByRole('link', { name: 'prd-euw1-checkout-01', exact: true })
      .first(),
  ).toBeVisible();
  await expect(fleet.getByText('Namespaces of my teams')).toBeVisible();
  // health as the health page judges it: the cluster whose certificate expires is critical
  const rowOf = (cluster: string) =>
    fleet.getByRole('row').filter({
      has: page.getByRole('link', { name: cluster, exact: true }),
    });
  await expect(
    rowOf('prd-euw1-checkout-01').getByText('Critical', { exact: true }),
  ).toBeVisible({ timeout: 30_000 });
  await expect(
    rowOf('stg-euw1-checkout-01').getByText('OK', { exact: true }).first(),
  ).toBeVisible();
  await expect(fleet.getByText('Unknown', { exact: true })).toHaveCount(0);
  await expect(
    page.getByRole('link', { name: 'Request a tenant namespace' }),
  ).toBeVisible();
  await expect(page.getByText('All Components')).toHaveCount(0);
  await saveScreenshot(page, testInfo);
});

test("Priya lands on a home page with the platform team's clusters; the catalog is at /catalog", async ({
  page,
}, testInfo) => {
  await signInAs(page, 'Priya Raman', '/');
  await expect(
    page.getByRole('heading', { name: 'Hello, Priya Raman' }),
  ).toBeVisible();
  const fleet = page
    .locator('[class*="MuiCard"]')
    .filter({ hasText: 'My clusters and namespaces' });
  await expect(
    fleet
      .getByRole('link', { name: 'prd-euw1-platform-01', exact: true })
      .first(),
  ).toBeVisible({ timeout: 30_000 });
  await saveScreenshot(page, testInfo, 'home');
  await page.goto('/catalog');
  await expect(page.getByRole('table').first()).toBeVisible();
  await saveScreenshot(page, testInfo, 'catalog');
});
